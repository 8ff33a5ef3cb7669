package dev.ragft.facts;

import java.util.List;

/**
 * The decision layer's single output: what to build, how sure we are, where it runs, and why.
 *
 * @param margin the score margin the confidence was banded from (0 … 1): the winner's weight resting on
 *     answers minus the runner-up's whole weight, over all the weight in play
 * @param decidingCriteria ids of the criteria that decided, strongest first
 * @param coverage the share of the weight in play that rests on answers rather than defaults (0 … 1)
 * @param flips the assumptions that would flip the strategy, e.g. {@code retrieval_cost_per_query_usd = 0.01 -> RAG};
 *     empty when it held across every range tried
 */
public record Recommendation(
        Strategy strategy,
        Confidence confidence,
        Deployment deployment,
        String deploymentNote,
        String summary,
        double margin,
        List<String> decidingCriteria,
        Scores scores,
        String rule,
        double coverage,
        List<String> flips) {

    /** Copies the lists. */
    public Recommendation {
        decidingCriteria = List.copyOf(decidingCriteria);
        flips = List.copyOf(flips);
    }

    /** A recommendation resting wholly on answers, robustness not checked. */
    public Recommendation(Strategy strategy, Confidence confidence, Deployment deployment, String deploymentNote,
                          String summary, double margin, List<String> decidingCriteria, Scores scores, String rule) {
        this(strategy, confidence, deployment, deploymentNote, summary, margin, decidingCriteria, scores, rule, 1.0,
                List.of());
    }
}
