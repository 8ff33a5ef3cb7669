package dev.ragft.questionnaire;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the guide says about the plausible values of one answer (questionnaire {@code guideRanges}):
 * shown beside a defaulted value in the list of assumptions, and, where it has numeric ends, tried by
 * the robustness check.
 *
 * @param question the question id
 * @param text the range in words, as the report prints it
 * @param uncertain whether the value is an estimate even when the user gives it (prices the guide only
 *     bounds), so the robustness check tries the range ends for an answered value too
 * @param dependsOn the question whose value picks the row of {@code ends} (e.g. {@code model_size}), or
 *     {@code null} for one range
 * @param ends low and high end per value of {@code dependsOn} (key {@code ""} when there is one range);
 *     empty when the guide gives no numbers
 */
public record GuideRange(String question, String text, boolean uncertain, String dependsOn,
                         Map<String, List<BigDecimal>> ends) {

    /** Copies the table. */
    public GuideRange {
        ends = Map.copyOf(ends);
    }

    /** The low and high end that apply given the value of {@code dependsOn} (ignored for one range). */
    public Optional<List<BigDecimal>> endsFor(Object dependsOnValue) {
        List<BigDecimal> row = ends.get(dependsOn == null ? "" : String.valueOf(dependsOnValue));
        return Optional.ofNullable(row);
    }
}
