package dev.ragft.facts;

/**
 * A value inside the guide's range for a defaulted or uncertain answer at which the recommended
 * strategy changes: the robustness check's output, inserted before the decision so the rules can cap
 * the confidence and say which assumption would flip it. No such fact means the recommendation held
 * at every range end tried (or robustness was not checked).
 *
 * @param questionId the answer varied, e.g. {@code retrieval_cost_per_query_usd}
 * @param value the value tried, as the report prints it
 * @param strategy what the rules recommend with that value
 */
public record AssumptionFlip(String questionId, String value, Strategy strategy) {
}
