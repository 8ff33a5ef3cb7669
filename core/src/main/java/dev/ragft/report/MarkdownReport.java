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
 * Not API. The report as GitHub-flavoured Markdown, for pull requests, wikis and tickets: the same
 * content as the other formats, tables for everything tabular. Text from answers and rules is escaped
 * so it cannot break a table or turn into markup (dollar signs too: GitHub reads a pair as maths).
 */
public final class MarkdownReport {

    private MarkdownReport() {
    }

    /** The report; see {@link Report} for what it holds. */
    public static String render(Report report) {
        Advice advice = report.advice();
        StringBuilder out = new StringBuilder();
        Recommendation r = advice.recommendation();
        out.append("# Recommendation: ").append(r.strategy()).append(" (").append(r.confidence()).append(" confidence)\n\n");
        out.append("> ").append(escape(r.summary())).append("\n\n");
        out.append("**Deployment** (").append(r.deployment()).append("): ").append(escape(r.deploymentNote())).append("\n\n");
        out.append("Scores: fine-tune ").append(TextReport.format(r.scores().fineTune()))
                .append(", RAG ").append(TextReport.format(r.scores().rag()))
                .append(", hybrid ").append(TextReport.format(r.scores().hybrid()))
                .append(" (of ").append(TextReport.format(r.scores().total())).append(" weight in play)\n\n");
        out.append("Made ").append(report.generatedText()).append(" with rules version `").append(report.rulesVersion())
                .append("`; ").append(report.defaultsUsed()).append(" of ").append(report.answersUsed().size())
                .append(" answers are defaults (see [Answers used](#answers-used)).\n");

        out.append("\n## Deciding criteria\n\n");
        List<CriterionResult> deciding = report.decidingCriteria();
        if (deciding.isEmpty()) {
            out.append("None: no criterion outweighed the others.\n");
        }
        int n = 1;
        for (CriterionResult c : deciding) {
            out.append(n++).append(". **").append(escape(c.title())).append("** (`").append(c.id()).append("`, ")
                    .append(c.favors()).append(' ').append(TextReport.format(c.weight())).append("): ")
                    .append(escape(c.reason())).append('\n');
        }

        costs(out, advice.costs());

        out.append("\n## Caveats\n\n");
        if (advice.caveats().isEmpty()) {
            out.append("None.\n");
        }
        report.caveatsBySeverity().forEach((severity, caveats) -> {
            for (Caveat caveat : caveats) {
                out.append("- **").append(severity).append("** ").append(escape(caveat.message()))
                        .append(" (`").append(caveat.id()).append("`)\n");
            }
        });

        if (report.analysis() != null) {
            analysis(out, report.analysis());
        }

        out.append("\n## Answers used\n\n");
        out.append("Defaults are marked *default*; the guide's typical range is beside each answer it gives one for.\n\n");
        out.append("| question | value | source | guide's range |\n|---|---:|---|---|\n");
        for (Report.AnswerUsed answer : report.answersUsed()) {
            out.append("| `").append(answer.id()).append("` | ").append(escape(Report.valueText(answer))).append(" | ")
                    .append(answer.source() == Report.Source.ANSWERED || answer.source() == Report.Source.UNANSWERED
                            ? Report.sourceText(answer.source()) : "*" + Report.sourceText(answer.source()) + "*")
                    .append(" | ").append(answer.guideRange() == null ? "" : escape(answer.guideRange())).append(" |\n");
        }

        out.append("\n## Criteria trace by guide section\n\n");
        out.append("+ favours the recommendation's side, − the other side, · neutral; weights come from the policy.\n");
        report.criteriaBySection().forEach((section, results) -> {
            out.append("\n### ").append(escape(section)).append("\n\n");
            out.append("| | criterion | favours | weight | reason |\n|---|---|---|---:|---|\n");
            for (CriterionResult c : results) {
                out.append("| ").append(marker(c, advice)).append(" | `").append(c.id()).append("` | ").append(c.favors())
                        .append(" | ").append(c.weight() == 0 ? "-" : TextReport.format(c.weight())).append(" | ")
                        .append(escape(c.reason())).append(" |\n");
            }
        });
        return out.toString();
    }

    private static String marker(CriterionResult c, Advice advice) {
        return switch (c.favors()) {
            case NEUTRAL -> "·";
            default -> advice.strategy().name().equals("HYBRID") || c.favors().name().equals(advice.strategy().name()) ? "+" : "−";
        };
    }

    private static void costs(StringBuilder out, CostReport costs) {
        out.append("\n## Costs over ").append(costs.horizonMonths()).append(" months at ")
                .append(TextReport.integer(costs.monthlyQueries())).append(" queries/month\n\n");
        out.append("| strategy | upfront | retraining | monthly | total | per query |\n|---|---:|---:|---:|---:|---:|\n");
        for (StrategyCost cost : List.of(costs.fineTune(), costs.rag(), costs.hybrid())) {
            out.append("| ").append(cost.strategy()).append(" | ").append(escape(TextReport.usd(cost.upfrontUsd())))
                    .append(" | ").append(escape(TextReport.usd(cost.retrainingUsd()))).append(" | ")
                    .append(escape(TextReport.usd(cost.monthlyUsd()))).append(" | ").append(escape(TextReport.usd(cost.totalUsd())))
                    .append(" | ").append(escape(TextReport.perQuery(cost.perQueryUsd()))).append(" |\n");
        }
        out.append("\n- **Break-even month:** ").append(costs.breakEvenMonth() == null
                ? "never within 120 months (fine-tuning never catches up with RAG)"
                : costs.breakEvenMonth() + " (from then on fine-tuning's cumulative cost is at or below RAG's)").append('\n');
        out.append("- **Break-even volume:** ").append(costs.breakEvenMonthlyQueries() == null
                ? "none (no positive monthly volume makes the two totals equal)"
                : TextReport.decimal(costs.breakEvenMonthlyQueries()) + " queries/month (above it fine-tuning is cheaper over "
                        + costs.horizonMonths() + " months)").append('\n');
        if (costs.basis() != null) {
            out.append("\nHow serving and generation were priced:\n\n");
            for (String line : costs.basis().lines()) {
                out.append("- ").append(escape(line)).append('\n');
            }
        }
    }

    private static void analysis(StringBuilder out, Analysis analysis) {
        out.append("\n## What would change this\n\n");
        out.append("One answer changed at a time, smallest change first.\n\n");
        if (analysis.flips().isEmpty()) {
            out.append("No single answer changes the recommendation.\n");
        }
        int n = 1;
        for (Flip flip : analysis.flips()) {
            out.append(n++).append(". ").append(escape(flip.text())).append('\n');
        }
        if (!analysis.stable().isEmpty()) {
            out.append("\nNo answer to these changes it on its own: ");
            out.append(String.join(", ", analysis.stable().stream().map(id -> "`" + id + "`").toList())).append(".\n");
        }
        if (!analysis.crossover().isEmpty()) {
            out.append('\n');
        }
        for (String line : analysis.crossover()) {
            out.append("- ").append(escape(line)).append('\n');
        }
    }

    /** Escapes what Markdown would read as markup, so rule text shows as written. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            if ("\\`*_[]<>|#$~".indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c == '\n' ? ' ' : c);
        }
        return out.toString();
    }
}
