package dev.ragft;

import dev.ragft.questionnaire.Answers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ragft.facts.Strategy;
import dev.ragft.testing.RulesCopy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdvisorTest {

    static final Answers NEWS = Answers.of(Map.of(
            "knowledge_change", "DAILY", "query_variety", "WIDE", "monthly_queries", 5000L,
            "hosting_infrastructure", false, "training_examples", 0L));

    @Test
    void thePackagedCopyOfTheRulesGivesTheSameAdviceAsTheRulesFolder() {
        Advice packaged = Advisor.fromClasspath().advise(NEWS);
        Advice fromFolder = Advisor.fromDirectory(Path.of("rules")).advise(NEWS);
        assertThat(packaged.strategy()).isEqualTo(Strategy.RAG);
        assertThat(packaged.toJson()).isEqualTo(fromFolder.toJson());
    }

    @Test
    void invalidAnswersNameEveryField() {
        Advisor advisor = Advisor.fromClasspath();
        assertThatThrownBy(() -> advisor.advise(NEWS.with("monthly_queries", 0L).without("query_variety")))
                .isInstanceOfSatisfying(InvalidAnswersException.class, e -> assertThat(e.errors())
                        .extracting(InputError::field).contains("monthly_queries", "query_variety"));
    }

    @Test
    void aRulesFolderWithoutPolicyValuesIsRefusedClearly(@TempDir Path dir) throws IOException {
        Files.copy(Path.of("rules/10-when-to-fine-tune.drl"), dir.resolve("10-when-to-fine-tune.drl"));
        assertThatThrownBy(() -> Advisor.fromDirectory(dir))
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining("policy.properties");
    }

    @Test
    void aThresholdTheRulesUseButThePolicyLacksIsACompileErrorWithFileAndLine(@TempDir Path dir) throws IOException {
        Path rules = RulesCopy.of(dir);
        RulesCopy.edit(rules, "policy.properties", "cost.parity-band = 0.10", "");
        assertThatThrownBy(() -> Advisor.fromDirectory(rules))
                .isInstanceOfSatisfying(RulesException.class, e -> assertThat(e.errors()).anySatisfy(error -> {
                    assertThat(error.file()).isEqualTo(rules.resolve("40-cost-analysis.drl"));
                    assertThat(error.line()).isPositive();
                    assertThat(error.message()).contains("cost.parity-band");
                }));
    }
}
