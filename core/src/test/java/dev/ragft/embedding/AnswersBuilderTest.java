package dev.ragft.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ragft.questionnaire.Answers;
import dev.ragft.InputError;
import dev.ragft.InvalidAnswersException;
import dev.ragft.facts.KnowledgeChange;
import dev.ragft.facts.ModelSize;
import dev.ragft.facts.QueryVariety;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class AnswersBuilderTest {

    @Test
    void typedSettersGiveTheSameAnswersAsAnAnswersFile() {
        Answers built = Answers.builder()
                .knowledgeChange(KnowledgeChange.DAILY)
                .queryVariety(QueryVariety.WIDE)
                .monthlyQueries(50_000)
                .hostingInfrastructure(false)
                .trainingExamples(2_000)
                .modelSize(ModelSize.SIZE_70B)
                .retrievalCostPerQueryUsd(new BigDecimal("0.08"))
                .build();
        Answers file = Answers.fromJson("{\"knowledge_change\": \"DAILY\", \"query_variety\": \"WIDE\","
                + " \"monthly_queries\": 50000, \"hosting_infrastructure\": false, \"training_examples\": 2000,"
                + " \"model_size\": \"70B\", \"retrieval_cost_per_query_usd\": 0.08}", "file");
        assertThat(built).isEqualTo(file);
        assertThat(built.toJson()).isEqualTo(file.toJson());
    }

    @Test
    void setByIdIsCheckedAtOnceAndNamesTheField() {
        Answers.Builder builder = Answers.builder().set("knowledge_change", "weekly");
        assertThatThrownBy(() -> builder.set("monthly_querys", 5))
                .isInstanceOfSatisfying(InvalidAnswersException.class, e -> assertThat(e.errors()).singleElement()
                        .satisfies(error -> {
                            assertThat(error.field()).isEqualTo("monthly_querys");
                            assertThat(error.message()).contains("did you mean 'monthly_queries'");
                        }));
        assertThatThrownBy(() -> builder.monthlyQueries(0))
                .isInstanceOfSatisfying(InvalidAnswersException.class, e -> assertThat(e.errors())
                        .extracting(InputError::field).containsExactly("monthly_queries"));
        assertThatThrownBy(() -> builder.set("query_variety", "SOMETIMES"))
                .isInstanceOfSatisfying(InvalidAnswersException.class, e -> assertThat(e.errors())
                        .extracting(InputError::field).containsExactly("query_variety"));
        assertThatThrownBy(() -> builder.set("hosting_infrastructure", new Object()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("hosting_infrastructure");
        // A rejected value leaves the builder as it was.
        assertThat(builder.set("query_variety", "mixed").monthlyQueries(10).hostingInfrastructure(true)
                .trainingExamples(100).build().get("query_variety")).isEqualTo("MIXED");
    }

    @Test
    void buildListsEveryMissingRequiredAnswer() {
        assertThatThrownBy(() -> Answers.builder().knowledgeChange(KnowledgeChange.RARELY).build())
                .isInstanceOfSatisfying(InvalidAnswersException.class, e -> assertThat(e.errors())
                        .extracting(InputError::field)
                        .containsExactly("query_variety", "monthly_queries", "hosting_infrastructure", "training_examples"));
    }
}
