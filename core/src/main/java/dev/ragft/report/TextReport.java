package dev.ragft.report;

import dev.ragft.Advice;
import dev.ragft.Assumption;
import dev.ragft.Analysis;
import dev.ragft.CriterionResult;
import dev.ragft.Flip;
import dev.ragft.cost.CostReport;
import dev.ragft.cost.StrategyCost;
import dev.ragft.facts.Caveat;
import dev.ragft.facts.Favor;
import dev.ragft.facts.Recommendation;
import dev.ragft.facts.Strategy;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Not API. The plain-text report: recommendation and summary first, then the criteria trace, the
 * costs and the caveats. Plain text without colour or box drawing, so it reads the same in any
 * terminal, log or e-mail (UTF-8: the "what would change" lines use an arrow).
 */
public final class TextReport {

    static final int WIDTH = 100;

    private TextReport() {
    }

    /** The report of {@code advice} alone: no analysis, no answers, no rules version (for callers without an engine). */
    public static String render(Advice advice) {
        return render(advice, null);
    }

    /** The report of {@code advice} with a "What would change this" section; {@code analysis} may be null. */
    public static String render(Advice advice, Analysis analysis) {
        StringBuilder out = new StringBuilder();
        recommendation(out, advice.recommendation());
        criteria(out, advice.criteria(), advice.strategy());
        costs(out, advice.costs());
        caveats(out, advice.caveats());
        out.append('\n');
        assumptions(out, advice.assumptions());
        if (analysis != null) {
            analysis(out, analysis);
        }
        return out.toString();
    }

    /**
     * The full report: the recommendation and the sentence behind it, the deciding criteria, the whole
     * criteria trace by guide section, the costs, the caveats by severity, what would change it (when
     * the analysis is on), the answers used with defaults marked, then the date and rules version.
     */
    public static String render(Report report) {
        Advice advice = report.advice();
        StringBuilder out = new StringBuilder();
        recommendation(out, advice.recommendation());
        deciding(out, report);
        criteriaBySection(out, report);
        costs(out, advice.costs());
        caveatsBySeverity(out, report);
        if (report.analysis() != null) {
            analysis(out, report.analysis());
        }
        answers(out, report);
        out.append("\nReport made ").append(report.generatedText()).append(" with rules version ")
                .append(report.rulesVersion()).append(" (a hash of the rule files and the policy).\n");
        return out.toString();
    }

    static void deciding(StringBuilder out, Report report) {
        out.append("DECIDING CRITERIA\n");
        List<CriterionResult> deciding = report.decidingCriteria();
        if (deciding.isEmpty()) {
            out.append("  none: no criterion outweighed the others\n");
        }
        for (CriterionResult c : deciding) {
            wrap(out, c.title() + " (" + c.id() + ", " + c.favors() + " " + format(c.weight()) + "): " + c.reason(),
                    "  - ", "    ");
        }
        out.append('\n');
    }

    static void criteriaBySection(StringBuilder out, Report report) {
        Advice advice = report.advice();
        out.append("CRITERIA (").append(advice.criteria().size()).append(") by guide section\n");
        int idWidth = advice.criteria().stream().mapToInt(c -> c.id().length()).max().orElse(10);
        report.criteriaBySection().forEach((section, results) -> {
            out.append("  ").append(section).append('\n');
            for (CriterionResult result : results) {
                String head = String.format(Locale.ROOT, "    %s %-" + idWidth + "s  %-9s %4s  ",
                        marker(result.favors(), advice.strategy()), result.id(), result.favors(),
                        result.weight() == 0 ? "-" : format(result.weight()));
                wrap(out, result.reason(), head, " ".repeat(head.length()));
            }
        });
        out.append("  (+ favours the recommendation's side, - the other side, . neutral; numbers are policy weights)\n\n");
    }

    static void caveatsBySeverity(StringBuilder out, Report report) {
        out.append("CAVEATS");
        if (report.advice().caveats().isEmpty()) {
            out.append(": none\n");
            return;
        }
        out.append(" (most severe first)\n");
        report.caveatsBySeverity().forEach((severity, caveats) -> {
            for (Caveat caveat : caveats) {
                String head = String.format(Locale.ROOT, "  %-9s ", "[" + severity + "]");
                wrap(out, caveat.message() + " (" + caveat.id() + ")", head, " ".repeat(head.length()));
            }
        });
    }

