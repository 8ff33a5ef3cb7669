package dev.ragft;

import dev.ragft.questionnaire.Answers;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ragft.cost.StrategyCost;
import dev.ragft.facts.Caveat;
import dev.ragft.testing.Fixtures;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden tests over the real example consultations in {@code questionnaires/examples/}: each file's
 * answers, run through the real rules, must meet the expectations the file states.
 */
class ExampleConsultationsTest {

    static final Path EXAMPLES = Path.of("questionnaires/examples");
    static final ObjectMapper JSON = new ObjectMapper();
    static Advisor advisor;

    @BeforeAll
    static void loadRules() {
        advisor = Fixtures.advisor();
    }

    static Stream<Path> examples() throws IOException {
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted().toList().stream();
        }
    }

    @Test
    void theFolderHoldsTheGuideScenariosAndEveryUseCase() throws IOException {
        assertThat(examples().count()).isGreaterThanOrEqualTo(11);
        assertThat(examples().map(p -> p.getFileName().toString())).contains(
                "small-company.json", "enterprise.json", "product-documentation-qa.json", "customer-support.json",
                "code-generation.json", "domain-classification.json", "multi-tenant-search.json",
                "research-paper-analysis.json", "news-summarisation.json", "medical-record-retrieval.json",
                "legal-research.json");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void meetsItsExpectations(Path file) throws IOException {
        JsonNode example = JSON.readTree(file.toFile());
        assertThat(example.path("description").asText()).as("description").isNotBlank();
        Advice advice = advisor.advise(Answers.fromJson(example.get("answers").toString(), file.toString()));
        JsonNode expect = example.get("expect");
        String trace = file + "\n" + advice.recommendation().summary();

        assertThat(advice.strategy().name()).as(trace).isEqualTo(expect.get("strategy").asText());
        if (expect.has("confidence")) {
            assertThat(advice.confidence().name()).as(trace).isEqualTo(expect.get("confidence").asText());
        }
        expect.path("costs").fields().forEachRemaining(cost -> {
            StrategyCost actual = switch (cost.getKey()) {
                case "FINE_TUNE" -> advice.costs().fineTune();
                case "RAG" -> advice.costs().rag();
                case "HYBRID" -> advice.costs().hybrid();
                default -> throw new AssertionError("unknown strategy " + cost.getKey() + " in " + file);
            };
            assertThat(actual.totalUsd()).as(cost.getKey() + " total").isEqualByComparingTo(new BigDecimal(cost.getValue().asText()));
        });
        if (expect.has("breakEvenMonth")) {
            assertThat(advice.costs().breakEvenMonth()).isEqualTo(expect.get("breakEvenMonth").asInt());
        }
        List<String> caveatIds = advice.caveats().stream().map(Caveat::id).toList();
        expect.path("caveats").forEach(id -> assertThat(caveatIds).as(trace).contains(id.asText()));
        expect.path("criteria").fields().forEachRemaining(criterion -> assertThat(advice.criteria())
                .as(criterion.getKey() + " in " + trace)
                .anySatisfy(row -> {
                    assertThat(row.id()).isEqualTo(criterion.getKey());
                    assertThat(row.favors().name()).isEqualTo(criterion.getValue().asText());
                }));

        // Every report lists the whole catalog, in catalog order.
        assertThat(advice.criteria()).extracting(CriterionResult::id)
                .containsExactlyElementsOf(advisor.questionnaire().criteria().stream().map(c -> c.id()).toList());
    }

    @Test
    void sameAnswersGiveTheSameReportByteForByte() throws IOException {
        for (Path file : examples().toList()) {
            Answers answers = Answers.fromJson(JSON.readTree(file.toFile()).get("answers").toString(), file.toString());
            assertThat(advisor.advise(answers).toJson()).isEqualTo(advisor.advise(answers).toJson());
        }
    }

    @Test
    void jsonReportHasTheKeysScriptsRelyOn() throws IOException {
        Answers answers = Answers.fromJson(JSON.readTree(EXAMPLES.resolve("small-company.json").toFile()).get("answers").toString(), "x");
        JsonNode report = JSON.readTree(advisor.advise(answers).toJson());
        assertThat(report.at("/recommendation/strategy").asText()).isEqualTo("FINE_TUNE");
        assertThat(report.at("/recommendation/confidence").asText()).isIn("LOW", "MEDIUM", "HIGH");
        assertThat(report.at("/recommendation/summary").asText()).isNotBlank();
        assertThat(report.at("/costs/horizonMonths").asInt()).isEqualTo(12);
        assertThat(report.at("/costs/FINE_TUNE/totalUsd").decimalValue()).isEqualByComparingTo("1700");
        assertThat(report.at("/costs/RAG/totalUsd").decimalValue()).isEqualByComparingTo("1920");
        assertThat(report.at("/costs/HYBRID/totalUsd").decimalValue()).isEqualByComparingTo("3500");
        for (String key : List.of("upfrontUsd", "monthlyUsd", "totalUsd", "perQueryUsd")) {
            assertThat(report.at("/costs/RAG").has(key)).as(key).isTrue();
        }
        assertThat(report.at("/costs/breakEvenMonth").asInt()).isEqualTo(10);
        assertThat(report.at("/costs/breakEvenMonthlyQueries").decimalValue()).isEqualByComparingTo("833.33");
        assertThat(report.get("criteria")).hasSize(24);
        for (JsonNode row : report.get("criteria")) {
            assertThat(Map.of("id", row.has("id"), "section", row.has("section"), "answers", row.has("answers"),
                    "favors", row.has("favors"), "weight", row.has("weight"), "reason", row.has("reason"),
                    "rule", row.has("rule"))).doesNotContainValue(false);
        }
        assertThat(report.get("caveats").isArray()).isTrue();
    }
}
