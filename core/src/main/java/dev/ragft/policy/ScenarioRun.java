package dev.ragft.policy;

import dev.ragft.Advice;
import dev.ragft.CriterionResult;
import dev.ragft.InvalidAnswersException;
import dev.ragft.cost.StrategyCost;
import dev.ragft.answers.Consultation;
import dev.ragft.questionnaire.Answers;
import dev.ragft.engine.Engine;
import dev.ragft.facts.Caveat;
import dev.ragft.facts.Favor;
import dev.ragft.facts.Strategy;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Not API. {@code rules test}: runs a consultation with an expectation and lists every difference
 * between what it expects and what the rules produce.
 */
public final class ScenarioRun {

    /** One expectation not met: what was checked, what was expected, what came out. */
    public record Mismatch(String what, String expected, String actual) {
    }

    /** One consultation's result: its outcome line and the mismatches (empty when it passes). */
    public record Result(Consultation consultation, String outcome, List<Mismatch> mismatches) {

        public boolean passed() {
            return mismatches.isEmpty();
        }
    }

    private ScenarioRun() {
    }

    public static Result run(Engine engine, Consultation consultation) {
        return run(engine::advise, consultation);
    }

    /**
     * Runs {@code consultation} through {@code advise} (an engine's or a facade advisor's), so that a front
     * end holding the facade runs scenarios without the engine's types.
     */
    public static Result run(Function<Answers, Advice> advise, Consultation consultation) {
        Consultation.Expectation expect = Objects.requireNonNull(consultation.expect(), "expectation");
        Advice advice;
        try {
            advice = advise.apply(consultation.answers());
        } catch (InvalidAnswersException e) {
            return new Result(consultation, "invalid answers",
                    List.of(new Mismatch("answers", "valid", e.getMessage().replace('\n', ';'))));
        }
        List<Mismatch> mismatches = new ArrayList<>();
        if (advice.strategy() != expect.strategy()) {
            mismatches.add(new Mismatch("strategy", expect.strategy().name(), advice.strategy().name()));
        }
        if (expect.confidence() != null && advice.confidence() != expect.confidence()) {
            mismatches.add(new Mismatch("confidence", expect.confidence().name(), advice.confidence().name()));
        }
        for (Map.Entry<Strategy, BigDecimal> cost : expect.costs().entrySet()) {
            StrategyCost actual = switch (cost.getKey()) {
                case FINE_TUNE -> advice.costs().fineTune();
                case RAG -> advice.costs().rag();
                case HYBRID -> advice.costs().hybrid();
            };
            if (actual.totalUsd().compareTo(cost.getValue()) != 0) {
                mismatches.add(new Mismatch("costs." + cost.getKey() + " total", plain(cost.getValue()),
                        plain(actual.totalUsd())));
            }
        }
        if (expect.breakEvenMonthChecked() && !Objects.equals(expect.breakEvenMonth(), advice.costs().breakEvenMonth())) {
            mismatches.add(new Mismatch("breakEvenMonth", String.valueOf(expect.breakEvenMonth()),
                    String.valueOf(advice.costs().breakEvenMonth())));
        }
        List<String> caveatIds = advice.caveats().stream().map(Caveat::id).toList();
        for (String id : expect.caveats()) {
            if (!caveatIds.contains(id)) {
                mismatches.add(new Mismatch("caveat " + id, "present", caveatIds.isEmpty() ? "absent (no caveats)"
                        : "absent (caveats: " + String.join(", ", caveatIds) + ")"));
            }
        }
        for (Map.Entry<String, Favor> criterion : expect.criteria().entrySet()) {
            List<String> favors = new ArrayList<>();
            for (CriterionResult result : advice.criteria()) {
                if (result.id().equals(criterion.getKey())) {
                    favors.add(result.favors().name());
                }
            }
            if (!favors.contains(criterion.getValue().name())) {
                mismatches.add(new Mismatch("criterion " + criterion.getKey(), criterion.getValue().name(),
                        favors.isEmpty() ? "not reported" : String.join(" and ", favors)));
            }
        }
        return new Result(consultation, advice.strategy() + " " + advice.confidence(), mismatches);
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
