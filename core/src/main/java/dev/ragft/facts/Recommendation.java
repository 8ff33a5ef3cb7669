package dev.ragft.facts;

import java.util.List;

/**
 * The decision layer's single output: what to build, how sure we are, where it runs, and why.
 *
 * @param margin the score margin the confidence was banded from (0 … 1)
 * @param decidingCriteria ids of the criteria that decided, strongest first
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
        String rule) {

    /** Copies the deciding criteria. */
    public Recommendation {
        decidingCriteria = List.copyOf(decidingCriteria);
    }
}
