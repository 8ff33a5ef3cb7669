package dev.ragft;

import dev.ragft.facts.Strategy;

/**
 * One answer that, changed on its own, changes the recommended strategy: the nearest such answer
 * to the current one for its question. Part of an {@link Analysis}.
 *
 * @param question the question id
 * @param from the current effective value (the answer or its default; {@code null} when unanswered)
 * @param to the nearest value that changes the strategy: for numbers the threshold itself, exact for
 *     whole numbers, to the cent for dollar amounts and to a hundredth of a cent for per-query prices;
 *     {@code null} when leaving the question unanswered is the change
 * @param strategy what the rules recommend with {@code to}
 * @param direction {@code "above"} (any value from {@code to} up flips, to the next threshold),
 *     {@code "below"} (from {@code to} down), or {@code "set"} (an enum, a boolean or a first answer)
 * @param distance how small the change is, the sort key: for numbers the relative change
 *     |to − from| ÷ |from| (÷ one step of precision when from is 0), for enums the number of choices
 *     moved in the list, for booleans and answering or clearing a question 1
 * @param text the change in words, e.g. "monthly_queries at or above 12,400 (now 5,000) → FINE_TUNE"
 */
public record Flip(String question, Object from, Object to, Strategy strategy, String direction, double distance,
                   String text) {
}
