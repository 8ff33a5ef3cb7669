package dev.ragft.console;

import dev.ragft.questionnaire.Values;
import dev.ragft.Advice;
import dev.ragft.CriterionResult;
import dev.ragft.cost.CostReport;
import dev.ragft.cost.StrategyCost;
import dev.ragft.facts.Caveat;
import dev.ragft.facts.Favor;
import dev.ragft.facts.Recommendation;
import dev.ragft.facts.Severity;
import dev.ragft.facts.Strategy;
import dev.ragft.questionnaire.Question;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/** How the console shows an {@link Advice}, a change between two of them, and one criterion in depth. */
final class ResultView {

    /** The width of a transcript without a terminal (pipes, CI); a terminal gives its own. */
    static final int WIDTH = 100;

    /** Section headings are this wide, or the terminal's width if narrower. */
    private static final int HEADING = 60;

    /** Narrower than this, a criterion's reason goes on the lines under its id rather than beside it. */
    private static final int MIN_REASON_COLUMN = 30;

    /** How many reasons the closing summary lists. */
    private static final int SUMMARY_REASONS = 3;

    private ResultView() {
    }

    /**
     * @param skipped the questions the adaptive interview left out (shown in the trace with the default used)
     */
    static List<String> render(Advice advice, Style style, ChangeHints hints, List<Question> skipped, int width) {
        List<String> out = new ArrayList<>();
        int rule = Math.min(HEADING, width);
        Recommendation r = advice.recommendation();
        out.add("");
        out.add(style.heading("Recommendation", rule));
        out.add("  " + style.bold(style.accent(r.strategy().name())) + "   confidence " + style.bold(r.confidence().name()));
        wrap(out, r.summary(), "  ", width);
        wrap(out, "Deployment (" + r.deployment() + "): " + r.deploymentNote(), "  ", width);

        out.add("");
        out.add(style.heading("Criteria", rule));
        int idWidth = advice.criteria().stream().mapToInt(c -> c.id().length()).max().orElse(10);
        for (CriterionResult c : advice.criteria()) {
            String head = String.format(Locale.ROOT, "  %s %-" + idWidth + "s  %-9s %4s  ", marker(c.favors(), r.strategy()),
                    c.id(), c.favors(), c.weight() == 0 ? "-" : weight(c.weight()));
            List<String> lines = new ArrayList<>();
            if (width - head.length() >= MIN_REASON_COLUMN) {
                wrap(lines, c.reason(), " ".repeat(head.length()), width);
                lines.set(0, head + lines.get(0).substring(head.length()));
            } else {
                // Too narrow for a reason column beside the id: the reason goes under it instead.
                lines.add(head.stripTrailing());
                wrap(lines, c.reason(), "      ", width);
            }
            for (String line : lines) {
                out.add(c.favors() == Favor.NEUTRAL ? style.dim(line) : line);
            }
        }
        out.add(style.dim("  (+ supports the recommendation, - the other side, . neutral; 'how <id>' for the rules and answers)"));
        if (!skipped.isEmpty()) {
            out.add("  Skipped, because no answer to them could change the outcome (the default is used):");
            int idColumn = skipped.stream().mapToInt(q -> q.id().length()).max().orElse(10);
            for (Question q : skipped) {
                out.add(String.format(Locale.ROOT, "  ~ %-" + idColumn + "s  skipped, default %s", q.id(),
                        Values.show(q, advice.effectiveAnswers().get(q.id()))));
            }
        }

        out.add("");
        out.add(style.heading("Costs", rule));
        out.addAll(costTable(advice.costs()));
        out.add("");
        out.addAll(CostChart.render(advice.costs(), style));

        out.add("");
        out.add(style.heading("Caveats", rule));
        if (advice.caveats().isEmpty()) {
            out.add("  none");
        }
        for (Caveat caveat : advice.caveats()) {
            String tag = "[" + caveat.severity() + "]";
            String coloured = switch (caveat.severity()) {
                case BLOCKER -> style.error(tag);
                case WARNING -> style.warn(tag);
                default -> style.dim(tag);
            };
            List<String> lines = new ArrayList<>();
            wrap(lines, caveat.message() + " (" + caveat.id() + ")", "            ", width);
            lines.set(0, "  " + coloured + " ".repeat(Math.max(1, 10 - tag.length())) + lines.get(0).substring(12));
            out.addAll(lines);
        }

        out.add("");
        out.add(style.heading("What would change the decision", rule));
        out.add(style.dim("  (one answer changed at a time, smallest change first)"));
        for (String hint : hints.hints(advice)) {
            out.addAll(TextWrap.wrap(style.text(hint), width));
        }
        return out;
    }

