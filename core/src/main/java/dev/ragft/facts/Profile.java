package dev.ragft.facts;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The consultation's answers as one immutable fact, with defaults already applied.
 *
 * <p>Optional answers that were not given are {@code null} (for enums and the latency budget);
 * {@link #answered()} holds the ids of the questions the user actually answered, so a rule can tell
 * an explicit {@code false} from a default one.
 *
 * <p><b>Building one without the questionnaire</b> ({@link #builder()}, or Jackson reading JSON into
 * this record). The questionnaire ({@code dev.ragft.Facts.of(answers)}) validates answers and applies
 * defaults; these two paths do neither, they only check that the fact is complete:
 * <ul>
 * <li><b>Required</b> (a missing one is an {@link IllegalArgumentException} naming every missing field
 *     in the answers' spelling, e.g. {@code knowledge_change}): {@code knowledge_change},
 *     {@code query_variety}, {@code monthly_queries}, {@code hosting_infrastructure},
 *     {@code training_examples}, and the answers the questionnaire defaults: {@code on_prem_required},
 *     {@code audit_trail_required}, {@code cost_model_preference}, {@code style_format_needs},
 *     {@code examples_labeled}, {@code model_size}, {@code horizon_months}, {@code retrains_per_year}.
 *     A missing number or flag is an error rather than 0 or {@code false}, which would be a silently
 *     wrong answer.</li>
 * <li><b>Optional</b> ({@code null} when not given, as the questionnaire leaves them):
 *     {@code domain_consistency}, {@code documents_cover_answers}, {@code out_of_domain_queries},
 *     {@code latency_sensitivity}, {@code latency_budget_ms}; {@code answered} ({@code null} or missing
 *     is the empty set: no answer counts as given explicitly).</li>
 * </ul>
 * In JSON the fields are the record's components ({@code monthlyQueries}); the answers' spelling
 * ({@code monthly_queries}) is accepted too, and enum values are written as in answers files
 * ({@code "DAILY"}, {@code "70B"}).
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

    /** Copies the set of answered ids; {@code null} is the empty set (nothing answered explicitly). */
    public Profile {
        answered = answered == null ? Set.of() : Set.copyOf(answered);
    }

    /**
     * A profile from JSON (Jackson): checks that every required field is present, see the class comment.
     *
     * @throws IllegalArgumentException naming every missing required field, in the answers' spelling
     */
    @JsonCreator
    static Profile fromJson(
            @JsonProperty("knowledgeChange") @JsonAlias("knowledge_change") KnowledgeChange knowledgeChange,
            @JsonProperty("domainConsistency") @JsonAlias("domain_consistency") DomainConsistency domainConsistency,
            @JsonProperty("documentsCoverAnswers") @JsonAlias("documents_cover_answers") DocumentsCoverage documentsCoverAnswers,
            @JsonProperty("queryVariety") @JsonAlias("query_variety") QueryVariety queryVariety,
            @JsonProperty("outOfDomainQueries") @JsonAlias("out_of_domain_queries") OutOfDomain outOfDomainQueries,
            @JsonProperty("monthlyQueries") @JsonAlias("monthly_queries") Long monthlyQueries,
            @JsonProperty("latencySensitivity") @JsonAlias("latency_sensitivity") LatencySensitivity latencySensitivity,
            @JsonProperty("latencyBudgetMs") @JsonAlias("latency_budget_ms") Integer latencyBudgetMs,
            @JsonProperty("onPremRequired") @JsonAlias("on_prem_required") Boolean onPremRequired,
            @JsonProperty("auditTrailRequired") @JsonAlias("audit_trail_required") Boolean auditTrailRequired,
            @JsonProperty("hostingInfrastructure") @JsonAlias("hosting_infrastructure") Boolean hostingInfrastructure,
            @JsonProperty("costModelPreference") @JsonAlias("cost_model_preference") CostPreference costModelPreference,
            @JsonProperty("styleFormatNeeds") @JsonAlias("style_format_needs") Boolean styleFormatNeeds,
            @JsonProperty("trainingExamples") @JsonAlias("training_examples") Long trainingExamples,
            @JsonProperty("examplesLabeled") @JsonAlias("examples_labeled") Boolean examplesLabeled,
            @JsonProperty("modelSize") @JsonAlias("model_size") ModelSize modelSize,
            @JsonProperty("horizonMonths") @JsonAlias("horizon_months") Integer horizonMonths,
            @JsonProperty("retrainsPerYear") @JsonAlias("retrains_per_year") Integer retrainsPerYear,
            @JsonProperty("answered") Set<String> answered) {
        // Straight into the fields: a missing number or flag stays null, so build() reports it.
        Builder b = builder();
        b.knowledgeChange = knowledgeChange;
        b.domainConsistency = domainConsistency;
        b.documentsCoverAnswers = documentsCoverAnswers;
        b.queryVariety = queryVariety;
        b.outOfDomainQueries = outOfDomainQueries;
        b.monthlyQueries = monthlyQueries;
        b.latencySensitivity = latencySensitivity;
        b.latencyBudgetMs = latencyBudgetMs;
        b.onPremRequired = onPremRequired;
        b.auditTrailRequired = auditTrailRequired;
        b.hostingInfrastructure = hostingInfrastructure;
        b.costModelPreference = costModelPreference;
        b.styleFormatNeeds = styleFormatNeeds;
        b.trainingExamples = trainingExamples;
        b.examplesLabeled = examplesLabeled;
        b.modelSize = modelSize;
        b.horizonMonths = horizonMonths;
        b.retrainsPerYear = retrainsPerYear;
        b.answered = answered;
        return b.build();
    }

    /** A builder for applications that insert a hand-made profile into a plain KIE session; see the class comment. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Builds a {@link Profile} field by field. It applies no defaults (the questionnaire does, through
     * {@code dev.ragft.Facts.of(answers)}); {@link #build()} rejects a profile missing a required field.
     * Setters accept {@code null} (the field is then unset).
     */
    public static final class Builder {
        private KnowledgeChange knowledgeChange;
        private DomainConsistency domainConsistency;
        private DocumentsCoverage documentsCoverAnswers;
        private QueryVariety queryVariety;
        private OutOfDomain outOfDomainQueries;
        private Long monthlyQueries;
        private LatencySensitivity latencySensitivity;
        private Integer latencyBudgetMs;
        private Boolean onPremRequired;
        private Boolean auditTrailRequired;
        private Boolean hostingInfrastructure;
        private CostPreference costModelPreference;
        private Boolean styleFormatNeeds;
        private Long trainingExamples;
        private Boolean examplesLabeled;
        private ModelSize modelSize;
        private Integer horizonMonths;
        private Integer retrainsPerYear;
        private Set<String> answered;

        private Builder() {
        }

        /** Required: how often the knowledge changes ({@code knowledge_change}). */
        public Builder knowledgeChange(KnowledgeChange value) {
            knowledgeChange = value;
            return this;
        }

        /** Optional ({@code domain_consistency}). */
        public Builder domainConsistency(DomainConsistency value) {
            domainConsistency = value;
            return this;
        }

        /** Optional ({@code documents_cover_answers}). */
        public Builder documentsCoverAnswers(DocumentsCoverage value) {
            documentsCoverAnswers = value;
            return this;
        }

        /** Required ({@code query_variety}). */
        public Builder queryVariety(QueryVariety value) {
            queryVariety = value;
            return this;
        }

        /** Optional ({@code out_of_domain_queries}). */
        public Builder outOfDomainQueries(OutOfDomain value) {
            outOfDomainQueries = value;
            return this;
        }

        /** Required ({@code monthly_queries}). */
        public Builder monthlyQueries(long value) {
            monthlyQueries = value;
            return this;
        }

        /** Optional ({@code latency_sensitivity}). */
        public Builder latencySensitivity(LatencySensitivity value) {
            latencySensitivity = value;
            return this;
        }

        /** Optional, milliseconds ({@code latency_budget_ms}). */
        public Builder latencyBudgetMs(Integer value) {
            latencyBudgetMs = value;
            return this;
        }

        /** Required; the questionnaire's default is {@code false} ({@code on_prem_required}). */
        public Builder onPremRequired(boolean value) {
            onPremRequired = value;
            return this;
        }

        /** Required; the questionnaire's default is {@code false} ({@code audit_trail_required}). */
        public Builder auditTrailRequired(boolean value) {
            auditTrailRequired = value;
            return this;
        }

        /** Required ({@code hosting_infrastructure}). */
        public Builder hostingInfrastructure(boolean value) {
            hostingInfrastructure = value;
            return this;
        }

        /** Required; the questionnaire's default is {@code NO_PREFERENCE} ({@code cost_model_preference}). */
        public Builder costModelPreference(CostPreference value) {
            costModelPreference = value;
            return this;
        }

        /** Required; the questionnaire's default is {@code false} ({@code style_format_needs}). */
        public Builder styleFormatNeeds(boolean value) {
            styleFormatNeeds = value;
            return this;
        }

        /** Required ({@code training_examples}). */
        public Builder trainingExamples(long value) {
            trainingExamples = value;
            return this;
        }

        /** Required; the questionnaire's default is {@code true} ({@code examples_labeled}). */
        public Builder examplesLabeled(boolean value) {
            examplesLabeled = value;
            return this;
        }

        /** Required; the questionnaire's default is {@code 7B} ({@code model_size}). */
        public Builder modelSize(ModelSize value) {
            modelSize = value;
            return this;
        }

        /** Required; the questionnaire's default is 12 ({@code horizon_months}). */
        public Builder horizonMonths(int value) {
            horizonMonths = value;
            return this;
        }

        /** Required; the questionnaire's default depends on knowledge_change ({@code retrains_per_year}). */
        public Builder retrainsPerYear(int value) {
            retrainsPerYear = value;
            return this;
        }

        /** Optional: the question ids the user answered explicitly; unset is the empty set. */
        public Builder answered(Set<String> value) {
            answered = value;
            return this;
        }

        /**
         * The profile.
         *
         * @throws IllegalArgumentException naming every required field that is unset, in the answers' spelling
         */
        public Profile build() {
            List<String> missing = new ArrayList<>();
            require(knowledgeChange, "knowledge_change", missing);
            require(queryVariety, "query_variety", missing);
            require(monthlyQueries, "monthly_queries", missing);
            require(onPremRequired, "on_prem_required", missing);
            require(auditTrailRequired, "audit_trail_required", missing);
            require(hostingInfrastructure, "hosting_infrastructure", missing);
            require(costModelPreference, "cost_model_preference", missing);
            require(styleFormatNeeds, "style_format_needs", missing);
            require(trainingExamples, "training_examples", missing);
            require(examplesLabeled, "examples_labeled", missing);
            require(modelSize, "model_size", missing);
            require(horizonMonths, "horizon_months", missing);
            require(retrainsPerYear, "retrains_per_year", missing);
            if (!missing.isEmpty()) {
                throw new IllegalArgumentException("Profile is missing required " + (missing.size() == 1 ? "field" : "fields")
                        + ": " + String.join(", ", missing)
                        + " (a Profile has no defaults; dev.ragft.Facts.of(answers) applies the questionnaire's)");
            }
            return new Profile(knowledgeChange, domainConsistency, documentsCoverAnswers, queryVariety,
                    outOfDomainQueries, monthlyQueries, latencySensitivity, latencyBudgetMs, onPremRequired,
                    auditTrailRequired, hostingInfrastructure, costModelPreference, styleFormatNeeds,
                    trainingExamples, examplesLabeled, modelSize, horizonMonths, retrainsPerYear, answered);
        }

        private static void require(Object value, String answerId, List<String> missing) {
            if (value == null) {
                missing.add(answerId);
            }
        }
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
    @DerivedFrom("retrainsPerYear")
    public double stalenessWindowDays() {
        return retrainsPerYear <= 0 ? Double.POSITIVE_INFINITY : 365.0 / retrainsPerYear;
    }

    /**
     * How many changes of the knowledge fit in one staleness window (window ÷ change interval); above 1
     * the weights fall behind the knowledge between retrainings. 0 when knowledge_change is unanswered.
     */
    @DerivedFrom({"retrainsPerYear", "knowledgeChange"})
    public double stalenessRatio() {
        return knowledgeChange == null ? 0.0 : stalenessWindowDays() / knowledgeChange.intervalDays();
    }
}
