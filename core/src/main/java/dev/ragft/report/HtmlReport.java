package dev.ragft.report;

import dev.ragft.Advice;
import dev.ragft.Analysis;
import dev.ragft.CriterionResult;
import dev.ragft.Flip;
import dev.ragft.cost.CostReport;
import dev.ragft.cost.StrategyCost;
import dev.ragft.facts.Caveat;
import dev.ragft.facts.Recommendation;
import java.util.List;

/**
 * Not API. The report as one self-contained HTML page: inline CSS, no scripts, no external assets,
 * so it can be mailed or archived as a single file. Every piece of text is HTML-escaped.
 */
public final class HtmlReport {

    private static final String STYLE = "body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;"
            + "padding:0 1rem;color:#222}table{border-collapse:collapse;width:100%;margin:1rem 0}"
            + "th,td{border:1px solid #ccc;padding:.3rem .5rem;text-align:left;vertical-align:top}"
            + "td.num,th.num{text-align:right}.BLOCKER{color:#a00}.WARNING{color:#a60}code{font-size:.9em}";

    private HtmlReport() {
    }

    /** The page; {@code analysis} may be null (then the "What would change this" section is left out). */
    public static String render(Advice advice, Analysis analysis) {
        StringBuilder out = new StringBuilder();
        Recommendation r = advice.recommendation();
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<title>ragft: ").append(r.strategy()).append("</title>\n<style>").append(STYLE)
                .append("</style>\n</head>\n<body>\n");
        out.append("<h1>Recommendation: ").append(r.strategy()).append(" <small>(").append(r.confidence())
                .append(" confidence)</small></h1>\n");
        out.append("<p>").append(escape(r.summary())).append("</p>\n");
        out.append("<p><strong>Deployment</strong> (").append(r.deployment()).append("): ")
                .append(escape(r.deploymentNote())).append("</p>\n");
        out.append("<p>Scores: fine-tune ").append(TextReport.format(r.scores().fineTune()))
                .append(", RAG ").append(TextReport.format(r.scores().rag()))
                .append(", hybrid ").append(TextReport.format(r.scores().hybrid()))
                .append(" (of ").append(TextReport.format(r.scores().total())).append(" weight in play)</p>\n");

        out.append("<h2>Criteria (").append(advice.criteria().size()).append(")</h2>\n<table>\n")
                .append("<tr><th>criterion</th><th>section</th><th>favours</th><th class=\"num\">weight</th><th>reason</th></tr>\n");
        for (CriterionResult c : advice.criteria()) {
            out.append("<tr><td><code>").append(escape(c.id())).append("</code></td><td>").append(escape(c.section()))
                    .append("</td><td>").append(c.favors()).append("</td><td class=\"num\">")
                    .append(c.weight() == 0 ? "-" : TextReport.format(c.weight())).append("</td><td>")
                    .append(escape(c.reason())).append("</td></tr>\n");
        }
        out.append("</table>\n");

        CostReport costs = advice.costs();
        out.append("<h2>Costs over ").append(costs.horizonMonths()).append(" months at ")
                .append(TextReport.integer(costs.monthlyQueries())).append(" queries/month</h2>\n<table>\n")
                .append("<tr><th></th><th class=\"num\">upfront</th><th class=\"num\">retraining</th>")
                .append("<th class=\"num\">monthly</th><th class=\"num\">total</th><th class=\"num\">per query</th></tr>\n");
        for (StrategyCost cost : List.of(costs.fineTune(), costs.rag(), costs.hybrid())) {
            out.append("<tr><th>").append(cost.strategy()).append("</th>");
            for (String cell : List.of(TextReport.usd(cost.upfrontUsd()), TextReport.usd(cost.retrainingUsd()),
                    TextReport.usd(cost.monthlyUsd()), TextReport.usd(cost.totalUsd()), TextReport.perQuery(cost.perQueryUsd()))) {
                out.append("<td class=\"num\">").append(escape(cell)).append("</td>");
            }
            out.append("</tr>\n");
        }
        out.append("</table>\n");

        out.append("<h2>Caveats</h2>\n");
        if (advice.caveats().isEmpty()) {
            out.append("<p>None.</p>\n");
        } else {
            out.append("<ul>\n");
            for (Caveat caveat : advice.caveats()) {
                out.append("<li class=\"").append(caveat.severity()).append("\"><strong>").append(caveat.severity())
                        .append("</strong> ").append(escape(caveat.message())).append(" (<code>")
                        .append(escape(caveat.id())).append("</code>)</li>\n");
            }
            out.append("</ul>\n");
        }

        if (analysis != null) {
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
            out.append("<ul>\n");
            for (String line : analysis.crossover()) {
                out.append("<li>").append(escape(line)).append("</li>\n");
            }
            out.append("</ul>\n");
        }
        out.append("</body>\n</html>\n");
        return out.toString();
    }

    static String escape(String text) {
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
