package dev.ragft.cost;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ragft.Advice;
import dev.ragft.Advisor;
import dev.ragft.facts.Caveat;
import dev.ragft.questionnaire.Answers;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Cost model v2 through the whole advisor: token-priced and self-hosted consultations are advised (the
 * robustness check's variants resolve), answers that a stated alternative replaces are named in a caveat, and
 * the computations reach the advice's cost report.
 */
class CostModelAdviceTest {

    static Advisor advisor;

    @BeforeAll
    static void loadRules() {
        advisor = Advisor.fromDirectory(Path.of("rules"), Path.of("questionnaires/advisor.json"));
    }

    static Answers required() {
        return Answers.of(Map.of("knowledge_change", "RARELY", "query_variety", "REPETITIVE",
                "monthly_queries", 3_000_000L, "hosting_infrastructure", true, "training_examples", 5_000L));
    }

    @Test
    void tokenPricedConsultationIsAdvisedWithItsComputation() {
        Advice advice = advisor.advise(required().with("input_price_per_million_tokens_usd", new BigDecimal("3"))
                .with("output_price_per_million_tokens_usd", new BigDecimal("15")));
        CostReport costs = advice.costs();
        assertThat(costs.basis().generationPerQueryUsd()).isEqualByComparingTo("0.01035");
        // 50 + 3,000,000 × (0.05 + 0.01035) a month.
        assertThat(costs.rag().monthlyUsd()).isEqualByComparingTo("181100");
        // 24 instances × $50 serve the fine-tuned 7B at this volume.
        assertThat(costs.fineTune().monthlyUsd()).isEqualByComparingTo("1200");
        assertThat(advice.caveats()).extracting(Caveat::id).doesNotContain("cost.unused-generation-price");
    }

    @Test
    void replacedAnswersAreKeptButNamedAsUnused() {
        Advice advice = advisor.advise(required().with("input_price_per_million_tokens_usd", new BigDecimal("3"))
                .with("output_price_per_million_tokens_usd", new BigDecimal("15"))
                .with("generation_cost_per_query_usd", new BigDecimal("0.02"))
                .with("inference_monthly_usd", new BigDecimal("700")).with("gpu_monthly_usd", new BigDecimal("90")));
        // The stated figures are the ones used, exactly.
        assertThat(advice.costs().fineTune().monthlyUsd()).isEqualByComparingTo("700");
        assertThat(advice.costs().basis().generationPerQueryUsd()).isEqualByComparingTo("0.01035");
        assertThat(advice.caveats()).extracting(Caveat::id)
                .contains("cost.unused-generation-price", "cost.unused-serving-answers");
    }

    @Test
    void selfHostedRagIsCheaperAtVolumeAndOnPremisesIsSelfHosted() {
        Advice managed = advisor.advise(required());
        Advice selfHosted = advisor.advise(required().with("self_hosted_rag", true));
        Advice onPrem = advisor.advise(required().with("on_prem_required", true));
        // Managed: 50 + 3,000,000 × 0.055 = 165,050 a month; self-hosted: 50 + 24 × 50 = 1,250.
        assertThat(managed.costs().rag().monthlyUsd()).isEqualByComparingTo("165050");
        assertThat(selfHosted.costs().rag().monthlyUsd()).isEqualByComparingTo("1250");
        assertThat(onPrem.costs().rag().monthlyUsd()).isEqualByComparingTo("1250");
        assertThat(onPrem.costs().basis().lines()).anyMatch(line -> line.startsWith("RAG self-hosted"));
    }
}
