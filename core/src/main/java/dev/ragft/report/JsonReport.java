package dev.ragft.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ragft.Advice;
import dev.ragft.Assumption;
import dev.ragft.Analysis;
import dev.ragft.CriterionResult;
import dev.ragft.Flip;
import dev.ragft.cost.CostReport;
import dev.ragft.cost.CostBasis;
import dev.ragft.cost.StrategyCost;
import dev.ragft.facts.Caveat;
import dev.ragft.facts.Recommendation;
import java.math.BigDecimal;
import java.util.Map;

/** Not API. The JSON report of SPEC §6; key order is fixed so output is stable byte for byte. */
public final class JsonReport {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private JsonReport() {
    }

    public static String render(Advice advice) {
        return render(advice, null);
    }

    /** The report with {@code flips}, {@code stableQuestions} and {@code crossover} added; {@code analysis} may be null. */
    public static String render(Advice advice, Analysis analysis) {
        try {
            ObjectNode root = tree(advice);
            if (analysis != null) {
                addAnalysis(root, analysis);
            }
            return MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the JSON report", e);
        }
    }

    /**
     * The full report: every key of {@link #render(Advice, Analysis)} unchanged and in the same order,
     * then {@code answersUsed} (each answer with {@code source} ANSWERED, DEFAULT or UNANSWERED and the
     * guide's range), {@code rulesVersion} and {@code generated} (ISO-8601 UTC).
     */
    public static String render(Report report) {
        try {
            ObjectNode root = tree(report.advice());
            if (report.analysis() != null) {
                addAnalysis(root, report.analysis());
            }
            ArrayNode answers = root.putArray("answersUsed");
            for (Report.AnswerUsed answer : report.answersUsed()) {
                ObjectNode row = answers.addObject();
                row.put("id", answer.id());
                row.set("value", MAPPER.valueToTree(answer.value()));
                row.put("source", answer.source().name());
                row.put("unit", answer.unit());
                row.put("guideRange", answer.guideRange());
                row.put("guideSection", answer.guideSection());
            }
            root.put("rulesVersion", report.rulesVersion());
            root.put("generated", report.generated().toString());
            return MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the JSON report", e);
        }
    }

    /** The report as a tree, for callers that add to it (e.g. the HTTP service) before writing. */
    public static ObjectNode tree(Advice advice) {
        ObjectNode root = NODES.objectNode();
        root.set("recommendation", recommendation(advice.recommendation()));
        ArrayNode criteria = root.putArray("criteria");
        for (CriterionResult result : advice.criteria()) {
            ObjectNode row = criteria.addObject();
            row.put("id", result.id());
            row.put("section", result.section());
            row.set("answers", values(result.answers()));
            row.put("favors", result.favors().name());
            row.put("weight", number(result.weight()));
            row.put("reason", result.reason());
            row.put("rule", result.rule());
            ArrayNode assumed = row.putArray("assumed");
            result.assumed().forEach(assumed::add);
        }
        root.set("costs", costs(advice.costs()));
        ArrayNode caveats = root.putArray("caveats");
        for (Caveat caveat : advice.caveats()) {
            ObjectNode row = caveats.addObject();
            row.put("id", caveat.id());
            row.put("severity", caveat.severity().name());
            row.put("message", caveat.message());
        }
        ArrayNode assumptions = root.putArray("assumptions");
        for (Assumption assumption : advice.assumptions()) {
            ObjectNode row = assumptions.addObject();
            row.put("question", assumption.questionId());
            row.set("value", MAPPER.valueToTree(assumption.value()));
            row.put("guideRange", assumption.guideRange());
        }
        root.set("answers", values(advice.effectiveAnswers()));
        ArrayNode fired = root.putArray("firedRules");
        advice.firedRules().forEach(fired::add);
        return root;
    }

    /** Adds the analysis keys after the existing ones, which stay as they are. */
    public static void addAnalysis(ObjectNode root, Analysis analysis) {
        ArrayNode flips = root.putArray("flips");
        for (Flip flip : analysis.flips()) {
            ObjectNode row = flips.addObject();
            row.put("question", flip.question());
            row.set("from", MAPPER.valueToTree(flip.from()));
            row.set("to", MAPPER.valueToTree(flip.to()));
            row.put("strategy", flip.strategy().name());
            row.put("direction", flip.direction());
            row.put("distance", BigDecimal.valueOf(flip.distance()).setScale(4, java.math.RoundingMode.HALF_EVEN));
            row.put("text", flip.text());
        }
        ArrayNode stable = root.putArray("stableQuestions");
        analysis.stable().forEach(stable::add);
        ArrayNode crossover = root.putArray("crossover");
        analysis.crossover().forEach(crossover::add);
    }

