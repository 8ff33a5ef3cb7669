package dev.ragft.facts;

import java.util.Set;

/**
 * The consultation's answers as one immutable fact, with defaults already applied.
 *
 * <p>Optional answers that were not given are {@code null} (for enums and the latency budget);
 * {@link #answered()} holds the ids of the questions the user actually answered, so a rule can tell
 * an explicit {@code false} from a default one.
 */
public record Profile(
        KnowledgeChange knowledgeChange,
        DomainConsistency domainConsistency,
        DocumentsCoverage documentsCoverAnswers,
        QueryVariety queryVariety,
        OutOfDomain outOfDomainQueries,
        long monthlyQueries,
        LatencySensitivity latencySensitivity,
        Integer latencyBudgetMs,
        boolean onPremRequired,
        boolean auditTrailRequired,
        boolean hostingInfrastructure,
        CostPreference costModelPreference,
        boolean styleFormatNeeds,
        long trainingExamples,
        boolean examplesLabeled,
        ModelSize modelSize,
        int horizonMonths,
        int retrainsPerYear,
        Set<String> answered) {

    /** Copies the set of answered ids. */
    public Profile {
        answered = Set.copyOf(answered);
    }

    /** Whether the user answered this question id rather than taking its default. */
    public boolean wasAnswered(String questionId) {
        return answered.contains(questionId);
    }
}