    static List<String> costTable(CostReport costs) {
        List<String> out = new ArrayList<>();
        out.add(String.format(Locale.ROOT, "  over %d months at %s queries/month", costs.horizonMonths(),
                Values.grouped(BigDecimal.valueOf(costs.monthlyQueries()))));
        out.add(String.format(Locale.ROOT, "  %-10s %12s %12s %12s %14s %12s", "", "upfront", "retraining", "monthly", "total", "per query"));
        for (StrategyCost cost : List.of(costs.fineTune(), costs.rag(), costs.hybrid())) {
            out.add(String.format(Locale.ROOT, "  %-10s %12s %12s %12s %14s %12s", cost.strategy(),
                    Values.money(cost.upfrontUsd()), Values.money(cost.retrainingUsd()), Values.money(cost.monthlyUsd()),
                    Values.money(cost.totalUsd()), String.format(Locale.ROOT, "$%.4f", cost.perQueryUsd())));
        }
        return out;
    }

    /** What moved between two pieces of advice: strategy, confidence, criteria, costs. */
    static List<String> diff(Advice before, Advice after, Style style) {
        List<String> out = new ArrayList<>();
        Recommendation a = before.recommendation();
        Recommendation b = after.recommendation();
        if (a.strategy() != b.strategy() || a.confidence() != b.confidence()) {
            out.add("  recommendation: " + a.strategy() + " (" + a.confidence() + ") -> "
                    + style.bold(b.strategy() + " (" + b.confidence() + ")"));
        } else {
            out.add("  recommendation: unchanged, " + b.strategy() + " (" + b.confidence() + ")");
        }
        Map<String, String> was = criteriaById(before);
        Map<String, String> now = criteriaById(after);
        List<String> moved = new ArrayList<>();
        for (Map.Entry<String, String> entry : now.entrySet()) {
            String old = was.get(entry.getKey());
            if (!Objects.equals(old, entry.getValue())) {
                moved.add("    " + entry.getKey() + ": " + (old == null ? "-" : old) + " -> " + entry.getValue());
            }
        }
        for (String id : was.keySet()) {
            if (!now.containsKey(id)) {
                moved.add("    " + id + ": " + was.get(id) + " -> -");
            }
        }
        out.add("  criteria that moved: " + (moved.isEmpty() ? "none" : moved.size()));
        out.addAll(moved);
        List<String> costs = new ArrayList<>();
        List<StrategyCost> x = List.of(before.costs().fineTune(), before.costs().rag(), before.costs().hybrid());
        List<StrategyCost> y = List.of(after.costs().fineTune(), after.costs().rag(), after.costs().hybrid());
        for (int i = 0; i < x.size(); i++) {
            if (x.get(i).totalUsd().compareTo(y.get(i).totalUsd()) != 0) {
                costs.add("    " + x.get(i).strategy() + " total " + Values.money(x.get(i).totalUsd()) + " -> "
                        + Values.money(y.get(i).totalUsd()));
            }
        }
        if (!Objects.equals(before.costs().breakEvenMonth(), after.costs().breakEvenMonth())) {
            costs.add("    break-even month " + breakEven(before.costs().breakEvenMonth()) + " -> "
                    + breakEven(after.costs().breakEvenMonth()));
        }
        out.add("  costs:" + (costs.isEmpty() ? " unchanged" : ""));
        out.addAll(costs);
        return out;
    }

    /** A break-even month as a person reads it: "never" when the cumulative costs never cross. */
    static String breakEven(Integer month) {
        return month == null ? "never" : String.valueOf(month);
    }

