package dev.ragft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ragft.Advisor;
import dev.ragft.questionnaire.Answers;
import dev.ragft.testing.Fixtures;
import dev.ragft.testing.RagftProcess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ragft advise --batch} through the real CLI process: order, bad lines, exit codes, same report as --format json. */
class BatchModeTest {

    static final ObjectMapper JSON = new ObjectMapper();

    static String answers(long monthlyQueries, String change) {
        return "{\"knowledge_change\":\"" + change + "\",\"query_variety\":\"MIXED\",\"monthly_queries\":" + monthlyQueries
                + ",\"hosting_infrastructure\":true,\"training_examples\":2000}";
    }

    @Test
    void manyLinesWithBadOnesInTheMiddleKeepOrderAndExitWithTwo(@TempDir Path dir) throws IOException {
        // More lines than one chunk of work, so several chunks run in parallel and must come back in order.
        String[] changes = {"RARELY", "MONTHLY", "WEEKLY", "DAILY"};
        List<String> input = new ArrayList<>();
        for (int i = 1; i <= 150; i++) {
            input.add(answers(1000L + i, changes[i % changes.length]));
        }
        input.set(69, "{\"knowledge_change\": \"MONTHLY\", \"query_variety\": ");          // line 70: malformed JSON
        input.set(70, answers(1071, "HOURLY").replace("\"training_examples\":2000", "\"training_examples\":-1")); // line 71
        input.set(99, "   ");                                                               // line 100: blank, skipped
        Path file = dir.resolve("consultations.jsonl");
        Files.write(file, input, StandardCharsets.UTF_8);

        RagftProcess.Result result = RagftProcess.run("advise", "--batch", file.toString());

        assertThat(result.exitCode()).as(result.stderr()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(result.stderr()).contains("2 of 150 line(s) could not be used (first: line 70)")
                .doesNotContain("Exception").doesNotContain("\tat ");
        String[] lines = result.stdout().split("\n");
        assertThat(lines).hasSize(149);
        int outputIndex = 0;
        for (int lineNumber = 1; lineNumber <= 150; lineNumber++) {
            if (lineNumber == 100) {
                continue;
            }
            JsonNode record = JSON.readTree(lines[outputIndex++]);
            if (lineNumber == 70) {
                assertThat(record.get("line").asLong()).isEqualTo(70);
                assertThat(record.get("errors").get(0).get("field").asText()).startsWith(file + ":70:");
                assertThat(record.get("errors").get(0).get("message").asText()).contains("malformed JSON");
            } else if (lineNumber == 71) {
                assertThat(record.get("line").asLong()).isEqualTo(71);
                assertThat(record.get("errors").findValuesAsText("field"))
                        .containsExactlyInAnyOrder("knowledge_change", "training_examples");
            } else {
                assertThat(record.has("line")).isFalse();
                assertThat(record.at("/answers/monthly_queries").asLong()).as("output line for input line " + lineNumber)
                        .isEqualTo(1000L + lineNumber);
                assertThat(record.at("/recommendation/strategy").asText()).isIn("FINE_TUNE", "RAG", "HYBRID");
            }
        }
    }

    @Test
    void standardInputAllGoodExitsZeroWithTheSameReportAsFormatJson() throws IOException {
        String first = answers(50_000, "DAILY");
        String second = answers(800, "RARELY");
        RagftProcess.Result result = RagftProcess.runWithInput(first + "\n" + second + "\n",
                "advise", "--batch", "--set", "horizon_months=24", "-");

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stderr()).isEmpty();
        String[] lines = result.stdout().split("\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[0]).doesNotContain("\n").startsWith("{\"recommendation\":");

        // Each line is exactly the --format json report (same keys, same values), written on one line.
        Advisor advisor = Fixtures.advisor();
        for (int i = 0; i < 2; i++) {
            Answers answers = Answers.fromJson(i == 0 ? first : second, "test").with("horizon_months", 24L);
            assertThat(JSON.readTree(lines[i])).isEqualTo(JSON.readTree(advisor.advise(answers).toJson()));
        }
        assertThat(JSON.readTree(lines[0]).at("/costs/horizonMonths").asInt()).isEqualTo(24);
    }

    @Test
    void summaryLinesCarryTheFullReportsStrategyConfidenceAndTotalsAndTheSameErrorRecords(@TempDir Path dir)
            throws IOException {
        List<String> input = List.of(answers(50_000, "DAILY"), "{\"knowledge_change\": ", answers(800, "RARELY"),
                answers(12_000, "WEEKLY"));
        Path file = dir.resolve("consultations.jsonl");
        Files.write(file, input, StandardCharsets.UTF_8);

        RagftProcess.Result full = RagftProcess.run("advise", "--batch", file.toString());
        RagftProcess.Result summary = RagftProcess.run("advise", "--batch", "--summary", file.toString());

        assertThat(summary.exitCode()).as(summary.stderr()).isEqualTo(ExitCodes.BAD_INPUT).isEqualTo(full.exitCode());
        assertThat(summary.stderr()).isEqualTo(full.stderr());
        String[] fullLines = full.stdout().split("\n");
        String[] summaryLines = summary.stdout().split("\n");
        assertThat(summaryLines).hasSize(4).hasSameSizeAs(fullLines);
        assertThat(summaryLines[1]).as("an error record is the same in both forms").isEqualTo(fullLines[1]);
        for (int i : new int[] {0, 2, 3}) {
            JsonNode report = JSON.readTree(fullLines[i]);
            JsonNode line = JSON.readTree(summaryLines[i]);
            assertThat(line.get("strategy")).isEqualTo(report.at("/recommendation/strategy"));
            assertThat(line.get("confidence")).isEqualTo(report.at("/recommendation/confidence"));
            assertThat(line.get("horizonMonths")).isEqualTo(report.at("/costs/horizonMonths"));
            for (String strategy : List.of("FINE_TUNE", "RAG", "HYBRID")) {
                assertThat(line.at("/totalUsd/" + strategy)).isEqualTo(report.at("/costs/" + strategy + "/totalUsd"));
            }
            assertThat(summaryLines[i].length()).isLessThan(fullLines[i].length() / 20);
        }
    }

    @Test
    void summaryWithoutBatchIsAUsageError() {
        RagftProcess.Result result = RagftProcess.run("advise", "--summary", "--set", "knowledge_change=DAILY");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(result.stderr()).contains("--summary is for --batch");
    }
}
