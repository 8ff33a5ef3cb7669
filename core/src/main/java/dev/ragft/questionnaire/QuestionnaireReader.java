package dev.ragft.questionnaire;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ragft.facts.CostPreference;
import dev.ragft.facts.DocumentsCoverage;
import dev.ragft.facts.DomainConsistency;
import dev.ragft.facts.KnowledgeChange;
import dev.ragft.facts.LatencySensitivity;
import dev.ragft.facts.ModelSize;
import dev.ragft.facts.OutOfDomain;
import dev.ragft.facts.QueryVariety;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Parses and checks a questionnaire definition; every problem becomes a {@link QuestionnaireException}. */
final class QuestionnaireReader {

    // The tree is built from Jackson's streaming parser rather than by an ObjectMapper: setting up
    // databind costs about 50 ms on a cold JVM, and this file is read before the console's first question.
    private static final JsonFactory JSON = new JsonFactory();
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private static final Set<String> QUESTION_FIELDS = Set.of("id", "section", "prompt", "help", "guideSection",
            "type", "choices", "min", "max", "maxDecimals", "unit", "required", "default", "criteria", "askWhen", "costDefaults");

    /** Which table key names which question in a dependent default. */
    private static final Map<String, String> DEFAULT_TABLES = Map.of(
            "byModelSize", "model_size",
            "byKnowledgeChange", "knowledge_change");

    /**
     * The questions the Java side maps into Profile and CostInputs by id: the file must define each
     * with this type, and enum choices must match the Java enum, or resolution could not work.
     */
    private static final Map<String, QuestionType> EXPECTED = new LinkedHashMap<>();
    private static final Map<String, List<String>> EXPECTED_CHOICES = new HashMap<>();

    static {
        expectEnum("knowledge_change", names(KnowledgeChange.values()));
        expectEnum("domain_consistency", names(DomainConsistency.values()));
        expectEnum("documents_cover_answers", names(DocumentsCoverage.values()));
        expectEnum("query_variety", names(QueryVariety.values()));
        expectEnum("out_of_domain_queries", names(OutOfDomain.values()));
        EXPECTED.put("monthly_queries", QuestionType.INTEGER);
        expectEnum("latency_sensitivity", names(LatencySensitivity.values()));
        EXPECTED.put("latency_budget_ms", QuestionType.INTEGER);
        EXPECTED.put("on_prem_required", QuestionType.BOOLEAN);
        EXPECTED.put("audit_trail_required", QuestionType.BOOLEAN);
        EXPECTED.put("hosting_infrastructure", QuestionType.BOOLEAN);
        expectEnum("cost_model_preference", names(CostPreference.values()));
        EXPECTED.put("style_format_needs", QuestionType.BOOLEAN);
        EXPECTED.put("training_examples", QuestionType.INTEGER);
        EXPECTED.put("examples_labeled", QuestionType.BOOLEAN);
        expectEnum("model_size", Arrays.stream(ModelSize.values()).map(ModelSize::label).toList());
        EXPECTED.put("horizon_months", QuestionType.INTEGER);
        EXPECTED.put("fine_tune_cost_usd", QuestionType.NUMBER);
        EXPECTED.put("data_prep_cost_usd", QuestionType.NUMBER);
        EXPECTED.put("inference_monthly_usd", QuestionType.NUMBER);
        EXPECTED.put("retrains_per_year", QuestionType.INTEGER);
        EXPECTED.put("vector_db_monthly_usd", QuestionType.NUMBER);
        EXPECTED.put("retrieval_cost_per_query_usd", QuestionType.NUMBER);
        EXPECTED.put("generation_cost_per_query_usd", QuestionType.NUMBER);
        EXPECTED.put("self_hosted_rag", QuestionType.BOOLEAN);
        EXPECTED.put("gpu_monthly_usd", QuestionType.NUMBER);
        EXPECTED.put("gpu_tokens_per_second", QuestionType.NUMBER);
        EXPECTED.put("peak_load_factor", QuestionType.NUMBER);
        EXPECTED.put("output_tokens_per_query", QuestionType.INTEGER);
        EXPECTED.put("context_tokens_per_query", QuestionType.INTEGER);
        EXPECTED.put("prompt_tokens_per_query", QuestionType.INTEGER);
        EXPECTED.put("input_price_per_million_tokens_usd", QuestionType.NUMBER);
        EXPECTED.put("output_price_per_million_tokens_usd", QuestionType.NUMBER);
    }

    private final String source;

    private QuestionnaireReader(String source) {
        this.source = source;
    }