    /**
     * The closing summary, short enough to stay on one screen when the prompt returns: the recommendation
     * and its confidence, the sentence behind it, the totals per strategy, the break-even month, the
     * heaviest reasons, and where the rest is.
     */
    static List<String> summary(Advice advice, Style style, int width) {
        List<String> out = new ArrayList<>();
        Recommendation r = advice.recommendation();
        CostReport costs = advice.costs();
        out.add("");
        out.add(style.heading("Summary", Math.min(HEADING, width)));
        out.add("  " + style.bold(style.accent(r.strategy().name())) + ", confidence " + style.bold(r.confidence().name()));
        wrap(out, r.summary(), "  ", width);
        List<String> totals = new ArrayList<>();
        for (StrategyCost cost : List.of(costs.fineTune(), costs.rag(), costs.hybrid())) {
            totals.add(cost.strategy() + " " + Values.money(cost.totalUsd()));
        }
        wrap(out, "Costs over " + costs.horizonMonths() + " months: " + String.join(", ", totals)
                + "; break-even month " + breakEven(costs.breakEvenMonth()) + ".", "  ", width);
        List<CriterionResult> reasons = advice.criteria().stream()
                .filter(c -> c.favors() != Favor.NEUTRAL && marker(c.favors(), r.strategy()) == '+')
                .sorted(Comparator.comparingDouble(CriterionResult::weight).reversed())
                .limit(SUMMARY_REASONS).toList();
        if (!reasons.isEmpty()) {
            out.add("  Top reasons:");
            for (CriterionResult c : reasons) {
                wrap(out, "+ " + c.title() + " (" + c.id() + ", weight " + weight(c.weight()) + ")", "    ", width);
            }
        }
        long blockers = advice.caveats().stream().filter(c -> c.severity() == Severity.BLOCKER).count();
        if (blockers > 0) {
            out.add("  " + style.error(blockers + " blocker" + (blockers == 1 ? "" : "s")) + " among the caveats above.");
        }
        return out;
    }

    private static Map<String, String> criteriaById(Advice advice) {
        Map<String, String> map = new LinkedHashMap<>();
        for (CriterionResult c : advice.criteria()) {
            String value = c.favors() + " " + weight(c.weight());
            map.merge(c.id(), value, (x, y) -> x + ", " + y);
        }
        return map;
    }

    /** {@code how <criterion-id>}: the findings, the rules that made them, the answers they read. */
    static List<String> how(Advice advice, String id, List<RuleRef> rules, Style style, int width) {
        List<String> out = new ArrayList<>();
        List<CriterionResult> found = advice.criteria().stream().filter(c -> c.id().equals(id)).toList();
        if (found.isEmpty()) {
            out.add(style.warn("  ! no criterion '" + id + "'; the ids are listed in the criteria trace above"));
            return out;
        }
        CriterionResult first = found.get(0);
        out.add("  " + style.bold(first.id()) + "  " + first.title());
        out.add("  Guide section: " + first.section());
        List<String> answers = new ArrayList<>();
        first.answers().forEach((q, v) -> answers.add(q + " = " + (v == null ? "none (unanswered)" : v)));
        out.add("  Answers it looked at: " + String.join(", ", answers));
        for (CriterionResult c : found) {
            out.add("  -> favours " + c.favors() + ", weight " + weight(c.weight()));
            wrap(out, c.reason(), "     ", width);
            RuleRef rule = rules.stream().filter(r -> r.name().equals(c.rule())).findFirst().orElse(null);
            out.add("     rule: " + c.rule() + (rule == null ? "" : " (" + rule.file() + ", section \"" + rule.section() + "\")")
                    + (advice.firedRules().contains(c.rule()) ? ", fired" : ""));
        }
        List<String> others = rules.stream().filter(r -> id.equals(r.criterion()))
                .filter(r -> found.stream().noneMatch(c -> c.rule().equals(r.name())))
                .map(r -> r.name() + (advice.firedRules().contains(r.name()) ? " (fired)" : " (did not fire)")).toList();
        if (!others.isEmpty()) {
            out.add(style.dim("  other rules for this criterion: " + String.join(", ", others)));
        }
        return out;
    }

    private static char marker(Favor favor, Strategy recommended) {
        if (favor == Favor.NEUTRAL) {
            return '.';
        }
        return recommended == Strategy.HYBRID || favor.name().equals(recommended.name()) ? '+' : '-';
    }

    static String weight(double value) {
        return new java.text.DecimalFormat("0.##", java.text.DecimalFormatSymbols.getInstance(Locale.ROOT)).format(value);
    }

    static void wrap(List<String> out, String text, String indent) {
        wrap(out, text, indent, WIDTH);
    }

    /** Adds {@code text} as lines of at most {@code width} columns, broken at spaces, each starting with {@code indent}. */
    static void wrap(List<String> out, String text, String indent, int width) {
        StringBuilder line = new StringBuilder(indent);
        for (String word : text.split(" ")) {
            if (line.length() > indent.length() && line.length() + 1 + word.length() > width) {
                out.add(line.toString());
                line = new StringBuilder(indent);
            }
            if (line.length() > indent.length()) {
                line.append(' ');
            }
            line.append(word);
        }
        out.add(line.toString());
    }
}
