package dev.ragft.questionnaire;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ragft.questionnaire.Answers;
import dev.ragft.InputError;
import dev.ragft.InvalidAnswersException;
import dev.ragft.cost.CostBasis;
import dev.ragft.cost.CostInputs;
import dev.ragft.cost.CostModel;
import dev.ragft.questionnaire.Text;
import dev.ragft.facts.CostPreference;
import dev.ragft.facts.DocumentsCoverage;
import dev.ragft.facts.DomainConsistency;
import dev.ragft.facts.KnowledgeChange;
import dev.ragft.facts.LatencySensitivity;
import dev.ragft.facts.ModelSize;
import dev.ragft.facts.OutOfDomain;
import dev.ragft.facts.Profile;
import dev.ragft.facts.QueryVariety;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The questionnaire definition ({@code questionnaires/advisor.json}) and everything that turns raw
 * {@link Answers} into engine input: validation, defaults, the {@link Profile} and {@link CostInputs}.
 *
 * <p>Immutable and thread-safe. The console, the answers-file reader and {@code ragft questions}
 * all read this one definition.
 */
public final class Questionnaire {

    /** Classpath location of the packaged definition (the pom copies {@code questionnaires/} there). */
    public static final String RESOURCE = "dev/ragft/questionnaires/advisor.json";

    private final String source;
    private final List<Section> sections;
    private final List<Criterion> criteria;
    private final List<Question> questions;
    private final Map<String, Question> byId;
    private final List<GuideRange> guideRanges;

    Questionnaire(String source, List<Section> sections, List<Criterion> criteria, List<Question> questions) {
        this(source, sections, criteria, questions, List.of());
    }

    Questionnaire(String source, List<Section> sections, List<Criterion> criteria, List<Question> questions,
                  List<GuideRange> guideRanges) {
        this.guideRanges = List.copyOf(guideRanges);
        this.source = source;
        this.sections = List.copyOf(sections);
        this.criteria = List.copyOf(criteria);
        this.questions = List.copyOf(questions);
        this.byId = Collections.unmodifiableMap(
                questions.stream().collect(Collectors.toMap(Question::id, q -> q, (a, b) -> a, LinkedHashMap::new)));
    }

    /**
     * Reads a definition file.
     *
     * @throws QuestionnaireException when the file cannot be read, is not valid JSON (file:line:column)
     *     or is inconsistent (names the question, criterion or section)
     */
    public static Questionnaire load(Path file) {
        String json;
        try {
            json = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new QuestionnaireException(file + ": cannot read the questionnaire: " + e.getMessage(), e);
        }
        return parse(json, file.toString());
    }

    /** Parses a definition held in memory; {@code sourceName} names it in errors. */
    public static Questionnaire parse(String json, String sourceName) {
        return QuestionnaireReader.read(json, sourceName);
    }

    /** The definition packaged in the jar, read once and shared. */
    public static Questionnaire fromClasspath() {
        return Packaged.INSTANCE;
    }

    /** Lazy holder: the packaged file is parsed on first use only, and only once. */
    private static final class Packaged {
        static final Questionnaire INSTANCE = readPackaged();

        private static Questionnaire readPackaged() {
            try (InputStream in = Questionnaire.class.getClassLoader().getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new QuestionnaireException("classpath:" + RESOURCE + ": not found; is the jar complete?");
                }
                return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "classpath:" + RESOURCE);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Where the definition came from (file path or {@code classpath:...}). */
    public String source() {
        return source;
    }

    /** All questions in asking order. */
    public List<Question> questions() {
        return questions;
    }

