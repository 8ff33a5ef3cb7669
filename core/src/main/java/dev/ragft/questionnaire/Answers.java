package dev.ragft.questionnaire;

import dev.ragft.InputError;
import dev.ragft.InvalidAnswersException;
import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import dev.ragft.facts.CostPreference;
import dev.ragft.facts.DocumentsCoverage;
import dev.ragft.facts.DomainConsistency;
import dev.ragft.facts.KnowledgeChange;
import dev.ragft.facts.LatencySensitivity;
import dev.ragft.facts.ModelSize;
import dev.ragft.facts.OutOfDomain;
import dev.ragft.facts.QueryVariety;
import dev.ragft.questionnaire.Questionnaire;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A consultation's raw answers: question id → value, in insertion order. Immutable.
 *
 * <p>Values are {@code String} (enum answers), {@code Boolean}, {@code Long} (integral numbers),
 * {@code BigDecimal} (other numbers, kept exact) or {@code null}, which means the question was
 * explicitly left unanswered. A {@code Double} appears only for a non-finite number, so that
 * validation can report it against its key instead of the reader rejecting the whole file.
 *
 * <p>Three ways to make them: {@link #builder()} (typed setters, each value checked against the
 * questionnaire as it is set), {@link #fromJson(String, String)} (an answers file) and
 * {@link #of(Map)} (unchecked; keys and values are checked when advising, by
 * {@link dev.ragft.questionnaire.Questionnaire#resolve(Answers)}).
 */
public final class Answers {

    private static final Answers EMPTY = new Answers(new LinkedHashMap<>());

    private static final JsonFactory JSON = new JsonFactoryBuilder()
            // NaN / Infinity are read so that they are reported against their key as non-finite.
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    private final Map<String, Object> values;

    private Answers(LinkedHashMap<String, Object> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    /** No answers at all. */
    public static Answers empty() {
        return EMPTY;
    }

    /**
     * Answers from a map, in its iteration order. Integral {@code Number}s become {@code Long},
     * other finite ones {@code BigDecimal}; enum constants become their name ({@code ModelSize}
     * its label).
     *
     * @throws IllegalArgumentException for a null key or a value of an unsupported type
     */
    public static Answers of(Map<String, ?> values) {
        LinkedHashMap<String, Object> copy = new LinkedHashMap<>();
        values.forEach((id, value) -> copy.put(checkId(id), toRaw(id, value)));
        return new Answers(copy);
    }

    /**
     * Reads an answers file: a JSON object whose keys are question ids.
     *
     * @param sourceName how to name the input in errors, e.g. the file path or {@code <stdin>}
     * @throws InvalidAnswersException for malformed JSON (field {@code sourceName:line:column}),
     *     a top level that is not an object, duplicate keys or values that are arrays or objects
     */
    public static Answers fromJson(String json, String sourceName) {
        return parse(json, sourceName, null);
    }

    /**
     * Reads the {@code "answers"} object of an example consultation
     * ({@code {"description": …, "answers": {…}, "expect": {…}}}) with the same strict reader as
     * {@link #fromJson}: duplicate keys are rejected, numbers kept exact, and errors carry the line in
     * the whole file. The other members are skipped here (their own reader checks them).
     *
     * @param sourceName how to name the input in errors
     * @throws InvalidAnswersException as {@link #fromJson}, or when there is no {@code "answers"} object
     */
    public static Answers fromExampleJson(String json, String sourceName) {
        return parse(json, sourceName, "answers");
    }

    private static Answers parse(String json, String sourceName, String member) {
        List<InputError> errors = new ArrayList<>();
        LinkedHashMap<String, Object> read = new LinkedHashMap<>();
        try (JsonParser parser = JSON.createParser(json)) {
            JsonToken token = parser.nextToken();
            if (token == null) {
                throw syntax(sourceName, 1, 1, "empty input; expected a JSON object of answers such as"
                        + " {\"knowledge_change\": \"MONTHLY\"}");
            }
            if (token != JsonToken.START_OBJECT) {
                throw syntax(sourceName, parser.currentTokenLocation(), "expected a JSON object {...} whose keys"
                        + " are question ids, got " + describe(token));
            }
            if (member == null) {
                readObject(parser, sourceName, read, errors);
            } else {
                boolean found = false;
                Map<String, JsonLocation> topSeen = new HashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    JsonLocation at = parser.currentTokenLocation();
                    JsonToken value = parser.nextToken();
                    JsonLocation earlier = topSeen.putIfAbsent(name, at);
                    if (earlier != null) {
                        throw syntax(sourceName, at, "\"" + name + "\" appears more than once (line "
                                + earlier.getLineNr() + " and line " + at.getLineNr() + "); keep one");
                    }
                    if (name.equals(member) && value == JsonToken.START_OBJECT) {
                        readObject(parser, sourceName, read, errors);
                        found = true;
                    } else {
                        parser.skipChildren();
                    }
                }
                if (!found) {
                    throw syntax(sourceName, 1, 1, "expected an \"" + member + "\" object of answers");
                }
            }
            if (parser.nextToken() != null) {
                throw syntax(sourceName, parser.currentTokenLocation(),
                        "unexpected content after the closing } of the answers object");
            }
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String message = e.getOriginalMessage();
            throw syntax(sourceName, at == null ? JsonLocation.NA : at, "malformed JSON: " + readable(message));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!errors.isEmpty()) {
            throw new InvalidAnswersException(errors);
        }
        return new Answers(read);
    }

    /** Reads the members of the object whose START_OBJECT is the current token, up to its END_OBJECT. */
    private static void readObject(JsonParser parser, String sourceName, LinkedHashMap<String, Object> read,
            List<InputError> errors) throws IOException {
        Map<String, JsonLocation> firstSeen = new HashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String id = parser.currentName();
            JsonLocation at = parser.currentTokenLocation();
            JsonToken valueToken = parser.nextToken();
            Object value = readValue(parser, valueToken, id, errors);
            JsonLocation earlier = firstSeen.putIfAbsent(id, at);
            if (earlier != null) {
                errors.add(new InputError(id, "appears more than once in " + sourceName + " (line "
                        + earlier.getLineNr() + " and line " + at.getLineNr() + "); keep one"));
            } else {
                read.put(id, value);
            }
        }
    }

    /**
     * A builder that checks each value against the questionnaire packaged in the jar as it is set,
     * and the whole set (required answers, cross-question rules) at {@link Builder#build()}.
     *
     * <pre>{@code
     * Answers answers = Answers.builder()
     *         .knowledgeChange(KnowledgeChange.DAILY)
     *         .queryVariety(QueryVariety.WIDE)
     *         .monthlyQueries(50_000)
     *         .hostingInfrastructure(false)
     *         .trainingExamples(2_000)
     *         .build();
     * }</pre>
     *
     * @return an empty builder
     */
    public static Builder builder() {
        return new Builder(Questionnaire.fromClasspath());
    }

    /**
     * A builder that validates against {@code questionnaire} (e.g. a customised definition).
     *
     * @param questionnaire the definition that values are checked against
     * @return an empty builder
     */
    public static Builder builder(Questionnaire questionnaire) {
        return new Builder(Objects.requireNonNull(questionnaire, "questionnaire"));
    }

    /**
     * Builds {@link Answers} one question at a time: a typed setter per question of the packaged
     * questionnaire, and {@link #set(String, Object)} for any question id. Every setter validates its
     * value at once and throws {@link InvalidAnswersException} naming the question id; {@link #build()}
     * validates the whole set. Not thread-safe; the built {@link Answers} is.
     */
    public static final class Builder {

        private final Questionnaire questionnaire;
        private final LinkedHashMap<String, Object> values = new LinkedHashMap<>();

        private Builder(Questionnaire questionnaire) {
            this.questionnaire = questionnaire;
        }

        /**
         * Sets any question by id, checked at once against the questionnaire: an unknown id (with a
         * suggestion for a likely typo), a value of the wrong type or out of range is rejected.
         *
         * @param id a question id such as {@code monthly_queries}
         * @param value a {@code String} or enum constant for enum questions, a {@code Boolean}, an
         *     integral {@code Number}, a {@code BigDecimal} or {@code double}; {@code null} leaves an
         *     optional question explicitly unanswered
         * @return this builder
         * @throws InvalidAnswersException naming {@code id}
         * @throws IllegalArgumentException for a value of a Java type answers cannot hold
         */
        public Builder set(String id, Object value) {
            Object raw = toRaw(checkId(id), value);
            if (questionnaire.question(id).isEmpty()) {
                // validate() words the unknown id (with its "did you mean") the same way the CLI does.
                throw new InvalidAnswersException(questionnaire.validate(Answers.of(Map.of(id, "")))
                        .stream().filter(e -> e.field().equals(id)).toList());
            }
            LinkedHashMap<String, Object> tried = new LinkedHashMap<>(values);
            tried.put(id, raw);
            List<InputError> problems = questionnaire.validate(new Answers(tried)).stream()
                    .filter(e -> e.field().equals(id)).toList();
            if (!problems.isEmpty()) {
                throw new InvalidAnswersException(problems);
            }
            values.put(id, raw);
            return this;
        }

        /**
         * The answers, checked as a whole.
         *
         * @return immutable answers in questionnaire order, enum values upper case
         * @throws InvalidAnswersException listing every problem, e.g. each required question not set
         */
        public Answers build() {
            Answers built = new Answers(new LinkedHashMap<>(values));
            List<InputError> problems = questionnaire.validate(built);
            if (!problems.isEmpty()) {
                throw new InvalidAnswersException(problems);
            }
            return questionnaire.normalize(built);
        }

        /**
         * {@code knowledge_change}: how often the knowledge the model must know changes (required).
         *
         * @param value the answer
         * @return this builder
         */
        public Builder knowledgeChange(KnowledgeChange value) {
            return set("knowledge_change", value);
        }

        /**
         * {@code domain_consistency}: whether the domain is consistent or evolving.
         *
         * @param value the answer
         * @return this builder
         */
        public Builder domainConsistency(DomainConsistency value) {
            return set("domain_consistency", value);
        }

        /**
         * {@code documents_cover_answers}: how much of the answers your documents hold.
         *
         * @param value the answer
         * @return this builder
         */
        public Builder documentsCoverAnswers(DocumentsCoverage value) {
            return set("documents_cover_answers", value);
        }

        /**
         * {@code query_variety}: how much the queries vary (required).
         *
         * @param value the answer
         * @return this builder
         */
        public Builder queryVariety(QueryVariety value) {
            return set("query_variety", value);
        }

        /**
         * {@code out_of_domain_queries}: how often queries fall outside the domain.
         *
         * @param value the answer
         * @return this builder
         */
        public Builder outOfDomainQueries(OutOfDomain value) {
            return set("out_of_domain_queries", value);
        }

        /**
         * {@code monthly_queries}: expected queries per month, 1 … 10^10 (required).
         *
         * @param value the answer
         * @return this builder
         * @throws InvalidAnswersException when out of range
         */
        public Builder monthlyQueries(long value) {
            return set("monthly_queries", value);
        }

        /**
         * {@code latency_sensitivity}: how much response time matters.
         *
         * @param value the answer
         * @return this builder
         */
        public Builder latencySensitivity(LatencySensitivity value) {
            return set("latency_sensitivity", value);
        }

        /**
         * {@code latency_budget_ms}: the response-time budget in milliseconds, 1 … 600000.
         *
         * @param value the answer
         * @return this builder
         * @throws InvalidAnswersException when out of range
         */
        public Builder latencyBudgetMs(long value) {
            return set("latency_budget_ms", value);
        }

        /**
         * {@code on_prem_required}: whether data must stay on premises (default false).
         *
         * @param value the answer
         * @return this builder
         */
        public Builder onPremRequired(boolean value) {
            return set("on_prem_required", value);
        }

        /**
         * {@code audit_trail_required}: whether answers must cite their sources (default false).
         *
         * @param value the answer
         * @return this builder
         */
        public Builder auditTrailRequired(boolean value) {
            return set("audit_trail_required", value);
        }

        /**
         * {@code hosting_infrastructure}: whether you can host and serve a model yourself (required).
         *
         * @param value the answer
         * @return this builder
         */
        public Builder hostingInfrastructure(boolean value) {
            return set("hosting_infrastructure", value);
        }

        /**
         * {@code cost_model_preference}: a fixed bill, pay per use, or no preference (default).
         *
         * @param value the answer
         * @return this builder
         */
        public Builder costModelPreference(CostPreference value) {
            return set("cost_model_preference", value);
        }

        /**
         * {@code style_format_needs}: whether a specific style or output format is required (default false).
         *
         * @param value the answer
         * @return this builder
         */
        public Builder styleFormatNeeds(boolean value) {
            return set("style_format_needs", value);
        }

        /**
         * {@code training_examples}: how many training examples you have, 0 … 10^9 (required).
         *
         * @param value the answer
         * @return this builder
         * @throws InvalidAnswersException when out of range
         */
        public Builder trainingExamples(long value) {
            return set("training_examples", value);
        }

        /**
         * {@code examples_labeled}: whether the examples are labelled (default true).
         *
         * @param value the answer
         * @return this builder
         */
        public Builder examplesLabeled(boolean value) {
            return set("examples_labeled", value);
        }

        /**
         * {@code model_size}: the base model to fine-tune (default 7B).
         *
         * @param value the answer
         * @return this builder
         */
        public Builder modelSize(ModelSize value) {
            return set("model_size", value);
        }

        /**
         * {@code horizon_months}: the months to compare costs over, 1 … 120 (default 12).
         *
         * @param value the answer
         * @return this builder
         * @throws InvalidAnswersException when out of range
         */
        public Builder horizonMonths(int value) {
            return set("horizon_months", value);
        }

        /**
         * {@code fine_tune_cost_usd}: the cost of one fine-tuning run in dollars (default by model size).
         *
         * @param value the answer, exact
         * @return this builder
         * @throws InvalidAnswersException when negative
         */
        public Builder fineTuneCostUsd(BigDecimal value) {
            return set("fine_tune_cost_usd", value);
        }

        /**
         * {@code data_prep_cost_usd}: the one-time cost of preparing training data (default by model size).
         *
         * @param value the answer, exact
         * @return this builder
         * @throws InvalidAnswersException when negative
         */
        public Builder dataPrepCostUsd(BigDecimal value) {
            return set("data_prep_cost_usd", value);
        }

        /**
         * {@code inference_monthly_usd}: monthly cost of serving the fine-tuned model (default by model
         * size; must be set for 405B).
         *
         * @param value the answer, exact
         * @return this builder
         * @throws InvalidAnswersException when negative
         */
        public Builder inferenceMonthlyUsd(BigDecimal value) {
            return set("inference_monthly_usd", value);
        }

        /**
         * {@code retrains_per_year}: fine-tuning runs per year, 0 … 52 (default from knowledge change).
         *
         * @param value the answer
         * @return this builder
         * @throws InvalidAnswersException when out of range
         */
        public Builder retrainsPerYear(int value) {
            return set("retrains_per_year", value);
        }

        /**
         * {@code vector_db_monthly_usd}: monthly cost of the vector database (default 50).
         *
         * @param value the answer, exact
         * @return this builder
         * @throws InvalidAnswersException when negative
         */
        public Builder vectorDbMonthlyUsd(BigDecimal value) {
            return set("vector_db_monthly_usd", value);
        }

        /**
         * {@code retrieval_cost_per_query_usd}: retrieval cost per query (default 0.10).
         *
         * @param value the answer, exact
         * @return this builder
         * @throws InvalidAnswersException when negative
         */
        public Builder retrievalCostPerQueryUsd(BigDecimal value) {
            return set("retrieval_cost_per_query_usd", value);
        }

        /**
         * {@code generation_cost_per_query_usd}: generation cost per query on hosted inference (default 0.01).
         *
         * @param value the answer, exact
         * @return this builder
         * @throws InvalidAnswersException when negative
         */
        public Builder generationCostPerQueryUsd(BigDecimal value) {
            return set("generation_cost_per_query_usd", value);
        }
    }

    private static Object readValue(JsonParser parser, JsonToken token, String id, List<InputError> errors)
            throws IOException {
        switch (token) {
            case VALUE_STRING:
                return parser.getText();
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return null;
            case VALUE_NUMBER_INT:
                if (parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                    return new BigDecimal(parser.getBigIntegerValue());
                }
                return parser.getLongValue();
            case VALUE_NUMBER_FLOAT:
                if (parser.isNaN()) {
                    return parser.getDoubleValue();
                }
                // Parsed from the text itself, so 0.10 stays exactly 0.10. An exponent beyond what a
                // decimal holds (1e9999999999) is reported against its key; the questionnaire's range
                // check sees every other number before any arithmetic does.
                try {
                    return parser.getDecimalValue();
                } catch (NumberFormatException e) {
                    String text = parser.getText();
                    errors.add(new InputError(id, "is far outside any allowed range, got "
                            + (text.length() > 40 ? text.substring(0, 40) + "…" : text)));
                    return null;
                }
            default:
                parser.skipChildren();
                errors.add(new InputError(id, "expected a single value, got "
                        + (token == JsonToken.START_ARRAY ? "a list [...]" : "an object {...}")));
                return null;
        }
    }

    /** A copy with {@code id} set to {@code value}; an existing key keeps its position. */
    public Answers with(String id, Object value) {
        LinkedHashMap<String, Object> copy = new LinkedHashMap<>(values);
        copy.put(checkId(id), toRaw(id, value));
        return new Answers(copy);
    }

    /** A copy without {@code id} (the question becomes absent, not explicitly unanswered). */
    public Answers without(String id) {
        if (!values.containsKey(id)) {
            return this;
        }
        LinkedHashMap<String, Object> copy = new LinkedHashMap<>(values);
        copy.remove(id);
        return new Answers(copy);
    }

    /** The raw value for {@code id}; {@code null} when absent or explicitly unanswered. */
    public Object get(String id) {
        return values.get(id);
    }

    /** Whether {@code id} is present, even with a {@code null} (explicitly unanswered) value. */
    public boolean contains(String id) {
        return values.containsKey(id);
    }

    /** The ids present, in order. */
    public Set<String> ids() {
        return values.keySet();
    }

    /** Number of ids present. */
    public int size() {
        return values.size();
    }

    /** An unmodifiable, ordered view; may contain {@code null} values. */
    public Map<String, Object> asMap() {
        return values;
    }

    /** Pretty-printed JSON object, keys in this object's order, numbers written exactly. */
    public String toJson() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator gen = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            // "key": value with a fixed "\n", so saved files are the same bytes on every platform.
            gen.setPrettyPrinter(new DefaultPrettyPrinter()
                    .withObjectIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.withLinefeed("\n"))
                    .withSeparators(Separators.createDefaultInstance()
                            .withObjectFieldValueSpacing(Separators.Spacing.AFTER)));
            gen.writeStartObject();
            for (Map.Entry<String, Object> entry : values.entrySet()) {
                gen.writeFieldName(entry.getKey());
                Object value = entry.getValue();
                if (value == null) {
                    gen.writeNull();
                } else if (value instanceof Boolean b) {
                    gen.writeBoolean(b);
                } else if (value instanceof Long l) {
                    gen.writeNumber(l);
                } else if (value instanceof BigDecimal d) {
                    gen.writeNumber(d);
                } else if (value instanceof Double d) {
                    gen.writeNumber(d);
                } else {
                    gen.writeString(value.toString());
                }
            }
            gen.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8) + "\n";
    }

    /** Equal when the same ids map to equal values in the same order; 0.1 equals 0.10. */
    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof Answers that) || that.values.size() != values.size()) {
            return false;
        }
        var mine = values.entrySet().iterator();
        var theirs = that.values.entrySet().iterator();
        while (mine.hasNext()) {
            var a = mine.next();
            var b = theirs.next();
            if (!a.getKey().equals(b.getKey()) || !sameValue(a.getValue(), b.getValue())) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int hash = 1;
        for (Map.Entry<String, Object> entry : values.entrySet()) {
            Object value = entry.getValue();
            Object key = value instanceof BigDecimal d ? d.stripTrailingZeros() : value;
            hash = 31 * hash + entry.getKey().hashCode() * 17 + Objects.hashCode(key);
        }
        return hash;
    }

    @Override
    public String toString() {
        return "Answers" + values;
    }

    private static boolean sameValue(Object a, Object b) {
        if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
            return x.compareTo(y) == 0;
        }
        return Objects.equals(a, b);
    }

    private static String checkId(String id) {
        if (id == null) {
            throw new IllegalArgumentException("an answer needs a question id, got null");
        }
        return id;
    }

    private static Object toRaw(String id, Object value) {
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof Long
                || value instanceof BigDecimal) {
            return value;
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof BigInteger big) {
            return big.bitLength() < 64 ? (Object) big.longValueExact() : new BigDecimal(big);
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            // Keep non-finite values so validation reports them against their key.
            return Double.isFinite(d) ? new BigDecimal(Double.toString(d)) : (Object) d;
        }
        if (value instanceof dev.ragft.facts.ModelSize size) {
            return size.label();
        }
        if (value instanceof Enum<?> constant) {
            return constant.name();
        }
        throw new IllegalArgumentException("answer '" + id + "' has unsupported type "
                + value.getClass().getName() + "; use String, Boolean, Long, BigDecimal or null");
    }

    private static InvalidAnswersException syntax(String source, JsonLocation at, String message) {
        int line = at.getLineNr() < 1 ? 1 : at.getLineNr();
        int column = at.getColumnNr() < 1 ? 1 : at.getColumnNr();
        return syntax(source, line, column, message);
    }

    private static InvalidAnswersException syntax(String source, int line, int column, String message) {
        return new InvalidAnswersException(new InputError(source + ":" + line + ":" + column, message));
    }

    private static String describe(JsonToken token) {
        return switch (token) {
            case START_ARRAY -> "a list [...]";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> token.asString() == null ? token.name() : token.asString();
        };
    }

    /** Jackson's messages carry internal hints (" (code 125)", "\n at [Source ...]"); keep the sense. */
    private static String readable(String message) {
        if (message == null) {
            return "unreadable input";
        }
        String text = message.replaceAll(" \\(code \\d+\\)", "").replaceAll("\\(for Object starting at.*\\)", "");
        int cut = text.indexOf('\n');
        return (cut >= 0 ? text.substring(0, cut) : text).trim();
    }
}
