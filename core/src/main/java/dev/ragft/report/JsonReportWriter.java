package dev.ragft.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ragft.Advice;
import dev.ragft.Assumption;
import dev.ragft.CriterionResult;
import dev.ragft.cost.CostBasis;
import dev.ragft.cost.CostReport;
import dev.ragft.cost.StrategyCost;
import dev.ragft.facts.Caveat;
import dev.ragft.facts.Recommendation;
import dev.ragft.facts.Scores;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

/**
 * Not API. The report of {@link JsonReport#tree(Advice)} written straight to a stream with Jackson's
 * streaming generator, for the JSON-lines batch: no tree of nodes and no {@code String} per report.
 *
 * <p>The compact output is byte for byte what {@code JsonReport.tree(advice)} gives when written compactly
 * with plain decimals (the batch's format before this writer): same keys, same order, same number forms.
 * Any change to {@link JsonReport#tree} has to be made here too; {@code JsonReportWriterTest} compares the
 * two over every example consultation and fails on the first differing byte.
 */
public final class JsonReportWriter {

    /** UTF-8 generators with decimals written plain, as the report's tree is written. */
    public static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build();

    // Only for answer values of a type other than text, yes/no and whole numbers (decimals, lists): they
    // go through the same valueToTree as the tree so their number form is the same.
    private static final ObjectMapper MAPPER = new ObjectMapper(FACTORY);

    private JsonReportWriter() {
    }

    /** Writes the full report as one compact JSON object (no line end) to {@code out}, which stays open. */
    public static void write(Advice advice, OutputStream out) throws IOException {
        try (JsonGenerator gen = FACTORY.createGenerator(out)) {
            write(advice, gen);
        }
    }

    /** Writes the full report as one JSON object to {@code gen}. */
    public static void write(Advice advice, JsonGenerator gen) throws IOException {
        gen.writeStartObject();
        gen.writeFieldName("recommendation");
        recommendation(advice.recommendation(), gen);
        gen.writeArrayFieldStart("criteria");
        for (CriterionResult result : advice.criteria()) {
            gen.writeStartObject();
            gen.writeStringField("id", result.id());
            gen.writeStringField("section", result.section());
            gen.writeFieldName("answers");
            values(result.answers(), gen);
            gen.writeStringField("favors", result.favors().name());
            gen.writeFieldName("weight");
            gen.writeNumber(JsonReport.number(result.weight()));
            gen.writeStringField("reason", result.reason());
            gen.writeStringField("rule", result.rule());
            strings("assumed", result.assumed(), gen);
            gen.writeEndObject();
        }
        gen.writeEndArray();
        gen.writeFieldName("costs");
        costs(advice.costs(), gen);
        gen.writeArrayFieldStart("caveats");
        for (Caveat caveat : advice.caveats()) {
            gen.writeStartObject();
            gen.writeStringField("id", caveat.id());
            gen.writeStringField("severity", caveat.severity().name());
            gen.writeStringField("message", caveat.message());
            gen.writeEndObject();
        }
        gen.writeEndArray();
        gen.writeArrayFieldStart("assumptions");
        for (Assumption assumption : advice.assumptions()) {
            gen.writeStartObject();
            gen.writeStringField("question", assumption.questionId());
            gen.writeFieldName("value");
            value(assumption.value(), gen);
            gen.writeStringField("guideRange", assumption.guideRange());
            gen.writeEndObject();
        }
        gen.writeEndArray();
        gen.writeFieldName("answers");
        values(advice.effectiveAnswers(), gen);
        strings("firedRules", advice.firedRules(), gen);
        gen.writeEndObject();
    }

    /**
     * Writes the short form for callers that only need the outcome: {@code strategy}, {@code confidence},
     * {@code horizonMonths} and each strategy's {@code totalUsd} over that horizon, the same values as
     * the full report's {@code recommendation} and {@code costs}.
     */
    public static void writeSummary(Advice advice, JsonGenerator gen) throws IOException {
        gen.writeStartObject();
        gen.writeStringField("strategy", advice.recommendation().strategy().name());
        gen.writeStringField("confidence", advice.recommendation().confidence().name());
        CostReport costs = advice.costs();
        gen.writeNumberField("horizonMonths", costs.horizonMonths());
        gen.writeObjectFieldStart("totalUsd");
        for (StrategyCost cost : new StrategyCost[] {costs.fineTune(), costs.rag(), costs.hybrid()}) {
            gen.writeFieldName(cost.strategy().name());
            gen.writeNumber(JsonReport.money(cost.totalUsd()));
        }
        gen.writeEndObject();
        gen.writeEndObject();
    }