    /** The question with this id. */
    public Optional<Question> question(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The criteria catalog in report order. */
    public List<Criterion> criteria() {
        return criteria;
    }

    /** The catalog entry with this id. */
    public Optional<Criterion> criterion(String id) {
        return criteria.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    /** What the guide says about plausible values, per question, in file order. */
    public List<GuideRange> guideRanges() {
        return guideRanges;
    }

    /** The guide's range for one question, if the questionnaire gives one. */
    public Optional<GuideRange> guideRange(String questionId) {
        return guideRanges.stream().filter(r -> r.question().equals(questionId)).findFirst();
    }

    /** The console's sections in order. */
    public List<Section> sections() {
        return sections;
    }

    /** The questions of one section, in asking order. */
    public List<Question> questionsIn(String sectionId) {
        return questions.stream().filter(q -> q.section().equals(sectionId)).toList();
    }

    /**
     * Parses typed text for question {@code id} (see {@link Question#parseText(String)}).
     *
     * @throws InvalidAnswersException naming the id, with a suggestion when the id looks like a typo
     */
    public Object parseText(String id, String text) {
        Question q = byId.get(id);
        if (q == null) {
            throw new InvalidAnswersException(unknownKey(id, Set.of()));
        }
        return q.parseText(text);
    }

    /**
     * Whether the console should ask {@code question} given the answers so far: true unless its
     * {@link AskWhen} condition fails on the other question's effective value.
     */
    public boolean isAsked(Question question, Answers soFar) {
        if (question.askWhen() == null) {
            return true;
        }
        Run run = run(soFar);
        AskWhen when = question.askWhen();
        // "Answered" means given by the user: a default does not count.
        return when.test((when.aboutAnswered() ? run.normalized : run.effective).get(when.question()));
    }

    /**
     * The default that applies to {@code id} given the answers so far (a dependent default follows,
     * e.g., the model size already answered); empty when there is none.
     */
    public Optional<Object> defaultFor(String id, Answers soFar) {
        Question q = byId.get(id);
        if (q == null || q.defaultValue() == null) {
            return Optional.empty();
        }
        QuestionDefault d = q.defaultValue();
        return d.isDependent() ? d.valueFor(run(soFar).effective.get(d.dependsOn())) : Optional.of(d.literal());
    }

    /** Every problem with the answers, in questionnaire order then unknown keys; empty when valid. */
    public List<InputError> validate(Answers answers) {
        return run(answers).errors;
    }

    /**
     * The answers in questionnaire order with valid values normalized (enums upper case); invalid
     * values are kept as given, and unknown keys follow the known ones. Never throws, so the console
     * can save an unfinished or partly wrong consultation without losing anything.
     */
    public Answers normalize(Answers answers) {
        Run run = run(answers);
        LinkedHashMap<String, Object> ordered = new LinkedHashMap<>();
        for (Question q : questions) {
            if (answers.contains(q.id())) {
                ordered.put(q.id(), run.normalized.containsKey(q.id()) ? run.normalized.get(q.id()) : answers.get(q.id()));
            }
        }
        for (String id : answers.ids()) {
            ordered.putIfAbsent(id, answers.get(id));
        }
        return Answers.of(ordered);
    }

    /**
     * Validates the answers and applies defaults.
     *
     * @throws InvalidAnswersException listing every problem, each naming its question id
     */
    public ResolvedAnswers resolve(Answers answers) {
        Run run = run(answers);
        if (!run.errors.isEmpty()) {
            throw new InvalidAnswersException(run.errors);
        }
        Map<String, Object> e = run.effective;
        Set<String> answered = new LinkedHashSet<>();
        run.normalized.forEach((id, value) -> {
            if (value != null) {
                answered.add(id);
            }
        });
        Profile profile = new Profile(
                enumOf(KnowledgeChange.class, e.get("knowledge_change")),
                enumOf(DomainConsistency.class, e.get("domain_consistency")),
                enumOf(DocumentsCoverage.class, e.get("documents_cover_answers")),
                enumOf(QueryVariety.class, e.get("query_variety")),
                enumOf(OutOfDomain.class, e.get("out_of_domain_queries")),
                (Long) e.get("monthly_queries"),
                enumOf(LatencySensitivity.class, e.get("latency_sensitivity")),
                e.get("latency_budget_ms") == null ? null : Math.toIntExact((Long) e.get("latency_budget_ms")),
                (Boolean) e.get("on_prem_required"),
                (Boolean) e.get("audit_trail_required"),
                (Boolean) e.get("hosting_infrastructure"),
                enumOf(CostPreference.class, e.get("cost_model_preference")),
                (Boolean) e.get("style_format_needs"),
                (Long) e.get("training_examples"),
                (Boolean) e.get("examples_labeled"),
                ModelSize.fromLabel((String) e.get("model_size")).orElseThrow(),
                Math.toIntExact((Long) e.get("horizon_months")),
                Math.toIntExact((Long) e.get("retrains_per_year")),
                answered);
        // On premises both strategies are self-hosted, whatever self_hosted_rag says: RAG then runs its own vector
        // database and serves its own model (priced like the fine-tuned one), so the managed services' per-query
        // defaults do not apply. Prices the user states are kept exactly.
        Set<String> defaulted = new LinkedHashSet<>(run.defaulted);
        if (profile.onPremRequired()) {
            e.put("self_hosted_rag", Boolean.TRUE);
            defaulted.remove("self_hosted_rag");
        }
        boolean selfHosted = Boolean.TRUE.equals(e.get("self_hosted_rag"));
        if (selfHosted) {
            for (String perQuery : List.of("retrieval_cost_per_query_usd", "generation_cost_per_query_usd")) {
                if (defaulted.contains(perQuery)) {
                    e.put(perQuery, BigDecimal.ZERO);
                }
            }
        }
        CostInputs costs = new CostInputs(
                profile.horizonMonths(),
                profile.monthlyQueries(),
                profile.retrainsPerYear(),
                (BigDecimal) e.get("fine_tune_cost_usd"),
                (BigDecimal) e.get("data_prep_cost_usd"),
                (BigDecimal) e.get("inference_monthly_usd"),
                (BigDecimal) e.get("vector_db_monthly_usd"),
                (BigDecimal) e.get("retrieval_cost_per_query_usd"),
                (BigDecimal) e.get("generation_cost_per_query_usd"),
                selfHosted,
                (BigDecimal) e.get("gpu_monthly_usd"),
                (BigDecimal) e.get("gpu_tokens_per_second"),
                (BigDecimal) e.get("peak_load_factor"),
                (Long) e.get("output_tokens_per_query"),
                (Long) e.get("context_tokens_per_query"),
                (Long) e.get("prompt_tokens_per_query"),
                (BigDecimal) e.get("input_price_per_million_tokens_usd"),
                (BigDecimal) e.get("output_price_per_million_tokens_usd"));
        List<InputError> beyond = beyondStatedMaxima(costs);
        if (!beyond.isEmpty()) {
            throw new InvalidAnswersException(beyond);
        }
        return new ResolvedAnswers(Answers.of(run.normalized), profile, costs, e, defaulted);
    }

    /**
     * A computed figure may not exceed what its stated form allows: derived serving stays within
     * {@code inference_monthly_usd}'s maximum and a per-token generation price within
     * {@code generation_cost_per_query_usd}'s. Those maxima keep every total exact to the cent in the rules'
     * reasons, so the computed forms must respect them too.
     */
    private List<InputError> beyondStatedMaxima(CostInputs costs) {
        List<InputError> errors = new ArrayList<>();
        CostBasis basis = CostModel.basis(costs);
        BigDecimal servingMax = question("inference_monthly_usd").map(Question::max).orElse(null);
        if (costs.servingDerived() && servingMax != null && basis.servingMonthlyUsd().compareTo(servingMax) > 0) {
            errors.add(new InputError("gpu_monthly_usd", "serving worked out at " + basis.servingInstances()
                    + " instances, " + Values.money(basis.servingMonthlyUsd()) + " a month, above the "
                    + Values.money(servingMax) + " allowed; check the volume, throughput and peak factor, or state"
                    + " inference_monthly_usd"));
        }
        BigDecimal generationMax = question("generation_cost_per_query_usd").map(Question::max).orElse(null);
        if (costs.tokenPricing() && generationMax != null && basis.generationPerQueryUsd().compareTo(generationMax) > 0) {
            errors.add(new InputError("input_price_per_million_tokens_usd", "generation priced per token comes to "
                    + Values.money(basis.generationPerQueryUsd()) + " a query, above the " + Values.money(generationMax)
                    + " allowed; check the token counts and prices"));
        }
        return errors;
    }

    /** The outcome of checking answers, errors included; shared by resolve, validate and the console helpers. */
    private static final class Run {
        final LinkedHashMap<String, Object> normalized = new LinkedHashMap<>();
        final LinkedHashMap<String, Object> effective = new LinkedHashMap<>();
        final Set<String> defaulted = new LinkedHashSet<>();
        final Map<String, List<InputError>> errorsById = new LinkedHashMap<>();
        final List<InputError> unknown = new ArrayList<>();
        List<InputError> errors;

        void error(String id, String message) {
            errorsById.computeIfAbsent(id, k -> new ArrayList<>()).add(new InputError(id, message));
        }
    }

    private Run run(Answers answers) {
        Run run = new Run();
        Set<String> invalid = new HashSet<>();
        for (Question q : questions) {
            if (!answers.contains(q.id())) {
                continue;
            }
            Object raw = answers.get(q.id());
            if (raw == null) {
                run.normalized.put(q.id(), null);
                continue;
            }
            try {
                run.normalized.put(q.id(), q.normalize(raw));
            } catch (ValueProblem problem) {
                run.error(q.id(), problem.getMessage());
                invalid.add(q.id());
            }
        }
        Set<String> unknownIds = new LinkedHashSet<>();
        for (String id : answers.ids()) {
            if (!byId.containsKey(id)) {
                unknownIds.add(id);
                run.unknown.add(unknownKey(id, answers.ids()));
            }
        }
        // A question that is an alternative to, or a detail of, another answer (an askWhen on whether that one was
        // answered) applies only when its condition holds: otherwise it takes no default and its value is not
        // used. An answer given to it anyway is kept in the normalized answers (nothing a user wrote is dropped)
        // and the rules name it in a caveat; refusing it would also refuse the robustness check's variants.
        Set<String> notApplicable = new HashSet<>();
        for (Question q : questions) {
            AskWhen when = q.askWhen();
            if (when == null || !when.aboutAnswered() || invalid.contains(when.question())) {
                continue;
            }
            if (!when.test(run.normalized.get(when.question()))) {
                notApplicable.add(q.id());
            } else if (q.defaultValue() == null && run.normalized.get(q.id()) == null && when.answered()) {
                run.error(q.id(), "an answer is required when " + when.question() + " is answered (" + q.prompt() + ")");
                invalid.add(q.id());
            }
        }
        // Literal defaults first: dependent defaults read them (e.g. model_size defaults to 7B).
        for (Question q : questions) {
            Object given = run.normalized.get(q.id());
            Object value = null;
            if (notApplicable.contains(q.id())) {
                run.effective.put(q.id(), null);
                continue;
            }
            if (given != null) {
                value = given;
            } else if (q.defaultValue() != null && !q.defaultValue().isDependent() && !invalid.contains(q.id())) {
                value = q.defaultValue().literal();
                run.defaulted.add(q.id());
            } else if (q.required() && !invalid.contains(q.id())) {
                run.error(q.id(), missingMessage(q, unknownIds));
            }
            run.effective.put(q.id(), value);
        }
        for (Question q : questions) {
            QuestionDefault d = q.defaultValue();
            if (run.effective.get(q.id()) != null || d == null || !d.isDependent() || invalid.contains(q.id())
                    || notApplicable.contains(q.id())) {
                continue;
            }
            Object on = run.effective.get(d.dependsOn());
            if (on == null) {
                // The question it depends on is itself missing or invalid, which is reported there.
                continue;
            }
            Optional<Object> value = d.valueFor(on);
            if (value.isPresent()) {
                run.effective.put(q.id(), value.get());
                run.defaulted.add(q.id());
            } else {
                AskWhen when = q.askWhen();
                String instead = when != null && when.aboutAnswered() && !when.answered()
                        ? ", or answer " + when.question() + " instead" : "";
                run.error(q.id(), "an answer is required when " + d.dependsOn() + " is " + on
                        + ": the guide gives no default for that case, so enter your own estimate"
                        + (q.unit() == null ? "" : " (" + q.unit() + ")") + instead);
            }
        }
        List<InputError> all = new ArrayList<>();
        for (Question q : questions) {
            all.addAll(run.errorsById.getOrDefault(q.id(), List.of()));
        }
        all.addAll(run.unknown);
        run.errors = List.copyOf(all);
        return run;
    }

    private String missingMessage(Question q, Set<String> unknownIds) {
        String message = "a required answer is missing (" + q.prompt() + ")";
        for (String id : unknownIds) {
            if (q.id().equals(closest(id).orElse(null))) {
                return message + "; the answers have '" + id + "', which looks like a misspelling of it";
            }
        }
        return message;
    }

    private InputError unknownKey(String id, Set<String> given) {
        String message = "'" + id + "' is not a question of this questionnaire";
        Optional<String> guess = closest(id);
        if (guess.isPresent() && !given.contains(guess.get())) {
            message += "; did you mean '" + guess.get() + "'?";
        } else if (guess.isPresent()) {
            message += "; it looks like '" + guess.get() + "', which is also given";
        }
        return new InputError(id, message);
    }

    /** The question id nearest to a mistyped key, if close enough to be a plausible typo. */
    Optional<String> closest(String typed) {
        String wanted = typed.trim().toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String id : byId.keySet()) {
            int distance = Text.editDistance(wanted, id);
            if (distance < bestDistance) {
                best = id;
                bestDistance = distance;
            }
        }
        // A third of the length tolerates a couple of slips in long ids without pairing unrelated words.
        int tolerance = Math.max(2, wanted.length() / 3);
        return best != null && bestDistance <= tolerance ? Optional.of(best) : Optional.empty();
    }


    private static <E extends Enum<E>> E enumOf(Class<E> type, Object value) {
        return value == null ? null : Enum.valueOf(type, (String) value);
    }

    @Override
    public String toString() {
        return "Questionnaire[" + source + ", " + questions.size() + " questions]";
    }

    /**
     * The questionnaire as JSON (questions and criteria, as {@code ragft questions --format json} and the
     * HTTP service's {@code GET /v1/questions} show it), indented.
     */
    public String toJson() {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        ArrayNode list = root.putArray("questions");
        for (Question question : questions()) {
            list.add(mapper.valueToTree(question));
        }
        ArrayNode catalog = root.putArray("criteria");
        criteria().forEach(c -> catalog.add(mapper.valueToTree(c)));
        try {
            return mapper.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the questionnaire could not be written as JSON", e);
        }
    }
}
