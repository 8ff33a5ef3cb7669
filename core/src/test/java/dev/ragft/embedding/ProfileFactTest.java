package dev.ragft.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ragft.Facts;
import dev.ragft.facts.CostPreference;
import dev.ragft.facts.KnowledgeChange;
import dev.ragft.facts.ModelSize;
import dev.ragft.facts.Profile;
import dev.ragft.facts.QueryVariety;
import dev.ragft.questionnaire.Answers;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The {@link Profile} fact as an embedding application builds it by hand or reads it from JSON:
 * the answers' spellings, a clear error for a partial one, and a builder.
 */
class ProfileFactTest {

    static final ObjectMapper JSON = new ObjectMapper();

    static Profile resolved() {
        Answers answers = Answers.of(Map.of("knowledge_change", "RARELY", "query_variety", "REPETITIVE",
                "monthly_queries", 1_000_000, "hosting_infrastructure", true, "training_examples", 20_000,
                "model_size", "70B"));
        return (Profile) Facts.of(answers).get(1);
    }

    @Test
    void modelSizeIsWrittenAndReadAsTheAnswersWriteIt() throws Exception {
        assertThat(JSON.writeValueAsString(ModelSize.SIZE_70B)).isEqualTo("\"70B\"");
        assertThat(JSON.writeValueAsString(ModelSize.SIZE_405B)).isEqualTo("\"405B\"");
        assertThat(JSON.readValue("\"7B\"", ModelSize.class)).isEqualTo(ModelSize.SIZE_7B);
        assertThat(JSON.readValue("\"405b\"", ModelSize.class)).isEqualTo(ModelSize.SIZE_405B);
        assertThatThrownBy(() -> JSON.readValue("\"SIZE_7B\"", ModelSize.class))
                .hasMessageContaining("model_size must be one of 7B, 70B, 405B");
    }

    @Test
    void aProfileRoundTripsThroughJson() throws Exception {
        Profile profile = resolved();
        String text = JSON.writeValueAsString(profile);
        assertThat(text).contains("\"modelSize\":\"70B\"").doesNotContain("SIZE_");
        assertThat(JSON.readValue(text, Profile.class)).isEqualTo(profile);
    }

    @Test
    void aProfileIsReadInTheAnswersSpellingToo() throws Exception {
        Profile profile = resolved();
        ObjectNode snake = JSON.createObjectNode();
        JSON.valueToTree(profile).properties().forEach(e -> snake.set(
                e.getKey().replaceAll("([A-Z])", "_$1").toLowerCase(java.util.Locale.ROOT), e.getValue()));
        assertThat(snake.has("knowledge_change")).isTrue();
        assertThat(JSON.treeToValue(snake, Profile.class)).isEqualTo(profile);
    }

    @Test
    void aPartialProfileNamesItsMissingFieldsInsteadOfFailingWithANullPointer() {
        String partial = "{\"knowledgeChange\":\"DAILY\",\"monthlyQueries\":1000}";
        assertThatThrownBy(() -> JSON.readValue(partial, Profile.class))
                .hasMessageContaining("Profile is missing required fields: query_variety, on_prem_required")
                .hasMessageContaining("training_examples")
                .hasMessageNotContaining("knowledge_change")
                .hasMessageNotContaining("monthly_queries,")
                .hasMessageNotContaining("NullPointerException");
    }

    @Test
    void aMissingAnsweredSetIsEmpty() throws Exception {
        ObjectNode node = JSON.valueToTree(resolved());
        node.remove("answered");
        assertThat(JSON.treeToValue(node, Profile.class).answered()).isEmpty();
        node.putNull("answered");
        assertThat(JSON.treeToValue(node, Profile.class).answered()).isEmpty();
        Profile p = resolved();
        assertThat(new Profile(p.knowledgeChange(), null, null, p.queryVariety(), null, 1, null, null, false, false,
                true, CostPreference.NO_PREFERENCE, false, 1, true, ModelSize.SIZE_7B, 12, 1, null).answered()).isEmpty();
    }

    @Test
    void theBuilderMakesTheSameProfileAsTheQuestionnaire() {
        Profile expected = resolved();
        Profile built = Profile.builder()
                .knowledgeChange(KnowledgeChange.RARELY).queryVariety(QueryVariety.REPETITIVE)
                .monthlyQueries(1_000_000).hostingInfrastructure(true).trainingExamples(20_000)
                .modelSize(ModelSize.SIZE_70B)
                // The questionnaire's defaults, which the builder does not apply:
                .onPremRequired(false).auditTrailRequired(false).costModelPreference(CostPreference.NO_PREFERENCE)
                .styleFormatNeeds(false).examplesLabeled(true).horizonMonths(12)
                .retrainsPerYear(expected.retrainsPerYear())
                .answered(expected.answered())
                .build();
        assertThat(built).isEqualTo(expected);
    }

    @Test
    void theBuilderRejectsAnIncompleteProfileNamingEveryMissingField() {
        assertThatThrownBy(() -> Profile.builder().knowledgeChange(KnowledgeChange.DAILY).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Profile is missing required fields: query_variety, monthly_queries, on_prem_required, "
                        + "audit_trail_required, hosting_infrastructure, cost_model_preference, style_format_needs, "
                        + "training_examples, examples_labeled, model_size, horizon_months, retrains_per_year "
                        + "(a Profile has no defaults; dev.ragft.Facts.of(answers) applies the questionnaire's)");
        // Optional fields stay null, the answered set empty.
        Profile p = Profile.builder().knowledgeChange(KnowledgeChange.DAILY).queryVariety(QueryVariety.WIDE)
                .monthlyQueries(10).onPremRequired(false).auditTrailRequired(false).hostingInfrastructure(false)
                .costModelPreference(CostPreference.NO_PREFERENCE).styleFormatNeeds(false).trainingExamples(0)
                .examplesLabeled(true).modelSize(ModelSize.SIZE_7B).horizonMonths(12).retrainsPerYear(52).build();
        assertThat(p.domainConsistency()).isNull();
        assertThat(p.latencyBudgetMs()).isNull();
        assertThat(p.answered()).isEqualTo(Set.of());
    }
}
