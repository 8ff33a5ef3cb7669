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
 * Not API. The report as Markdown (GitHub-flavoured tables), for pull requests, wikis and tickets.
 * Same sections as the text report; text from answers and rules is escaped so it cannot break a table.
 */
public final class MarkdownReport {

    private MarkdownReport() {
    }

    /** The report; {@code analysis} may be null (then the "What would change this" section is left out). */
    public static String render(Advice advice, Analysis analysis) {
        StringBuilder out = new StringBuilder();
        Recommendation r = advice.recommendation();
        out.append("# Recommendation: ").append(r.strategy()).append(" (").append(r.confidence()).append(" confidence)\n\n");
        out.append(escape(r.summary())).append("\n\n");
        out.append("**Deployment** (").append(r.deployment()).append("): ").append(escape(r.deploymentNote())).append("\n\n");
        out.append("Scores: fine-tune ").append(TextReport.format(r.scores().fineTune()))
                .append(", RAG ").append(TextReport.format(r.scores().rag()))
                .append(", hybrid ").append(TextReport.format(r.scores().hybrid()))
                .append(" (of ").append(TextReport.format(r.scores().total())).append(" weight in play)\n\n");

        out.append("## Criteria (").append(advice.criteria().size()).append(")\n\n");
        out.append("| criterion | section | favours | weight | reason |\n|---|---|---|---:|---|\n");
        for (CriterionResult c : advice.criteria()) {
            out.append("| `").append(c.id()).append("` | ").append(escape(c.section())).append(" | ").append(c.favors())
                    .append(" | ").append(c.weight() == 0 ? "-" : TextReport.format(c.weight())).append(" | ")
                    .append(escape(c.reason())).append(" |\n");
        }

        CostReport costs = advice.costs();
        out.append("\n## Costs over ").append(costs.horizonMonths()).append(" months at ")
                .append(TextReport.integer(costs.monthlyQueries())).append(" queries/month\n\n");
        out.append("| | upfront | retraining | monthly | total | per query |\n|---|---:|---:|---:|---:|---:|\n");
        for (StrategyCost cost : List.of(costs.fineTune(), costs.rag(), costs.hybrid())) {
            out.append("| ").append(cost.strategy()).append(" | ").append(TextReport.usd(cost.upfrontUsd()))
                    .append(" | ").append(TextReport.usd(cost.retrainingUsd())).append(" | ")
                    .append(TextReport.usd(cost.monthlyUsd())).append(" | ").append(TextReport.usd(cost.totalUsd()))
                    .append(" | ").append(TextReport.perQuery(cost.perQueryUsd())).append(" |\n");
        }

        out.append("\n## Caveats\n\n");
        if (advice.caveats().isEmpty()) {
            out.append("None.\n");
        }
        for (Caveat caveat : advice.caveats()) {
            out.append("- **").append(caveat.severity()).append("** ").append(escape(caveat.message()))
                    .append(" (`").append(caveat.id()).append("`)\n");
        }

        if (analysis != null) {
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
            out.append('\n');
            for (String line : analysis.crossover()) {
                out.append("- ").append(escape(line)).append('\n');
            }
        }
        return out.toString();
    }

    /** Escapes what Markdown would read as markup, so rule text shows as written. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            if ("\\`*_[]<>|#".indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c == '\n' ? ' ' : c);
        }
        return out.toString();
    }
}
