package dev.ragft.report;

import dev.ragft.Advice;
import dev.ragft.Analysis;
import dev.ragft.CriterionResult;
import dev.ragft.Flip;
import dev.ragft.cost.CostReport;
import dev.ragft.cost.StrategyCost;
import dev.ragft.facts.Caveat;
import dev.ragft.facts.Favor;
import dev.ragft.facts.Recommendation;
import dev.ragft.facts.Scores;
import dev.ragft.facts.Severity;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Not API. The report as one self-contained HTML page for a design review: a summary card first, the
 * cumulative cost chart ({@link CostChartSvg}) and a score chart, then the tables. Inline CSS with a
 * print style, no scripts, no fonts or anything else fetched, so it can be mailed or archived as a
 * single file. Every piece of text is HTML-escaped.
 */
public final class HtmlReport {

    private static final String STYLE = """
            :root{--ink:#1f2328;--muted:#59636e;--line:#d1d9e0;--card:#f6f8fa;--ft:#7b3294;--rag:#1b7837;--hy:#e08214}
            body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;max-width:62rem;margin:2rem auto;padding:0 1rem;color:var(--ink);line-height:1.45}
            h1{font-size:1.6rem;margin:.2rem 0 .4rem}h2{font-size:1.25rem;margin-top:2rem;border-bottom:1px solid var(--line);padding-bottom:.2rem}
            h3{font-size:1.05rem;margin:1.2rem 0 .3rem}
            .meta{color:var(--muted);font-size:.9rem}
            .card{background:var(--card);border:1px solid var(--line);border-left:6px solid var(--accent,#555);border-radius:8px;padding:1rem 1.25rem;margin:1rem 0}
            .card.FINE_TUNE{--accent:var(--ft)}.card.RAG{--accent:var(--rag)}.card.HYBRID{--accent:var(--hy)}
            .card .verdict{font-size:1.5rem;font-weight:700;margin:0}
            .badge{display:inline-block;border:1px solid currentColor;border-radius:1rem;padding:0 .6rem;font-size:.85rem;font-weight:600;vertical-align:middle;margin-left:.5rem}
            .badge.HIGH{color:#1a7f37}.badge.MEDIUM{color:#9a6700}.badge.LOW{color:#cf222e}
            .facts{display:grid;grid-template-columns:repeat(auto-fit,minmax(11rem,1fr));gap:.5rem 1rem;margin:.8rem 0 0;padding:0}
            .facts div{margin:0}.facts dt{font-size:.8rem;color:var(--muted)}.facts dd{margin:0;font-weight:600}
            .charts{display:flex;flex-wrap:wrap;gap:1rem;align-items:flex-start}
            figure{margin:1rem 0}figcaption{font-size:.9rem;color:var(--muted);max-width:40rem}figure.scores{width:300px}
            svg{max-width:100%;height:auto}
            table{border-collapse:collapse;width:100%;margin:.6rem 0}
            th,td{border:1px solid var(--line);padding:.3rem .5rem;text-align:left;vertical-align:top}
            thead th{background:var(--card)}td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
            tr.default td{background:#fff8c5}.src{font-size:.85rem}
            .BLOCKER{color:#cf222e}.WARNING{color:#9a6700}.INFO{color:var(--muted)}
            .fav-same{color:#1a7f37;font-weight:700}.fav-other{color:#cf222e;font-weight:700}.fav-neutral{color:var(--muted)}
            code{font-size:.9em}footer{margin-top:2rem;color:var(--muted);font-size:.85rem;border-top:1px solid var(--line);padding-top:.5rem}
            @media print{body{max-width:none;margin:0;font-size:10pt;color:#000}.card,figure,table,tr{break-inside:avoid}
            h2,h3{break-after:avoid}thead{display:table-header-group}.card{border-color:#000;background:none}thead th{background:none}tr.default td{background:none;font-style:italic}
            a{color:inherit;text-decoration:none}}
            """;

    private HtmlReport() {
    }

