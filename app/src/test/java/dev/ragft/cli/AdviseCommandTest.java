package dev.ragft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ragft.testing.RagftProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ragft advise} through the real CLI process, on the guide's own scenarios. */
class AdviseCommandTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void smallCompanyScenarioTotalsAreComputedNotCopied() throws IOException {
        RagftProcess.Result result = RagftProcess.run("advise", "--format", "json",
                "questionnaires/examples/small-company.json");
        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stderr()).isEmpty();
        JsonNode report = JSON.readTree(result.stdout());
        assertThat(report.at("/costs/FINE_TUNE/totalUsd").decimalValue()).isEqualByComparingTo("1700");
        assertThat(report.at("/costs/RAG/totalUsd").decimalValue()).isEqualByComparingTo("1920");
        assertThat(report.at("/costs/HYBRID/totalUsd").decimalValue()).isEqualByComparingTo("3500");
        assertThat(report.at("/costs/breakEvenMonth").asInt()).isEqualTo(10);
        assertThat(report.get("criteria")).hasSize(24);
    }

    @Test
    void enterpriseScenarioTotals() throws IOException {
        RagftProcess.Result result = RagftProcess.run("advise", "-f", "json", "questionnaires/examples/enterprise.json");
        assertThat(result.exitCode()).as(result.stderr()).isZero();
        JsonNode report = JSON.readTree(result.stdout());
        assertThat(report.at("/costs/FINE_TUNE/totalUsd").decimalValue()).isEqualByComparingTo("28500");
        assertThat(report.at("/costs/RAG/totalUsd").decimalValue()).isEqualByComparingTo("1326000");
    }

    @Test
    void textReportLeadsWithTheRecommendationThenCriteriaCostsAndCaveats(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("report.txt");
        RagftProcess.Result result = RagftProcess.run("advise", "--set", "monthly_queries=50k", "--out", out.toString(),
                "questionnaires/examples/legal-research.json");
        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stdout()).isEmpty();
        String report = Files.readString(out);
        assertThat(report).startsWith("RECOMMENDATION: HYBRID");
        assertThat(report.indexOf("CRITERIA (24)")).isLessThan(report.indexOf("COSTS over 12 months at 50,000 queries/month"));
        assertThat(report.indexOf("COSTS over")).isLessThan(report.indexOf("CAVEATS"));
    }

    @Test
    void helpExplainsAndExitsZero() {
        RagftProcess.Result result = RagftProcess.run("advise", "--help");
        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout()).contains("--format", "--set", "--rules", "Examples:");
    }
}