    /** Strict: a duplicate key or anything after the top-level value is an error, with its location. */
    private static JsonNode parseTree(String json) throws JsonProcessingException {
        try (JsonParser parser = JSON.createParser(json)) {
            if (parser.nextToken() == null) {
                return null;
            }
            JsonNode root = value(parser);
            if (parser.nextToken() != null) {
                throw new JsonParseException(parser, "unexpected content after the top-level value");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw e;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static JsonNode value(JsonParser parser) throws java.io.IOException {
        switch (parser.currentToken()) {
            case START_OBJECT -> {
                ObjectNode object = NODES.objectNode();
                while (parser.nextToken() != JsonToken.END_OBJECT) {
                    String key = parser.currentName();
                    if (object.has(key)) {
                        throw new JsonParseException(parser, "duplicate field '" + key + "'");
                    }
                    parser.nextToken();
                    object.set(key, value(parser));
                }
                return object;
            }
            case START_ARRAY -> {
                ArrayNode array = NODES.arrayNode();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    array.add(value(parser));
                }
                return array;
            }
            case VALUE_STRING -> {
                return NODES.textNode(parser.getText());
            }
            case VALUE_NUMBER_INT -> {
                return switch (parser.getNumberType()) {
                    case INT -> NODES.numberNode(parser.getIntValue());
                    case LONG -> NODES.numberNode(parser.getLongValue());
                    default -> NODES.numberNode(parser.getBigIntegerValue());
                };
            }
            case VALUE_NUMBER_FLOAT -> {
                return NODES.numberNode(parser.getDecimalValue());
            }
            case VALUE_TRUE -> {
                return NODES.booleanNode(true);
            }
            case VALUE_FALSE -> {
                return NODES.booleanNode(false);
            }
            case VALUE_NULL -> {
                return NODES.nullNode();
            }
            default -> throw new JsonParseException(parser, "unexpected " + parser.currentToken());
        }
    }

    static Questionnaire read(String json, String source) {
        return new QuestionnaireReader(source).read(json);
    }

    private Questionnaire read(String json) {
        JsonNode root;
        try {
            root = parseTree(json);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? source : source + ":" + at.getLineNr() + ":" + at.getColumnNr();
            throw new QuestionnaireException(where + ": malformed JSON: " + firstLine(e.getOriginalMessage()), e);
        }
        if (root == null || !root.isObject()) {
            throw fail("the top level must be a JSON object with criteria, sections and questions");
        }
        // "$comment" (the JSON Schema convention) carries notes for people editing the file, e.g. why
        // the number limits are what they are; the reader ignores it.
        expectOnly(root, Set.of("$comment", "criteria", "sections", "questions", "guideRanges"), "the top level");
        List<Section> sections = new ArrayList<>();
        for (JsonNode node : array(root, "sections", "the top level")) {
            String where = "a section";
            Section section = new Section(text(node, "id", where), text(node, "title", where));
            sections.add(section);
        }
        List<Criterion> criteria = new ArrayList<>();
        for (JsonNode node : array(root, "criteria", "the top level")) {
            String id = text(node, "id", "a criterion");
            String where = "criterion '" + id + "'";
            expectOnly(node, Set.of("id", "section", "title", "drivenBy"), where);
            criteria.add(new Criterion(id, text(node, "section", where), text(node, "title", where),
                    strings(node, "drivenBy", where)));
        }
        List<Question> questions = new ArrayList<>();
        for (JsonNode node : array(root, "questions", "the top level")) {
            questions.add(question(node));
        }
        check(sections, criteria, questions);
        List<GuideRange> ranges = new ArrayList<>();
        if (root.has("guideRanges")) {
            Set<String> ids = questions.stream().map(Question::id).collect(Collectors.toSet());
            for (JsonNode node : array(root, "guideRanges", "the top level")) {
                ranges.add(guideRange(node, ids));
            }
        }
        return new Questionnaire(source, sections, criteria, questions, ranges);
    }

    private GuideRange guideRange(JsonNode node, Set<String> questionIds) {
        String id = text(node, "question", "a guide range");
        String where = "guide range of '" + id + "'";
        expectOnly(node, Set.of("question", "text", "uncertain", "range", "byModelSize"), where);
        if (!questionIds.contains(id)) {
            throw fail(where + ": no such question");
        }
        Map<String, List<BigDecimal>> ends = new LinkedHashMap<>();
        String dependsOn = null;
        if (node.has("range")) {
            ends.put("", ends(node.get("range"), where));
        }
        if (node.has("byModelSize")) {
            dependsOn = DEFAULT_TABLES.get("byModelSize");
            for (Map.Entry<String, JsonNode> row : node.get("byModelSize").properties()) {
                ends.put(row.getKey(), ends(row.getValue(), where + " for " + row.getKey()));
            }
        }
        return new GuideRange(id, text(node, "text", where), bool(node, "uncertain", where, false), dependsOn, ends);
    }

    private List<BigDecimal> ends(JsonNode pair, String where) {
        if (!pair.isArray() || pair.size() != 2 || !pair.get(0).isNumber() || !pair.get(1).isNumber()
                || pair.get(0).decimalValue().compareTo(pair.get(1).decimalValue()) > 0) {
            throw fail(where + ": a range is [low, high], two numbers with low <= high");
        }
        return List.of(pair.get(0).decimalValue(), pair.get(1).decimalValue());
    }

    private Question question(JsonNode node) {
        String id = text(node, "id", "a question");
        String where = "question '" + id + "'";
        expectOnly(node, QUESTION_FIELDS, where);
        String typeName = text(node, "type", where);
        QuestionType type = QuestionType.fromJsonName(typeName).orElseThrow(() -> fail(where + ": type '" + typeName
                + "' is not one of enum, boolean, integer, number"));
        List<Choice> choices = new ArrayList<>();
        if (node.has("choices")) {
            for (JsonNode c : array(node, "choices", where)) {
                choices.add(new Choice(text(c, "value", where + " choice"), text(c, "label", where + " choice")));
            }
        }
        if ((type == QuestionType.ENUM) == choices.isEmpty()) {
            throw fail(where + ": " + (choices.isEmpty() ? "an enum question needs choices"
                    : "only enum questions have choices"));
        }
        Set<String> seenValues = new HashSet<>();
        for (Choice c : choices) {
            if (!seenValues.add(c.value().toUpperCase(java.util.Locale.ROOT))) {
                throw fail(where + ": choice '" + c.value() + "' appears twice");
            }
            if (!c.value().equals(c.value().toUpperCase(java.util.Locale.ROOT))) {
                throw fail(where + ": choice '" + c.value() + "' must be upper case");
            }
        }
        boolean numeric = type == QuestionType.INTEGER || type == QuestionType.NUMBER;
        BigDecimal min = decimal(node, "min", where, numeric);
        BigDecimal max = decimal(node, "max", where, numeric);
        if (min != null && max != null && min.compareTo(max) > 0) {
            throw fail(where + ": min is greater than max");
        }
        // Every number is bounded by the definition, so no answer can reach the arithmetic at a size or
        // precision nobody chose (1e999999999, or a price with a million decimals).
        if (numeric && (min == null || max == null)) {
            throw fail(where + ": a numeric question needs both 'min' and 'max'");
        }
        Integer maxDecimals = null;
        if (node.has("maxDecimals")) {
            if (type != QuestionType.NUMBER) {
                throw fail(where + ": only 'number' questions have 'maxDecimals' (integers have none)");
            }
            JsonNode decimals = node.get("maxDecimals");
            if (!decimals.isIntegralNumber() || !decimals.canConvertToInt() || decimals.intValue() < 0
                    || decimals.intValue() > 18) {
                throw fail(where + ": 'maxDecimals' must be a whole number from 0 to 18");
            }
            maxDecimals = decimals.intValue();
        } else if (type == QuestionType.NUMBER) {
            throw fail(where + ": a 'number' question needs 'maxDecimals' (digits allowed after the point)");
        } else if (type == QuestionType.INTEGER) {
            maxDecimals = 0;
        }
        AskWhen askWhen = null;
        if (node.has("askWhen")) {
            JsonNode cond = node.get("askWhen");
            expectOnly(cond, Set.of("question", "in", "above", "answered"), where + " askWhen");
            boolean hasIn = cond.has("in");
            int kinds = (hasIn ? 1 : 0) + (cond.has("above") ? 1 : 0) + (cond.has("answered") ? 1 : 0);
            if (kinds != 1) {
                throw fail(where + ": askWhen needs exactly one of 'in', 'above' and 'answered'");
            }
            askWhen = new AskWhen(text(cond, "question", where + " askWhen"),
                    hasIn ? strings(cond, "in", where + " askWhen") : List.of(),
                    cond.has("above") ? decimal(cond, "above", where + " askWhen", true) : null,
                    cond.has("answered") ? bool(cond, "answered", where + " askWhen", true) : null);
        }
        Question shape = new Question(id, text(node, "section", where), text(node, "prompt", where),
                text(node, "help", where), text(node, "guideSection", where), type, choices, min, max,
                optionalText(node, "unit", where), bool(node, "required", where, false), null,
                strings(node, "criteria", where), askWhen, bool(node, "costDefaults", where, false), maxDecimals);
        QuestionDefault defaultValue = node.has("default") ? defaultOf(shape, node.get("default"), where) : null;
        if (defaultValue != null && shape.required()) {
            throw fail(where + ": a required question cannot have a default");
        }
        return new Question(shape.id(), shape.section(), shape.prompt(), shape.help(), shape.guideSection(),
                shape.type(), shape.choices(), shape.min(), shape.max(), shape.unit(), shape.required(),
                defaultValue, shape.criteria(), shape.askWhen(), shape.costDefaults(), shape.maxDecimals());
    }

    private QuestionDefault defaultOf(Question question, JsonNode node, String where) {
        if (node.isObject()) {
            if (node.size() != 1) {
                throw fail(where + ": a default table has exactly one key, one of " + DEFAULT_TABLES.keySet());
            }
            String table = node.fieldNames().next();
            String dependsOn = DEFAULT_TABLES.get(table);
            if (dependsOn == null) {
                throw fail(where + ": unknown default table '" + table + "'; use one of " + DEFAULT_TABLES.keySet());
            }
            JsonNode rows = node.get(table);
            if (!rows.isObject() || rows.isEmpty()) {
                throw fail(where + ": default table '" + table + "' must map values to defaults");
            }
            Map<String, Object> byValue = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> entry : rows.properties()) {
                byValue.put(entry.getKey(), checkedDefault(question, entry.getValue(),
                        where + " default for " + dependsOn + " " + entry.getKey()));
            }
            return new QuestionDefault(null, dependsOn, byValue);
        }
        return QuestionDefault.literal(checkedDefault(question, node, where + " default"));
    }

    /** A default must itself be a valid answer, so a typo in the file cannot smuggle in a bad value. */
    private Object checkedDefault(Question question, JsonNode node, String where) {
        Object raw;
        if (node.isTextual()) {
            raw = node.textValue();
        } else if (node.isBoolean()) {
            raw = node.booleanValue();
        } else if (node.isIntegralNumber() && node.canConvertToLong()) {
            raw = node.longValue();
        } else if (node.isNumber()) {
            raw = node.decimalValue();
        } else {
            throw fail(where + ": must be a single value");
        }
        try {
            return question.normalize(raw);
        } catch (ValueProblem problem) {
            throw fail(where + ": " + problem.getMessage());
        }
    }

    private void check(List<Section> sections, List<Criterion> criteria, List<Question> questions) {
        Map<String, Section> sectionById = unique(sections, Section::id, "section");
        Map<String, Criterion> criterionById = unique(criteria, Criterion::id, "criterion");
        Map<String, Question> questionById = unique(questions, Question::id, "question");
        int lastSection = -1;
        List<String> sectionOrder = sections.stream().map(Section::id).toList();
        Map<String, Integer> positionById = new HashMap<>();
        for (int i = 0; i < questions.size(); i++) {
            positionById.putIfAbsent(questions.get(i).id(), i);
        }
        for (Question q : questions) {
            String where = "question '" + q.id() + "'";
            if (!sectionById.containsKey(q.section())) {
                throw fail(where + ": unknown section '" + q.section() + "'");
            }
            // The console walks sections in order, so a question must not jump back to an earlier one.
            int index = sectionOrder.indexOf(q.section());
            if (index < lastSection) {
                throw fail(where + ": section '" + q.section() + "' comes before the previous question's section;"
                        + " keep each section's questions together and in section order");
            }
            lastSection = index;
            for (String c : q.criteria()) {
                Criterion criterion = criterionById.get(c);
                if (criterion == null) {
                    throw fail(where + ": unknown criterion '" + c + "'");
                }
                if (!criterion.drivenBy().contains(q.id())) {
                    throw fail(where + ": feeds criterion '" + c + "' but that criterion's drivenBy does not list it");
                }
            }
            if (q.askWhen() != null) {
                // Looked up by id, not List.indexOf: record equals would bootstrap method handles on a
                // cold JVM, and this runs before the console's first question.
                Integer otherPosition = positionById.get(q.askWhen().question());
                if (otherPosition == null || otherPosition >= positionById.get(q.id())) {
                    throw fail(where + ": askWhen must refer to an earlier question, got '" + q.askWhen().question() + "'");
                }
            }
            if (q.defaultValue() != null && q.defaultValue().isDependent()) {
                Question other = questionById.get(q.defaultValue().dependsOn());
                if (other == null || other.defaultValue() != null && other.defaultValue().isDependent()) {
                    throw fail(where + ": its default depends on '" + q.defaultValue().dependsOn()
                            + "', which must be a question whose own default is not dependent");
                }
                for (String key : q.defaultValue().byValue().keySet()) {
                    if (other.choice(key).filter(c -> c.value().equals(key)).isEmpty()) {
                        throw fail(where + ": default table key '" + key + "' is not a choice of " + other.id());
                    }
                }
            }
        }
        for (Criterion c : criteria) {
            for (String id : c.drivenBy()) {
                Question q = questionById.get(id);
                if (q == null) {
                    throw fail("criterion '" + c.id() + "': drivenBy names unknown question '" + id + "'");
                }
                if (!q.criteria().contains(c.id())) {
                    throw fail("criterion '" + c.id() + "': driven by '" + id + "' but that question's criteria"
                            + " do not list it");
                }
            }
        }
        for (Map.Entry<String, QuestionType> expected : EXPECTED.entrySet()) {
            Question q = questionById.get(expected.getKey());
            if (q == null) {
                throw fail("question '" + expected.getKey() + "' is missing; the advisor needs it");
            }
            if (q.type() != expected.getValue()) {
                throw fail("question '" + q.id() + "': must have type " + expected.getValue().jsonName());
            }
            List<String> choices = EXPECTED_CHOICES.get(q.id());
            if (choices != null && !Set.copyOf(choices).equals(
                    q.choices().stream().map(Choice::value).collect(Collectors.toSet()))) {
                throw fail("question '" + q.id() + "': choices must be exactly " + choices);
            }
        }
    }

    private <T> Map<String, T> unique(List<T> items, java.util.function.Function<T, String> id, String kind) {
        Map<String, T> byId = new LinkedHashMap<>();
        for (T item : items) {
            if (byId.put(id.apply(item), item) != null) {
                throw fail(kind + " '" + id.apply(item) + "' is defined twice");
            }
        }
        return byId;
    }

    private Iterable<JsonNode> array(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null || !value.isArray()) {
            throw fail(where + ": '" + field + "' must be a list");
        }
        return value;
    }