    private static void recommendation(Recommendation recommendation, JsonGenerator gen) throws IOException {
        gen.writeStartObject();
        gen.writeStringField("strategy", recommendation.strategy().name());
        gen.writeStringField("confidence", recommendation.confidence().name());
        gen.writeStringField("summary", recommendation.summary());
        gen.writeStringField("deployment", recommendation.deployment().name());
        gen.writeStringField("deploymentNote", recommendation.deploymentNote());
        gen.writeFieldName("margin");
        gen.writeNumber(BigDecimal.valueOf(recommendation.margin()).setScale(4, RoundingMode.HALF_EVEN));
        strings("decidingCriteria", recommendation.decidingCriteria(), gen);
        Scores scores = recommendation.scores();
        gen.writeObjectFieldStart("scores");
        gen.writeFieldName("FINE_TUNE");
        gen.writeNumber(JsonReport.number(scores.fineTune()));
        gen.writeFieldName("RAG");
        gen.writeNumber(JsonReport.number(scores.rag()));
        gen.writeFieldName("HYBRID");
        gen.writeNumber(JsonReport.number(scores.hybrid()));
        gen.writeFieldName("total");
        gen.writeNumber(JsonReport.number(scores.total()));
        gen.writeEndObject();
        gen.writeFieldName("coverage");
        gen.writeNumber(BigDecimal.valueOf(recommendation.coverage()).setScale(4, RoundingMode.HALF_EVEN));
        strings("assumptionFlips", recommendation.flips(), gen);
        gen.writeStringField("rule", recommendation.rule());
        gen.writeEndObject();
    }

    private static void costs(CostReport report, JsonGenerator gen) throws IOException {
        gen.writeStartObject();
        gen.writeNumberField("horizonMonths", report.horizonMonths());
        gen.writeNumberField("monthlyQueries", report.monthlyQueries());
        for (StrategyCost cost : new StrategyCost[] {report.fineTune(), report.rag(), report.hybrid()}) {
            gen.writeObjectFieldStart(cost.strategy().name());
            money("upfrontUsd", cost.upfrontUsd(), gen);
            money("retrainingUsd", cost.retrainingUsd(), gen);
            money("monthlyUsd", cost.monthlyUsd(), gen);
            money("totalUsd", cost.totalUsd(), gen);
            money("perQueryUsd", cost.perQueryUsd(), gen);
            gen.writeNumberField("trainings", cost.trainings());
            gen.writeArrayFieldStart("cumulativeUsd");
            for (BigDecimal value : cost.cumulativeUsd()) {
                gen.writeNumber(JsonReport.money(value));
            }
            gen.writeEndArray();
            gen.writeEndObject();
        }
        gen.writeFieldName("breakEvenMonth");
        if (report.breakEvenMonth() == null) {
            gen.writeNull();
        } else {
            gen.writeNumber(report.breakEvenMonth().intValue());
        }
        gen.writeFieldName("breakEvenMonthlyQueries");
        if (report.breakEvenMonthlyQueries() == null) {
            gen.writeNull();
        } else {
            gen.writeNumber(JsonReport.money(report.breakEvenMonthlyQueries()));
        }
        if (report.basis() != null) {
            CostBasis basis = report.basis();
            gen.writeObjectFieldStart("basis");
            money("servingMonthlyUsd", basis.servingMonthlyUsd(), gen);
            gen.writeBooleanField("servingDerived", basis.servingDerived());
            if (basis.servingDerived()) {
                gen.writeNumberField("servingInstances", basis.servingInstances());
                gen.writeFieldName("peakTokensPerSecond");
                gen.writeNumber(basis.peakTokensPerSecond().setScale(4, RoundingMode.HALF_EVEN));
            }
            money("generationPerQueryUsd", basis.generationPerQueryUsd(), gen);
            gen.writeBooleanField("tokenPricing", basis.tokenPricing());
            gen.writeBooleanField("selfHostedRag", basis.selfHostedRag());
            strings("lines", basis.lines(), gen);
            gen.writeEndObject();
        }
        gen.writeEndObject();
    }

    private static void money(String name, BigDecimal value, JsonGenerator gen) throws IOException {
        gen.writeFieldName(name);
        gen.writeNumber(JsonReport.money(value));
    }

    private static void strings(String name, List<String> values, JsonGenerator gen) throws IOException {
        gen.writeArrayFieldStart(name);
        for (String value : values) {
            gen.writeString(value);
        }
        gen.writeEndArray();
    }

    private static void values(Map<String, Object> values, JsonGenerator gen) throws IOException {
        gen.writeStartObject();
        for (Map.Entry<String, Object> entry : values.entrySet()) {
            gen.writeFieldName(entry.getKey());
            value(entry.getValue(), gen);
        }
        gen.writeEndObject();
    }

    // Text, yes/no and whole numbers are written directly (the common case, and what the tree writes for
    // them); anything else takes the tree's own path, so decimals keep exactly the tree's form.
    private static void value(Object value, JsonGenerator gen) throws IOException {
        if (value == null) {
            gen.writeNull();
        } else if (value instanceof String text) {
            gen.writeString(text);
        } else if (value instanceof Boolean yes) {
            gen.writeBoolean(yes);
        } else if (value instanceof Long number) {
            gen.writeNumber(number.longValue());
        } else if (value instanceof Integer number) {
            gen.writeNumber(number.intValue());
        } else {
            MAPPER.writeTree(gen, JsonReport.valueTree(value));
        }
    }
}
