package dev.ragft;

import dev.ragft.facts.Favor;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One row of the criteria trace: what a criterion of the guide looked at, what it favours and why.
 *
 * @param answers the answers the criterion is driven by (question id → value; {@code null} when unanswered)
 * @param rule the rule that produced the finding
 * @param assumed the question ids whose default the finding rests on; empty when it rests on answers only
 */
public record CriterionResult(String id, String section, String title, Map<String, Object> answers, Favor favors,
                              double weight, String reason, String rule, List<String> assumed) {

    /** Copies the answers, keeping their order and their {@code null}s. */
    public CriterionResult {
        // Insertion order matters for reports and values may be null, so Map.copyOf will not do.
        answers = Collections.unmodifiableMap(new LinkedHashMap<>(answers));
        assumed = List.copyOf(assumed);
    }

    /** A result resting on answers only. */
    public CriterionResult(String id, String section, String title, Map<String, Object> answers, Favor favors,
                           double weight, String reason, String rule) {
        this(id, section, title, answers, favors, weight, reason, rule, List.of());
    }

    /** Whether the finding rests only on answers the user gave. */
    public boolean evidence() {
        return assumed.isEmpty();
    }
}
