package dev.ragft.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ragft.Advice;
import dev.ragft.engine.Engine;
import dev.ragft.questionnaire.Answers;
import dev.ragft.testing.Fixtures;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The batch's streaming writer gives, byte for byte, what the report's tree gives when written compactly
 * with plain decimals (the batch's output before the streaming writer), over every example consultation
 * and variations of them that reach every strategy, decimal answers and unanswered questions.
 */
class JsonReportWriterTest {

    private static final ObjectMapper COMPACT = new ObjectMapper()
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

    static List<Advice> advices() {
        Engine engine = Fixtures.engine();
        List<Advice> advices = new ArrayList<>();
        for (Fixtures.Consultation consultation : Fixtures.consultations()) {
            Answers answers = consultation.answers();
            advices.add(engine.advise(answers));
            // The same consultation at other volumes and horizons, and with a decimal price stated.
            advices.add(engine.advise(answers.with("monthly_queries", 1_000_000L).with("horizon_months", 3L)));
            advices.add(engine.advise(answers.with("monthly_queries", 200L)
                    .with("retrieval_cost_per_query_usd", new BigDecimal("0.0300"))));
        }
        return advices;
    }

    @Test
    void theStreamedReportIsTheTreeByteForByte() throws IOException {
        List<Advice> advices = advices();
        assertThat(advices).extracting(Advice::strategy).as("every strategy is written")
                .contains(dev.ragft.facts.Strategy.values());
        for (Advice advice : advices) {
            byte[] expected = COMPACT.writeValueAsBytes(JsonReport.tree(advice));
            ByteArrayOutputStream streamed = new ByteArrayOutputStream();
            JsonReportWriter.write(advice, streamed);
            assertThat(new String(streamed.toByteArray(), StandardCharsets.UTF_8))
                    .isEqualTo(new String(expected, StandardCharsets.UTF_8));
        }
    }

    @Test
    void theSummaryHoldsTheFullReportsStrategyConfidenceAndTotals() throws IOException {
        for (Advice advice : advices()) {
            JsonNode full = COMPACT.readTree(COMPACT.writeValueAsBytes(JsonReport.tree(advice)));
            ByteArrayOutputStream streamed = new ByteArrayOutputStream();
            try (JsonGenerator gen = JsonReportWriter.FACTORY.createGenerator(streamed)) {
                JsonReportWriter.writeSummary(advice, gen);
            }
            JsonNode summary = COMPACT.readTree(streamed.toByteArray());
            assertThat(summary.get("strategy")).isEqualTo(full.at("/recommendation/strategy"));
            assertThat(summary.get("confidence")).isEqualTo(full.at("/recommendation/confidence"));
            assertThat(summary.get("horizonMonths")).isEqualTo(full.at("/costs/horizonMonths"));
            for (String strategy : List.of("FINE_TUNE", "RAG", "HYBRID")) {
                assertThat(summary.at("/totalUsd/" + strategy)).isEqualTo(full.at("/costs/" + strategy + "/totalUsd"));
            }
            assertThat(summary.size()).isEqualTo(4);
        }
    }
}
