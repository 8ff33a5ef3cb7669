package dev.ragft;

import dev.ragft.questionnaire.Answers;
import dev.ragft.cost.CostReport;
import dev.ragft.report.JsonReport;
import dev.ragft.facts.Caveat;
import dev.ragft.facts.Confidence;
import dev.ragft.facts.Recommendation;
import dev.ragft.facts.Strategy;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The result of one consultation: the recommendation, every criterion of the guide in catalog
 * order, the costs, the caveats and the rules that fired. Immutable; {@link #toJson()} gives the
 * report scripts rely on.
 *
 * @param answers the answers as given, normalised (enum values in upper case)
 * @param effectiveAnswers every question's value with defaults applied ({@code null} when unanswered)
 * @param assumptions the defaults the consultation used, in questionnaire order, each with the guide's range
 */
public record Advice(Recommendation recommendation, List<CriterionResult> criteria, CostReport costs,
                     List<Caveat> caveats, List<String> firedRules, Answers answers,
                     Map<String, Object> effectiveAnswers, List<Assumption> assumptions) {

    /** Copies the lists and the map, so an advice never changes after it is made. */
    public Advice {
        criteria = List.copyOf(criteria);
        caveats = List.copyOf(caveats);
        firedRules = List.copyOf(firedRules);
        effectiveAnswers = Collections.unmodifiableMap(new LinkedHashMap<>(effectiveAnswers));
        assumptions = List.copyOf(assumptions);
    }

    /** An advice that records no assumptions. */
    public Advice(Recommendation recommendation, List<CriterionResult> criteria, CostReport costs,
                  List<Caveat> caveats, List<String> firedRules, Answers answers, Map<String, Object> effectiveAnswers) {
        this(recommendation, criteria, costs, caveats, firedRules, answers, effectiveAnswers, List.of());
    }

    /**
     * What to build.
     *
     * @return the recommended strategy: FINE_TUNE, RAG or HYBRID
     */
    public Strategy strategy() {
        return recommendation.strategy();
    }

    /**
     * How clear the decision is, banded from the score margin.
     *
     * @return LOW, MEDIUM or HIGH
     */
    public Confidence confidence() {
        return recommendation.confidence();
    }

    /** The JSON report (the keys of docs/advise.md), pretty-printed and byte-for-byte stable for the same input. */
    public String toJson() {
        return JsonReport.render(this);
    }
}
