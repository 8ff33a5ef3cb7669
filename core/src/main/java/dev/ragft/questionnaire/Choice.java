package dev.ragft.questionnaire;

/**
 * One allowed value of an enum question.
 *
 * @param value the value as written in answers files and reports, upper case (e.g. {@code RARELY})
 * @param label a short human description shown beside the value (e.g. "yearly or less")
 */
public record Choice(String value, String label) {
}
