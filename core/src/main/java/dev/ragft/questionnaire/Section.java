package dev.ragft.questionnaire;

/**
 * A group of questions the console asks together, e.g. {@code queries} titled "Your queries".
 *
 * @param id stable identifier referenced by {@link Question#section()}
 * @param title heading shown to the person answering
 */
public record Section(String id, String title) {
}
