package dev.ragft;

import dev.ragft.facts.Favor;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One row of the criteria trace: what a criterion of the guide looked at, what it favours and why.
 *
 * @param answers the answers the criterion is driven by (question id → value; {@code null} when unanswered)
 * @param rule the rule that produced the finding
 */
public record CriterionResult(String id, String section, String title, Map<String, Object> answers, Favor favors,
                              double weight, String reason, String rule) {

    /** Copies the answers, keeping their order and their {@code null}s. */
    public CriterionResult {
        // Insertion order matters for reports and values may be null, so Map.copyOf will not do.
        answers = Collections.unmodifiableMap(new LinkedHashMap<>(answers));
    }
}
