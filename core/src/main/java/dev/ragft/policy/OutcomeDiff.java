package dev.ragft.policy;

import dev.ragft.Advice;
import dev.ragft.CriterionResult;
import dev.ragft.answers.Consultation;
import dev.ragft.engine.Engine;
import dev.ragft.engine.PolicyFile;
import dev.ragft.engine.RuleSource;
import dev.ragft.questionnaire.Answers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.Set;

/**
 * Not API. {@code rules diff}: replays consultations under two rule bases and reports which change
 * their strategy or confidence, and which criterion findings moved.
 */
public final class OutcomeDiff {

    /** One criterion whose finding differs: favour and weight before and after. */
    public record Moved(String criterion, String before, String after) {
    }

    /**
     * One consultation replayed on both sides. {@code before}/{@code after} read like "RAG HIGH", or
     * an error when the answers or the rules failed for it.
     */
    public record Change(Consultation consultation, String before, String after, boolean outcomeChanged,
                         List<Moved> moved) {
    }

    /** One policy value that differs: {@code null} on the side where it is absent. */
    public record PolicyChange(String key, Double before, Double after) {
    }

    private OutcomeDiff() {
    }

    public static Change compare(Engine base, Engine current, Consultation consultation) {
        return compare(base::advise, current::advise, consultation);
    }

    /**
     * {@link #compare(Engine, Engine, Consultation)} over two advise functions (engines' or facade
     * advisors'), so that a front end holding the facade compares without the engine's types.
     */
    public static Change compare(Function<Answers, Advice> base, Function<Answers, Advice> current,
            Consultation consultation) {
        Side before = side(base, consultation);
        Side after = side(current, consultation);
        List<Moved> moved = new ArrayList<>();
        if (before.advice != null && after.advice != null) {
            Map<String, String> was = findings(before.advice);
            Map<String, String> now = findings(after.advice);
            Set<String> ids = new LinkedHashSet<>(was.keySet());
            ids.addAll(now.keySet());
            for (String id : ids) {
                if (!Objects.equals(was.get(id), now.get(id))) {
                    moved.add(new Moved(id, was.getOrDefault(id, "absent"), now.getOrDefault(id, "absent")));
                }
            }
        }
        return new Change(consultation, before.outcome, after.outcome, !before.outcome.equals(after.outcome), moved);
    }

    /** {@link #policyChanges(RuleSource, RuleSource)} for rule files a policy command read. */
    public static List<PolicyChange> policyChanges(RuleFiles base, RuleFiles current) {
        return policyChanges(base.source(), current.source());
    }

    /** The policy values that differ between two rule sources, in key order of the newer file. */
    public static List<PolicyChange> policyChanges(RuleSource base, RuleSource current) {
        Map<String, PolicyFile.Entry> was = PolicyFile.parse(base.policy()).entries();
        Map<String, PolicyFile.Entry> now = PolicyFile.parse(current.policy()).entries();
        Set<String> keys = new LinkedHashSet<>(now.keySet());
        keys.addAll(was.keySet());
        List<PolicyChange> changes = new ArrayList<>();
        for (String key : keys) {
            Double before = was.containsKey(key) ? was.get(key).value() : null;
            Double after = now.containsKey(key) ? now.get(key).value() : null;
            if (!Objects.equals(before, after)) {
                changes.add(new PolicyChange(key, before, after));
            }
        }
        return changes;
    }

    private record Side(Advice advice, String outcome) {
    }

    private static Side side(Function<Answers, Advice> advise, Consultation consultation) {
        try {
            Advice advice = advise.apply(consultation.answers());
            return new Side(advice, advice.strategy() + " " + advice.confidence());
        } catch (RuntimeException e) {
            String message = String.valueOf(e.getMessage());
            int newline = message.indexOf('\n');
            return new Side(null, "error: " + (newline < 0 ? message : message.substring(0, newline)));
        }
    }

    // criterion id → "FAVOR weight" (several findings of one criterion joined), for comparison and display.
    private static Map<String, String> findings(Advice advice) {
        Map<String, String> byId = new LinkedHashMap<>();
        for (CriterionResult result : advice.criteria()) {
            String shown = result.favors() + " " + weight(result.weight());
            byId.merge(result.id(), shown, (a, b) -> a + " + " + b);
        }
        return byId;
    }

    private static String weight(double weight) {
        return weight == Math.rint(weight) ? String.valueOf((long) weight) : String.valueOf(weight);
    }
}
