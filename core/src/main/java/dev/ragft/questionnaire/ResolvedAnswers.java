package dev.ragft.questionnaire;

import dev.ragft.questionnaire.Answers;
import dev.ragft.cost.CostInputs;
import dev.ragft.facts.Profile;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Valid answers turned into what the engine consumes.
 *
 * @param normalized the user's answers in questionnaire order, enums upper case, numbers exact;
 *     explicit {@code null}s (skipped questions) are kept
 * @param profile the answers as the rules' fact, defaults applied
 * @param costs the cost model's inputs, defaults by model size and knowledge change applied
 * @param effective every question id in questionnaire order mapped to the value used, default
 *     included; {@code null} when unanswered without a default
 * @param defaulted the ids whose effective value is a default rather than the user's answer
 */
public record ResolvedAnswers(
        Answers normalized,
        Profile profile,
        CostInputs costs,
        Map<String, Object> effective,
        Set<String> defaulted) {

    /** Copies the maps and sets, keeping {@code null} values. */
    public ResolvedAnswers {
        // Map.copyOf rejects nulls, and null is a meaningful "unanswered" here.
        effective = Collections.unmodifiableMap(new LinkedHashMap<>(effective));
        defaulted = Set.copyOf(defaulted);
    }
}