    static void answers(StringBuilder out, Report report) {
        out.append("\nANSWERS USED (").append(report.defaultsUsed()).append(" defaulted, marked *; what the guide says beside each)\n");
        int idWidth = report.answersUsed().stream().mapToInt(a -> a.id().length()).max().orElse(10);
        for (Report.AnswerUsed answer : report.answersUsed()) {
            String mark = switch (answer.source()) {
                case ANSWERED -> " ";
                case DEFAULT -> "*";
                case SKIPPED -> "s";
                case UNANSWERED -> "-";
            };
            String head = String.format(Locale.ROOT, "  %s %-" + idWidth + "s  %-18s ", mark, answer.id(),
                    Report.valueText(answer));
            String tail = answer.guideRange() == null ? "" : answer.guideRange();
            wrap(out, tail, head, " ".repeat(Math.min(head.length(), WIDTH / 2)));
        }
        wrap(out, "(* not given, the default was used; s skipped as unable to change the outcome, default used;"
                + " - not given and no default)", "  ", "   ");
    }

    static void analysis(StringBuilder out, Analysis analysis) {
        out.append("\nWHAT WOULD CHANGE THIS (one answer changed at a time, smallest change first)\n");
        whatWouldChange(out, analysis);
    }

    /**
     * The body of the "What would change this" section without its heading: the flips numbered, the
     * questions no answer to which changes the outcome, the cost crossover; wrapped to the report width.
     * The console shows the same lines under its own heading.
     */
    public static String whatWouldChange(Analysis analysis) {
        StringBuilder out = new StringBuilder();
        whatWouldChange(out, analysis);
        return out.toString();
    }

    private static void whatWouldChange(StringBuilder out, Analysis analysis) {
        if (analysis.flips().isEmpty()) {
            out.append("  No single answer changes the recommendation.\n");
        }
        int n = 1;
        for (Flip flip : analysis.flips()) {
            String head = String.format(Locale.ROOT, "  %2d. ", n++);
            wrap(out, flip.text(), head, " ".repeat(head.length()));
        }
        if (!analysis.stable().isEmpty()) {
            wrap(out, "No answer to these changes it on its own: " + String.join(", ", analysis.stable()), "  ", "    ");
        }
        for (String line : analysis.crossover()) {
            wrap(out, line, "  ", "    ");
        }
    }

    static void recommendation(StringBuilder out, Recommendation recommendation) {
        out.append("RECOMMENDATION: ").append(recommendation.strategy())
                .append("   confidence ").append(recommendation.confidence()).append('\n');
        wrap(out, recommendation.summary(), "  ", "  ");
        wrap(out, "Deployment (" + recommendation.deployment() + "): " + recommendation.deploymentNote(), "  ", "    ");
        var scores = recommendation.scores();
        out.append("  Scores: fine-tune ").append(format(scores.fineTune()))
                .append(", RAG ").append(format(scores.rag()))
                .append(", hybrid ").append(format(scores.hybrid()))
                .append(" (of ").append(format(scores.total())).append(" weight in play; ")
                .append(Math.round(100 * recommendation.coverage())).append("% of it rests on your answers)\n\n");
    }

    static void criteria(StringBuilder out, List<CriterionResult> criteria, Strategy recommended) {
        out.append("CRITERIA (").append(criteria.size()).append(")\n");
        int idWidth = criteria.stream().mapToInt(c -> c.id().length()).max().orElse(10);
        for (CriterionResult result : criteria) {
            String head = String.format(Locale.ROOT, "  %s %-" + idWidth + "s  %-9s %4s  ", marker(result.favors(), recommended),
                    result.id(), result.favors(), result.weight() == 0 ? "-" : format(result.weight()));
            wrap(out, result.reason() + (result.assumed().isEmpty() || result.weight() == 0 ? ""
                    : " [assumes " + String.join(", ", result.assumed()) + "]"), head, " ".repeat(head.length()));
        }
        out.append("  (+ favours the recommendation's side, - the other side, . neutral; numbers are policy weights)\n\n");
    }

    private static char marker(Favor favor, Strategy recommended) {
        if (favor == Favor.NEUTRAL) {
            return '.';
        }
        boolean sameSide = recommended == Strategy.HYBRID || favor.name().equals(recommended.name());
        return sameSide ? '+' : '-';
    }

