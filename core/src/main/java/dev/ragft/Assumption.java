package dev.ragft;

/**
 * One value the consultation used that the user did not give: a questionnaire default. Reports list
 * them so a reader sees what the advice takes for granted.
 *
 * @param questionId the question whose default was used
 * @param value the default value used
 * @param guideRange what the guide says about plausible values, or {@code null} when it says nothing
 */
public record Assumption(String questionId, Object value, String guideRange) {
}