    private static ObjectNode recommendation(Recommendation recommendation) {
        ObjectNode node = NODES.objectNode();
        node.put("strategy", recommendation.strategy().name());
        node.put("confidence", recommendation.confidence().name());
        node.put("summary", recommendation.summary());
        node.put("deployment", recommendation.deployment().name());
        node.put("deploymentNote", recommendation.deploymentNote());
        node.put("margin", BigDecimal.valueOf(recommendation.margin()).setScale(4, java.math.RoundingMode.HALF_EVEN));
        ArrayNode deciding = node.putArray("decidingCriteria");
        recommendation.decidingCriteria().forEach(deciding::add);
        ObjectNode scores = node.putObject("scores");
        scores.put("FINE_TUNE", number(recommendation.scores().fineTune()));
        scores.put("RAG", number(recommendation.scores().rag()));
        scores.put("HYBRID", number(recommendation.scores().hybrid()));
        scores.put("total", number(recommendation.scores().total()));
        node.put("coverage", BigDecimal.valueOf(recommendation.coverage()).setScale(4, java.math.RoundingMode.HALF_EVEN));
        ArrayNode flips = node.putArray("assumptionFlips");
        recommendation.flips().forEach(flips::add);
        node.put("rule", recommendation.rule());
        return node;
    }

    private static ObjectNode costs(CostReport report) {
        ObjectNode node = NODES.objectNode();
        node.put("horizonMonths", report.horizonMonths());
        node.put("monthlyQueries", report.monthlyQueries());
        for (StrategyCost cost : new StrategyCost[] {report.fineTune(), report.rag(), report.hybrid()}) {
            ObjectNode strategy = node.putObject(cost.strategy().name());
            strategy.put("upfrontUsd", money(cost.upfrontUsd()));
            strategy.put("retrainingUsd", money(cost.retrainingUsd()));
            strategy.put("monthlyUsd", money(cost.monthlyUsd()));
            strategy.put("totalUsd", money(cost.totalUsd()));
            strategy.put("perQueryUsd", money(cost.perQueryUsd()));
            strategy.put("trainings", cost.trainings());
            ArrayNode cumulative = strategy.putArray("cumulativeUsd");
            cost.cumulativeUsd().forEach(value -> cumulative.add(money(value)));
        }
        if (report.breakEvenMonth() == null) {
            node.putNull("breakEvenMonth");
        } else {
            node.put("breakEvenMonth", report.breakEvenMonth());
        }
        if (report.breakEvenMonthlyQueries() == null) {
            node.putNull("breakEvenMonthlyQueries");
        } else {
            node.put("breakEvenMonthlyQueries", money(report.breakEvenMonthlyQueries()));
        }
        if (report.basis() != null) {
            CostBasis basis = report.basis();
            ObjectNode priced = node.putObject("basis");
            priced.put("servingMonthlyUsd", money(basis.servingMonthlyUsd()));
            priced.put("servingDerived", basis.servingDerived());
            if (basis.servingDerived()) {
                priced.put("servingInstances", basis.servingInstances());
                priced.put("peakTokensPerSecond", basis.peakTokensPerSecond().setScale(4, java.math.RoundingMode.HALF_EVEN));
            }
            priced.put("generationPerQueryUsd", money(basis.generationPerQueryUsd()));
            priced.put("tokenPricing", basis.tokenPricing());
            priced.put("selfHostedRag", basis.selfHostedRag());
            ArrayNode lines = priced.putArray("lines");
            basis.lines().forEach(lines::add);
        }
        return node;
    }

    private static ObjectNode values(Map<String, Object> values) {
        ObjectNode node = NODES.objectNode();
        values.forEach((id, value) -> node.set(id, MAPPER.valueToTree(value)));
        return node;
    }

    /** One answer value as the report's tree holds it (shared with {@link JsonReportWriter}). */
    static JsonNode valueTree(Object value) {
        return MAPPER.valueToTree(value);
    }

    // 1700.00 and 1700 are the same amount; print the shortest exact form.
    static BigDecimal money(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    static BigDecimal number(double value) {
        return money(BigDecimal.valueOf(value));
    }
}