    /** The page; see {@link Report} for what it holds. */
    public static String render(Report report) {
        Advice advice = report.advice();
        Recommendation r = advice.recommendation();
        StringBuilder out = new StringBuilder();
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>ragft report: ").append(r.strategy()).append(" (").append(r.confidence())
                .append(" confidence)</title>\n<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n");
        out.append("<header>\n<p class=\"meta\">ragft report · ").append(escape(report.generatedText()))
                .append(" · rules version <code>").append(escape(report.rulesVersion())).append("</code></p>\n");
        out.append("<h1>Recommendation: ").append(r.strategy()).append("</h1>\n</header>\n<main>\n");
        summaryCard(out, report);
        charts(out, advice);
        deciding(out, report);
        costs(out, advice.costs());
        caveats(out, report);
        if (report.analysis() != null) {
            analysis(out, report.analysis());
        }
        answers(out, report);
        trace(out, report);
        out.append("</main>\n<footer>Made by ragft on ").append(escape(report.generatedText())).append(" with rules version <code>")
                .append(escape(report.rulesVersion())).append("</code> (a hash of the rule files and the policy).</footer>\n");
        out.append("</body>\n</html>\n");
        return out.toString();
    }

    private static void summaryCard(StringBuilder out, Report report) {
        Advice advice = report.advice();
        Recommendation r = advice.recommendation();
        CostReport costs = advice.costs();
        out.append("<section class=\"card ").append(r.strategy()).append("\" aria-labelledby=\"summary-heading\">\n")
                .append("<h2 id=\"summary-heading\" style=\"border:0;margin:0 0 .3rem;font-size:1rem\">Summary</h2>\n")
                .append("<p class=\"verdict\">").append(label(r.strategy().name())).append("<span class=\"badge ")
                .append(r.confidence()).append("\">").append(r.confidence()).append(" confidence</span></p>\n")
                .append("<p>").append(escape(r.summary())).append("</p>\n")
                .append("<p><strong>Deployment</strong> (").append(r.deployment()).append("): ")
                .append(escape(r.deploymentNote())).append("</p>\n<dl class=\"facts\">\n");
        fact(out, "Fine-tune over " + costs.horizonMonths() + " months", TextReport.usd(costs.fineTune().totalUsd()));
        fact(out, "RAG over " + costs.horizonMonths() + " months", TextReport.usd(costs.rag().totalUsd()));
        fact(out, "Hybrid over " + costs.horizonMonths() + " months", TextReport.usd(costs.hybrid().totalUsd()));
        fact(out, "Break-even month", costs.breakEvenMonth() == null ? "never (within 120 months)"
                : "month " + costs.breakEvenMonth());
        fact(out, "Break-even volume", costs.breakEvenMonthlyQueries() == null ? "none"
                : TextReport.decimal(costs.breakEvenMonthlyQueries()) + " queries/month");
        fact(out, "Answers defaulted", report.defaultsUsed() + " of " + report.answersUsed().size());
        out.append("</dl>\n</section>\n");
    }

    private static void fact(StringBuilder out, String term, String value) {
        out.append("<div><dt>").append(escape(term)).append("</dt><dd>").append(escape(value)).append("</dd></div>\n");
    }

    private static void charts(StringBuilder out, Advice advice) {
        out.append("<h2>Cost and score at a glance</h2>\n<div class=\"charts\">\n<figure>\n")
                .append(CostChartSvg.svg(advice)).append("\n<figcaption>")
                .append(escape(CostChartSvg.description(advice.costs()))).append("</figcaption>\n</figure>\n");
        out.append("<figure class=\"scores\">\n").append(scoreSvg(advice.recommendation().scores())).append("\n<figcaption>")
                .append(escape(scoreText(advice.recommendation().scores()))).append("</figcaption>\n</figure>\n</div>\n");
    }

    /** A small horizontal bar chart of the summed weight per side. */
    static String scoreSvg(Scores scores) {
        double[] values = {scores.fineTune(), scores.rag(), scores.hybrid()};
        String[] labels = {"Fine-tune", "RAG", "Hybrid"};
        String[] colours = {"#7b3294", "#1b7837", "#e08214"};
        double max = Math.max(1, Math.max(scores.total(), Math.max(values[0], Math.max(values[1], values[2]))));
        int width = 300;
        int barLeft = 80;
        int barMax = 170;
        StringBuilder out = new StringBuilder();
        out.append("<svg class=\"ragft-score-chart\" viewBox=\"0 0 ").append(width).append(" 110\" width=\"").append(width)
                .append("\" height=\"110\" role=\"img\" aria-labelledby=\"ragft-score-title ragft-score-desc\">\n")
                .append("<title id=\"ragft-score-title\">Score per side</title>\n<desc id=\"ragft-score-desc\">")
                .append(escape(scoreText(scores))).append("</desc>\n");
        for (int i = 0; i < values.length; i++) {
            int y = 10 + i * 32;
            double length = values[i] / max * barMax;
            out.append("<text x=\"").append(barLeft - 8).append("\" y=\"").append(y + 15)
                    .append("\" text-anchor=\"end\" style=\"font:12px system-ui,sans-serif\">").append(labels[i]).append("</text>")
                    .append("<rect x=\"").append(barLeft).append("\" y=\"").append(y).append("\" width=\"").append(barMax)
                    .append("\" height=\"20\" fill=\"#eef1f4\"/>")
                    .append("<rect x=\"").append(barLeft).append("\" y=\"").append(y).append("\" width=\"")
                    .append(String.format(Locale.ROOT, "%.1f", length)).append("\" height=\"20\" fill=\"").append(colours[i])
                    .append("\"/>")
                    .append("<text x=\"").append(barLeft + barMax + 6).append("\" y=\"").append(y + 15)
                    .append("\" style=\"font:12px system-ui,sans-serif\">").append(TextReport.format(values[i])).append("</text>\n");
        }
        out.append("</svg>");
        return out.toString();
    }

    static String scoreText(Scores scores) {
        return "Summed policy weight per side: fine-tune " + TextReport.format(scores.fineTune()) + ", RAG "
                + TextReport.format(scores.rag()) + ", hybrid " + TextReport.format(scores.hybrid()) + ", of "
                + TextReport.format(scores.total()) + " in play.";
    }

    private static void deciding(StringBuilder out, Report report) {
        out.append("<h2>Deciding criteria</h2>\n");
        List<CriterionResult> deciding = report.decidingCriteria();
        if (deciding.isEmpty()) {
            out.append("<p>None: no criterion outweighed the others.</p>\n");
            return;
        }
        out.append("<ol>\n");
        for (CriterionResult c : deciding) {
            out.append("<li><strong>").append(escape(c.title())).append("</strong> (<code>").append(escape(c.id()))
                    .append("</code>, ").append(c.favors()).append(' ').append(TextReport.format(c.weight())).append("): ")
                    .append(escape(c.reason())).append("</li>\n");
        }
        out.append("</ol>\n");
    }

    private static void costs(StringBuilder out, CostReport costs) {
        out.append("<h2>Costs over ").append(costs.horizonMonths()).append(" months at ")
                .append(TextReport.integer(costs.monthlyQueries())).append(" queries/month</h2>\n<table>\n")
                .append("<thead><tr><th scope=\"col\">strategy</th><th scope=\"col\" class=\"num\">upfront</th>")
                .append("<th scope=\"col\" class=\"num\">retraining</th><th scope=\"col\" class=\"num\">monthly</th>")
                .append("<th scope=\"col\" class=\"num\">total</th><th scope=\"col\" class=\"num\">per query</th></tr></thead>\n<tbody>\n");
        for (StrategyCost cost : List.of(costs.fineTune(), costs.rag(), costs.hybrid())) {
            out.append("<tr><th scope=\"row\">").append(cost.strategy()).append("</th>");
            for (String cell : List.of(TextReport.usd(cost.upfrontUsd()), TextReport.usd(cost.retrainingUsd()),
                    TextReport.usd(cost.monthlyUsd()), TextReport.usd(cost.totalUsd()), TextReport.perQuery(cost.perQueryUsd()))) {
                out.append("<td class=\"num\">").append(escape(cell)).append("</td>");
            }
            out.append("</tr>\n");
        }
        out.append("</tbody>\n</table>\n<p><strong>Break-even month:</strong> ").append(costs.breakEvenMonth() == null
                ? "never within 120 months (fine-tuning never catches up with RAG)."
                : costs.breakEvenMonth() + " (from then on fine-tuning's cumulative cost is at or below RAG's).")
                .append("<br>\n<strong>Break-even volume:</strong> ").append(costs.breakEvenMonthlyQueries() == null
                ? "none (no positive monthly volume makes the two totals equal)."
                : escape(TextReport.decimal(costs.breakEvenMonthlyQueries())) + " queries/month (above it fine-tuning is cheaper over "
                        + costs.horizonMonths() + " months).").append("</p>\n");
        if (costs.basis() != null) {
            out.append("<p>How serving and generation were priced:</p>\n<ul class=\"cost-basis\">\n");
            for (String line : costs.basis().lines()) {
                out.append("<li>").append(escape(line)).append("</li>\n");
            }
            out.append("</ul>\n");
        }
    }

    private static void caveats(StringBuilder out, Report report) {
        out.append("<h2>Caveats</h2>\n");
        if (report.advice().caveats().isEmpty()) {
            out.append("<p>None.</p>\n");
            return;
        }
        for (Map.Entry<Severity, List<Caveat>> entry : report.caveatsBySeverity().entrySet()) {
            out.append("<h3 class=\"").append(entry.getKey()).append("\">").append(severityHeading(entry.getKey()))
                    .append(" (").append(entry.getValue().size()).append(")</h3>\n<ul>\n");
            for (Caveat caveat : entry.getValue()) {
                out.append("<li><strong class=\"").append(caveat.severity()).append("\">").append(caveat.severity())
                        .append("</strong> ").append(escape(caveat.message())).append(" (<code>")
                        .append(escape(caveat.id())).append("</code>)</li>\n");
            }
            out.append("</ul>\n");
        }
    }

    private static String severityHeading(Severity severity) {
        return switch (severity) {
            case BLOCKER -> "Blockers";
            case WARNING -> "Warnings";
            case INFO -> "For information";
        };
    }

    private static void analysis(StringBuilder out, Analysis analysis) {
        out.append("<h2>What would change this</h2>\n<p>One answer changed at a time, smallest change first.</p>\n");
        if (analysis.flips().isEmpty()) {
            out.append("<p>No single answer changes the recommendation.</p>\n");
        } else {
            out.append("<ol>\n");
            for (Flip flip : analysis.flips()) {
                out.append("<li>").append(escape(flip.text())).append("</li>\n");
            }
            out.append("</ol>\n");
        }
        if (!analysis.stable().isEmpty()) {
            out.append("<p>No answer to these changes it on its own: ")
                    .append(escape(String.join(", ", analysis.stable()))).append(".</p>\n");
        }
        if (!analysis.crossover().isEmpty()) {
            out.append("<ul>\n");
            for (String line : analysis.crossover()) {
                out.append("<li>").append(escape(line)).append("</li>\n");
            }
            out.append("</ul>\n");
        }
    }

    private static void answers(StringBuilder out, Report report) {
        out.append("<h2 id=\"answers-used\">Answers used</h2>\n<p>").append(report.defaultsUsed())
                .append(" answers were not given and use the questionnaire's default (highlighted, marked <em>default</em>).")
                .append(" The guide's typical range is beside each answer it gives one for.</p>\n<table>\n")
                .append("<thead><tr><th scope=\"col\">question</th><th scope=\"col\" class=\"num\">value</th>")
                .append("<th scope=\"col\">source</th><th scope=\"col\">guide's range</th></tr></thead>\n<tbody>\n");
        for (Report.AnswerUsed answer : report.answersUsed()) {
            boolean defaulted = answer.source() == Report.Source.DEFAULT || answer.source() == Report.Source.SKIPPED;
            out.append("<tr").append(defaulted ? " class=\"default\"" : "").append(">")
                    .append("<th scope=\"row\"><code>").append(escape(answer.id())).append("</code><br><span class=\"src\">")
                    .append(escape(answer.prompt())).append("</span></th>")
                    .append("<td class=\"num\">").append(escape(Report.valueText(answer))).append("</td><td>")
                    .append(answer.source() == Report.Source.ANSWERED || answer.source() == Report.Source.UNANSWERED
                            ? Report.sourceText(answer.source()) : "<em>" + Report.sourceText(answer.source()) + "</em>")
                    .append("</td><td>").append(answer.guideRange() == null ? "" : escape(answer.guideRange()))
                    .append("</td></tr>\n");
        }
        out.append("</tbody>\n</table>\n");
    }

    private static void trace(StringBuilder out, Report report) {
        Advice advice = report.advice();
        out.append("<h2>Criteria trace by guide section (").append(advice.criteria().size()).append(" criteria)</h2>\n")
                .append("<p><span class=\"fav-same\">+</span> favours the recommendation's side, ")
                .append("<span class=\"fav-other\">−</span> the other side, <span class=\"fav-neutral\">·</span> neutral;")
                .append(" weights come from the policy.</p>\n");
        report.criteriaBySection().forEach((section, results) -> {
            out.append("<h3>").append(escape(section)).append("</h3>\n<table>\n<thead><tr>")
                    .append("<th scope=\"col\"><span class=\"fav-neutral\" aria-label=\"side\">±</span></th>")
                    .append("<th scope=\"col\">criterion</th><th scope=\"col\">favours</th>")
                    .append("<th scope=\"col\" class=\"num\">weight</th><th scope=\"col\">reason</th></tr></thead>\n<tbody>\n");
            for (CriterionResult c : results) {
                String side = side(c.favors(), advice);
                out.append("<tr><td class=\"fav-").append(side).append("\">")
                        .append(side.equals("same") ? "+" : side.equals("other") ? "−" : "·").append("</td><td><code>")
                        .append(escape(c.id())).append("</code><br><span class=\"src\">").append(escape(c.title()))
                        .append("</span></td><td>").append(c.favors()).append("</td><td class=\"num\">")
                        .append(c.weight() == 0 ? "-" : TextReport.format(c.weight())).append("</td><td>")
                        .append(escape(c.reason())).append("</td></tr>\n");
            }
            out.append("</tbody>\n</table>\n");
        });
    }

    private static String side(Favor favor, Advice advice) {
        if (favor == Favor.NEUTRAL) {
            return "neutral";
        }
        return advice.strategy().name().equals("HYBRID") || favor.name().equals(advice.strategy().name()) ? "same" : "other";
    }

    private static String label(String strategy) {
        return switch (strategy) {
            case "FINE_TUNE" -> "Fine-tune";
            case "RAG" -> "RAG";
            case "HYBRID" -> "Hybrid (fine-tune + RAG)";
            default -> strategy;
        };
    }

    /** Escapes text for HTML element content and quoted attribute values alike (both quote kinds included). */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
