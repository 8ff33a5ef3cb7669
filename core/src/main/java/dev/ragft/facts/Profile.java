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

    /** Whether the user answered at least one of these question ids. */
    public boolean answeredAny(String... questionIds) {
        for (String id : questionIds) {
            if (answered.contains(id)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The staleness window: days between two retrainings (365 ÷ retrains a year), so how old the
     * newest knowledge in the weights can be just before the next run. Infinite without retraining.
     */
    public double stalenessWindowDays() {
        return retrainsPerYear <= 0 ? Double.POSITIVE_INFINITY : 365.0 / retrainsPerYear;
    }

    /**
     * How many changes of the knowledge fit in one staleness window (window ÷ change interval); above 1
     * the weights fall behind the knowledge between retrainings. 0 when knowledge_change is unanswered.
     */
    public double stalenessRatio() {
        return knowledgeChange == null ? 0.0 : stalenessWindowDays() / knowledgeChange.intervalDays();
    }
}
