package dev.ragft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ragft.testing.RagftProcess;
import org.junit.jupiter.api.Test;

/** The analysis section through the real CLI, in JSON and HTML (one process each). */
class AdviseAnalysisFormatsTest {

    private static final String[] ANSWERS = {"--set", "knowledge_change=MONTHLY", "--set", "query_variety=REPETITIVE",
        "--set", "monthly_queries=3000", "--set", "hosting_infrastructure=yes", "--set", "training_examples=5000",
        "--set", "domain_consistency=CONSISTENT", "--set", "retrains_per_year=4"};

    private static String[] args(String... first) {
        String[] all = new String[first.length + ANSWERS.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(ANSWERS, 0, all, first.length, ANSWERS.length);
        return all;
    }

    @Test
    void jsonHasFlipsAfterTheExistingKeys() throws Exception {
        RagftProcess.Result result = RagftProcess.run(args("advise", "--format", "json"));
        assertThat(result.exitCode()).as(result.all()).isZero();
        JsonNode root = new ObjectMapper().readTree(result.stdout());
        assertThat(root.fieldNames()).toIterable().containsSubsequence("recommendation", "criteria", "costs", "caveats",
                "flips", "stableQuestions", "crossover");
        JsonNode first = root.get("flips").get(0);
        assertThat(first.get("question").asText()).isEqualTo("monthly_queries");
        assertThat(first.get("from").asLong()).isEqualTo(3000);
        assertThat(first.get("to").asLong()).isEqualTo(606);
        assertThat(first.get("strategy").asText()).isEqualTo("RAG");
    }

    @Test
    void htmlIsSelfContainedAndNoAnalysisLeavesTheSectionOut() {
        RagftProcess.Result html = RagftProcess.run(args("advise", "--format", "html"));
        assertThat(html.exitCode()).as(html.all()).isZero();
        assertThat(html.stdout()).startsWith("<!DOCTYPE html>").contains("<h2>What would change this</h2>")
                .contains("monthly_queries at or below 606 (now 3,000) → RAG")
                .doesNotContain("http://", "https://", "<script", "<link");
        RagftProcess.Result markdown = RagftProcess.run(args("advise", "--format", "markdown", "--no-analysis"));
        assertThat(markdown.exitCode()).as(markdown.all()).isZero();
        assertThat(markdown.stdout()).startsWith("# Recommendation: FINE_TUNE").doesNotContain("What would change this");
    }
}
