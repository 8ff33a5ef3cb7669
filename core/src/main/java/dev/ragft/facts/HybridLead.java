package dev.ragft.facts;

/**
 * Derived by the decision layer when the hybrid's own score ({@link HybridScore}) leads the best single
 * strategy and fine-tuning is feasible: the hybrid is then the recommendation.
 *
 * @param runnerUp the best single strategy
 * @param runnerUpScore its summed weight
 * @param lead the hybrid's score minus {@code runnerUpScore}
 */
public record HybridLead(Strategy runnerUp, double runnerUpScore, double lead) {
}