    static void costs(StringBuilder out, CostReport costs) {
        out.append("COSTS over ").append(costs.horizonMonths()).append(" months at ")
                .append(integer(costs.monthlyQueries())).append(" queries/month\n");
        out.append(String.format(Locale.ROOT, "  %-10s %12s %12s %12s %14s %12s%n",
                "", "upfront", "retraining", "monthly", "total", "per query"));
        for (StrategyCost cost : List.of(costs.fineTune(), costs.rag(), costs.hybrid())) {
            out.append(String.format(Locale.ROOT, "  %-10s %12s %12s %12s %14s %12s%n", cost.strategy(),
                    usd(cost.upfrontUsd()), usd(cost.retrainingUsd()), usd(cost.monthlyUsd()), usd(cost.totalUsd()),
                    perQuery(cost.perQueryUsd())));
        }
        out.append("  Break-even month: ").append(costs.breakEvenMonth() == null
                ? "none within 120 months (fine-tuning never catches up with RAG)"
                : costs.breakEvenMonth() + " (from then on fine-tuning's cumulative cost is at or below RAG's)").append('\n');
        out.append("  Break-even volume: ").append(costs.breakEvenMonthlyQueries() == null
                ? "none (no positive monthly volume makes the two totals equal)"
                : decimal(costs.breakEvenMonthlyQueries()) + " queries/month (above it fine-tuning is cheaper over "
                        + costs.horizonMonths() + " months)").append('\n');
        if (costs.basis() != null) {
            out.append("  How serving and generation were priced:\n");
            for (String line : costs.basis().lines()) {
                wrap(out, line, "    ", "      ");
            }
        }
        out.append('\n');
    }

    /** The defaults the advice used, each with what the guide says about it. */
    static void assumptions(StringBuilder out, List<Assumption> assumptions) {
        out.append("ASSUMPTIONS (defaults used)");
        if (assumptions.isEmpty()) {
            out.append(": none\n");
            return;
        }
        out.append('\n');
        for (Assumption assumption : assumptions) {
            String head = "  " + assumption.questionId() + " = " + assumption.value();
            wrap(out, assumption.guideRange() == null ? "" : "(" + assumption.guideRange() + ")", head + "  ",
                    "      ");
        }
    }

    static void caveats(StringBuilder out, List<Caveat> caveats) {
        out.append("CAVEATS");
        if (caveats.isEmpty()) {
            out.append(": none\n");
            return;
        }
        out.append('\n');
        for (Caveat caveat : caveats) {
            String head = String.format(Locale.ROOT, "  %-9s ", "[" + caveat.severity() + "]");
            wrap(out, caveat.message() + " (" + caveat.id() + ")", head, " ".repeat(head.length()));
        }
    }

    /** Wraps {@code text} at {@link #WIDTH}, the first line after {@code first}, the rest after {@code rest}. */
    static void wrap(StringBuilder out, String text, String first, String rest) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder(first);
        int prefix = first.length();
        for (String word : text.split(" ")) {
            if (line.length() > prefix && line.length() + 1 + word.length() > WIDTH) {
                lines.add(line.toString());
                line = new StringBuilder(rest);
                prefix = rest.length();
            }
            if (line.length() > prefix) {
                line.append(' ');
            }
            line.append(word);
        }
        lines.add(line.toString());
        lines.forEach(l -> out.append(l.stripTrailing()).append('\n'));
    }

    static String usd(BigDecimal amount) {
        DecimalFormat format = new DecimalFormat(amount.stripTrailingZeros().scale() > 0 ? "$#,##0.00" : "$#,##0",
                DecimalFormatSymbols.getInstance(Locale.ROOT));
        format.setRoundingMode(RoundingMode.HALF_EVEN);
        return format.format(amount);
    }

    static String perQuery(BigDecimal amount) {
        DecimalFormat format = new DecimalFormat("$0.0000", DecimalFormatSymbols.getInstance(Locale.ROOT));
        format.setRoundingMode(RoundingMode.HALF_EVEN);
        return format.format(amount);
    }

    static String decimal(BigDecimal value) {
        return new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(value);
    }

    static String integer(long value) {
        return new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(value);
    }

    static String format(double value) {
        return new DecimalFormat("0.##", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(value);
    }
}