    private String text(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.textValue().isBlank()) {
            throw fail(where + ": '" + field + "' must be a non-empty string");
        }
        return value.textValue();
    }

    private String optionalText(JsonNode node, String field, String where) {
        return node.has(field) ? text(node, field, where) : null;
    }

    private boolean bool(JsonNode node, String field, String where, boolean fallback) {
        JsonNode value = node.get(field);
        if (value == null) {
            return fallback;
        }
        if (!value.isBoolean()) {
            throw fail(where + ": '" + field + "' must be true or false");
        }
        return value.booleanValue();
    }

    private BigDecimal decimal(JsonNode node, String field, String where, boolean allowed) {
        JsonNode value = node.get(field);
        if (value == null) {
            return null;
        }
        if (!allowed) {
            throw fail(where + ": only numeric questions have '" + field + "'");
        }
        if (!value.isNumber()) {
            throw fail(where + ": '" + field + "' must be a number");
        }
        return value.decimalValue();
    }

    private List<String> strings(JsonNode node, String field, String where) {
        List<String> result = new ArrayList<>();
        for (JsonNode item : array(node, field, where)) {
            if (!item.isTextual()) {
                throw fail(where + ": '" + field + "' must list strings");
            }
            result.add(item.textValue());
        }
        return result;
    }

    private void expectOnly(JsonNode node, Set<String> allowed, String where) {
        if (!node.isObject()) {
            throw fail(where + ": must be a JSON object");
        }
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw fail(where + ": unknown field '" + name + "'");
            }
        }
    }

    private QuestionnaireException fail(String message) {
        return new QuestionnaireException(source + ": " + message);
    }

    private static void expectEnum(String id, List<String> values) {
        EXPECTED.put(id, QuestionType.ENUM);
        EXPECTED_CHOICES.put(id, values);
    }

    private static List<String> names(Enum<?>[] constants) {
        return Arrays.stream(constants).map(Enum::name).toList();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable input";
        }
        int cut = message.indexOf('\n');
        return (cut >= 0 ? message.substring(0, cut) : message).replaceAll(" \\(code \\d+\\)", "").trim();
    }
}
