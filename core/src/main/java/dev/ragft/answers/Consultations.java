package dev.ragft.answers;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.ragft.questionnaire.Answers;
import dev.ragft.InvalidAnswersException;
import dev.ragft.facts.Confidence;
import dev.ragft.facts.Favor;
import dev.ragft.facts.Strategy;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Not API. Reads saved consultations: example files ({@code {"description": …, "answers": {…},
 * "expect": {…}}}, the format of {@code questionnaires/examples/}) and plain answers files. Shared by
 * {@code rules test}, {@code rules diff} and the golden tests.
 */
public final class Consultations {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            // Keep 0.10 as written: answers round-trip exactly, as Answers.fromJson would read them.
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));
    private static final Set<String> EXAMPLE_KEYS = Set.of("description", "answers", "expect");
    private static final Set<String> EXPECT_KEYS = Set.of("strategy", "confidence", "costs", "breakEvenMonth",
            "caveats", "criteria");

    /** A consultation file that cannot be used; the message names the file and, where known, the line. */
    public static final class ConsultationException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        public ConsultationException(String message) {
            super(message);
        }
    }

    private Consultations() {
    }

    /** Every {@code *.json} directly in {@code folder}, sorted by file name. */
    public static List<Consultation> readFolder(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new ConsultationException(folder + ": not a folder of consultations"
                    + (Files.exists(folder) ? "" : " (it does not exist)"));
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(folder)) {
            files = list.filter(p -> p.getFileName().toString().endsWith(".json") && Files.isRegularFile(p))
                    .sorted().toList();
        }
        List<Consultation> consultations = new ArrayList<>();
        for (Path file : files) {
            consultations.add(read(file));
        }
        return consultations;
    }

    /** A folder's {@code *.json} files, or one file. */
    public static List<Consultation> readPath(Path path) throws IOException {
        return Files.isDirectory(path) ? readFolder(path) : List.of(read(path));
    }

    /** One file, in either shape. */
    public static Consultation read(Path file) throws IOException {
        try {
            return parse(TextInput.read(file, TextInput.MAX_ANSWERS_BYTES), file);
        } catch (TextInput.UnreadableText e) {
            throw new ConsultationException(e.getMessage());
        }
    }

    /** Parses text read from {@code file} (used in messages). */
    public static Consultation parse(String text, Path file) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            throw new ConsultationException(file + (at == null ? "" : ":" + at.getLineNr() + ":" + at.getColumnNr())
                    + ": malformed JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new ConsultationException(file + ": expected a JSON object (an example or an answers file)");
        }
        if (!isExample(root)) {
            try {
                return new Consultation(file, "", Answers.fromJson(text, file.toString()), null);
            } catch (InvalidAnswersException e) {
                throw new ConsultationException(file + ": " + e.getMessage());
            }
        }
        String description = root.path("description").asText("");
        Answers answers;
        try {
            // The strict reader over the file's own text: exact numbers, duplicate keys refused, real lines.
            answers = Answers.fromExampleJson(text, file.toString());
        } catch (InvalidAnswersException e) {
            throw new ConsultationException(file + ": " + e.getMessage());
        }
        Consultation.Expectation expect = root.has("expect") && !root.get("expect").isNull()
                ? expectation(root.get("expect"), file) : null;
        return new Consultation(file, description, answers, expect);
    }

    /**
     * Whether a parsed file is an example consultation: an {@code "answers"} object and nothing but the
     * example keys. Anything else is read as a plain answers file, so a stray key is reported, not ignored.
     */
    public static boolean isExample(JsonNode root) {
        if (!root.path("answers").isObject()) {
            return false;
        }
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            if (!EXAMPLE_KEYS.contains(names.next())) {
                return false;
            }
        }
        return true;
    }

    private static Consultation.Expectation expectation(JsonNode expect, Path file) {
        if (!expect.isObject()) {
            throw new ConsultationException(file + ": \"expect\" must be an object such as {\"strategy\": \"RAG\"}");
        }
        for (Iterator<String> names = expect.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!EXPECT_KEYS.contains(name)) {
                throw new ConsultationException(file + ": \"expect\" has an unknown key '" + name + "'; known keys: "
                        + String.join(", ", EXPECT_KEYS.stream().sorted().toList()));
            }
        }
        if (!expect.path("strategy").isTextual()) {
            throw new ConsultationException(file + ": \"expect\" needs a \"strategy\": one of "
                    + Arrays.toString(Strategy.values()));
        }
        Strategy strategy = constant(Strategy.class, expect.get("strategy").asText(), "expect.strategy", file);
        Confidence confidence = expect.hasNonNull("confidence")
                ? constant(Confidence.class, expect.get("confidence").asText(), "expect.confidence", file) : null;
        Map<Strategy, BigDecimal> costs = new LinkedHashMap<>();
        JsonNode costsNode = expect.path("costs");
        for (Iterator<Map.Entry<String, JsonNode>> it = costsNode.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            if (!entry.getValue().isNumber()) {
                throw new ConsultationException(file + ": expect.costs." + entry.getKey() + " must be a number (a total in USD)");
            }
            costs.put(constant(Strategy.class, entry.getKey(), "expect.costs", file), entry.getValue().decimalValue());
        }
        boolean breakEvenChecked = expect.has("breakEvenMonth");
        Integer breakEven = null;
        if (breakEvenChecked && !expect.get("breakEvenMonth").isNull()) {
            if (!expect.get("breakEvenMonth").canConvertToInt() || !expect.get("breakEvenMonth").isIntegralNumber()) {
                throw new ConsultationException(file + ": expect.breakEvenMonth must be a whole month or null");
            }
            breakEven = expect.get("breakEvenMonth").intValue();
        }
        List<String> caveats = new ArrayList<>();
        expect.path("caveats").forEach(id -> caveats.add(id.asText()));
        Map<String, Favor> criteria = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = expect.path("criteria").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            criteria.put(entry.getKey(), constant(Favor.class, entry.getValue().asText(),
                    "expect.criteria." + entry.getKey(), file));
        }
        return new Consultation.Expectation(strategy, confidence, costs, breakEvenChecked, breakEven, caveats, criteria);
    }

    private static <E extends Enum<E>> E constant(Class<E> type, String text, String where, Path file) {
        try {
            return Enum.valueOf(type, text.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ConsultationException(file + ": " + where + " is '" + text + "'; expected one of "
                    + Arrays.toString(type.getEnumConstants()));
        }
    }
}
