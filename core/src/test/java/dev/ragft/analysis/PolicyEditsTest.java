package dev.ragft.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ragft.Advice;
import dev.ragft.Analysis;
import dev.ragft.questionnaire.Answers;
import dev.ragft.Flip;
import dev.ragft.InvalidAnswersException;
import dev.ragft.engine.Engine;
import dev.ragft.engine.RuleBase;
import dev.ragft.engine.RuleSource;
import dev.ragft.facts.Strategy;
import dev.ragft.questionnaire.Choice;
import dev.ragft.questionnaire.Question;
import dev.ragft.questionnaire.QuestionType;
import dev.ragft.questionnaire.Questionnaire;
import dev.ragft.testing.BruteForce;
import dev.ragft.testing.Fixtures;
import dev.ragft.testing.RulesCopy;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The analysis follows the rules: for policy edits made in a copy of {@code rules/} (none; a renamed key
 * with a new value; moved thresholds; a new rule with a threshold of its own on monthly_queries; a deleted
 * rule; a new criterion with its weight and catalog entry), the whole "what would change this" analysis (every
 * flip and every question that changes nothing) is identical to a brute-force sweep with the full engine,
 * and every question the console would skip is verified by brute force over the edited rules.
 */
class PolicyEditsTest {

    /** Consultations chosen to sit near the edited thresholds and on both sides of the decision. */
    private static final List<String> CONSULTATIONS = List.of("examples/small-company.json",
            "analysis/volume-flip.json", "analysis/few-examples.json", "examples/enterprise.json");

    /**
     * Steps of the brute-force grid: 8%, finer than any stretch the rules or the cost model make here (the
     * narrowest, the parity band around the cost crossover, spans about 20%). Bisection then finds the exact tick.
     */
    private static final double GRID = 1.08;

    /** Steps of the values tried for a skipped number: coarser, since every combination is evaluated. */
    private static final double SKIP_GRID = 1.25;

    @TempDir
    static Path tmp;

    record Edit(String name, Editor editor) {
        @Override
        public String toString() {
            return name;
        }
    }

    interface Editor {
        /** Edits the copy of rules/ and of advisor.json in place. */
        void apply(Path rules, Path questionnaire) throws IOException;
    }

    static Stream<Edit> edits() {
        return Stream.of(
                new Edit("shipped rules", (rules, questionnaire) -> { }),
                new Edit("renamed key volume.high-queries = 30000", (rules, questionnaire) -> {
                    RulesCopy.edit(rules, "policy.properties", "volume.monthly-queries = 10000", "volume.high-queries = 30000");
                    replaceAll(rules.resolve("40-cost-analysis.drl"), "volume.monthly-queries", "volume.high-queries");
                }),
                new Edit("moved thresholds", (rules, questionnaire) -> {
                    RulesCopy.edit(rules, "policy.properties", "training.minimum-examples = 100", "training.minimum-examples = 2500");
                    RulesCopy.edit(rules, "policy.properties", "volume.monthly-queries = 10000", "volume.monthly-queries = 900");
                    RulesCopy.edit(rules, "policy.properties", "cost.parity-band = 0.10", "cost.parity-band = 0.25");
                }),
                new Edit("new rule with its own threshold on monthly_queries", (rules, questionnaire) -> {
                    Files.writeString(rules.resolve("policy.properties"),
                            Files.readString(rules.resolve("policy.properties")) + "\nvolume.very-high-queries = 40000\n");
                    Files.writeString(rules.resolve("41-very-high-volume.drl"), """
                            package dev.ragft.rules;
                            import dev.ragft.facts.Profile;
                            import dev.ragft.facts.Policy;
                            import dev.ragft.facts.Favor;
                            import dev.ragft.facts.Findings;

                            rule "Very high query volume favours fine-tuning strongly"
                                @criterion("cost.volume-rule-of-thumb") @section("Cost analysis")
                            when
                                $policy : Policy()
                                Profile(monthlyQueries >= $policy.threshold("volume.very-high-queries"))
                            then
                                insertLogical(Findings.of(drools, $policy, Favor.FINE_TUNE, "Very high volume"));
                                insertLogical(Findings.of(drools, $policy, Favor.FINE_TUNE, "Very high volume, again"));
                            end
                            """);
                }),
                new Edit("deleted rule", (rules, questionnaire) -> {
                    String drl = Files.readString(rules.resolve("70-faq.drl"));
                    int start = drl.indexOf("rule \"Too few training examples rule out fine-tuning\"");
                    int end = drl.indexOf("\nend\n", start) + 5;
                    Files.writeString(rules.resolve("70-faq.drl"), drl.substring(0, start) + drl.substring(end));
                }),
                new Edit("new criterion with weight and catalog entry", (rules, questionnaire) -> {
                    Files.writeString(rules.resolve("policy.properties"), Files.readString(rules.resolve("policy.properties"))
                            + "\nweight.data.huge-set = 6\ntraining.huge-examples = 3000\n");
                    Files.writeString(rules.resolve("72-huge-set.drl"), """
                            package dev.ragft.rules;
                            import dev.ragft.facts.Profile;
                            import dev.ragft.facts.Policy;
                            import dev.ragft.facts.Favor;
                            import dev.ragft.facts.Findings;

                            rule "A huge labeled training set favours fine-tuning"
                                @criterion("data.huge-set") @section("FAQ (how much training data)")
                            when
                                $policy : Policy()
                                Profile(trainingExamples >= $policy.threshold("training.huge-examples"), examplesLabeled == true)
                            then
                                insertLogical(Findings.of(drools, $policy, Favor.FINE_TUNE, "A huge labeled training set"));
                            end
                            """);
                    replaceAll(questionnaire, "\"criteria\": [\n", "\"criteria\": [\n    {\"id\": \"data.huge-set\", "
                            + "\"section\": \"FAQ (how much training data)\", \"title\": \"Huge training set\", "
                            + "\"drivenBy\": [\"training_examples\", \"examples_labeled\"]},\n");
                    replaceAll(questionnaire, "\"criteria\": [\"data.training-volume\"]", "\"criteria\": [\"data.training-volume\", \"data.huge-set\"]");
                    replaceAll(questionnaire, "\"criteria\": [\"data.labeling\"]", "\"criteria\": [\"data.labeling\", \"data.huge-set\"]");
                }));
    }

    @ParameterizedTest
    @MethodSource("edits")
    void theAnalysisEqualsABruteForceSweepOfTheEditedRules(Edit edit) throws IOException {
        Engine engine = edited(edit);
        int flips = 0;
        for (Fixtures.Consultation consultation : consultations()) {
            flips += assertAnalysisEqualsBruteForce(engine, consultation.answers(), edit + ", " + consultation);
        }
        assertThat(flips).as("the consultations exercise the analysis").isGreaterThan(3);
    }

    /**
     * The freshness rules compare a derived value ({@code Profile.stalenessRatio}, from retrains_per_year and
     * knowledge_change), not an answer: the analysis reads its band edges by computing it over the answer's range.
     * In these consultations retrains_per_year flips the strategy at such an edge (weekly facts: 17 or fewer
     * retrains a year leave a lag above 3; daily facts: 31 or more bring it to 12 or less); the analysis that read
     * only components missed them (found by brute force over 80 variants of the examples: 11 misses).
     */
    @ParameterizedTest
    @MethodSource("stalenessConsultations")
    void theAnalysisFollowsAValueTheRulesDeriveFromAnswers(String name, String json) throws IOException {
        Engine engine = edited(edits().findFirst().orElseThrow());
        Answers answers = Answers.fromJson(json, name);
        Advice advice = engine.advise(answers);
        assertThat(Counterfactuals.analyze(engine, advice).flips()).as(name + ": retrains_per_year flips here")
                .anyMatch(flip -> flip.question().equals("retrains_per_year"));
        assertAnalysisEqualsBruteForce(engine, answers, name);
    }

    static Stream<Arguments> stalenessConsultations() {
        return Stream.of(
                Arguments.of("documentation Q&A, weekly facts, 26 retrains", """
                        {"knowledge_change": "WEEKLY", "domain_consistency": "CONSISTENT", "documents_cover_answers": "MOSTLY",
                         "query_variety": "REPETITIVE", "out_of_domain_queries": "RARE", "monthly_queries": 20000,
                         "latency_sensitivity": "MEDIUM", "hosting_infrastructure": true, "training_examples": 3000,
                         "retrains_per_year": 26}"""),
                Arguments.of("enterprise, daily facts, 26 retrains", """
                        {"knowledge_change": "DAILY", "domain_consistency": "CONSISTENT", "query_variety": "MIXED",
                         "monthly_queries": 1000000, "hosting_infrastructure": true, "cost_model_preference": "PREDICTABLE",
                         "training_examples": 20000, "model_size": "70B", "horizon_months": 12, "fine_tune_cost_usd": 1500,
                         "data_prep_cost_usd": 15000, "inference_monthly_usd": 1000, "retrains_per_year": 26,
                         "vector_db_monthly_usd": 500, "retrieval_cost_per_query_usd": 0.1, "generation_cost_per_query_usd": 0.01}"""));
    }

    /** The whole analysis (flips and questions that change nothing) against the brute force; returns the number of flips. */
    private static int assertAnalysisEqualsBruteForce(Engine engine, Answers answers, String label) {
        Advice advice = engine.advise(answers);
        Analysis analysis = Counterfactuals.analyze(engine, advice);
        Map<String, String> expected = new LinkedHashMap<>();
        List<String> expectedStable = new ArrayList<>();
        List<Question> questions = engine.questionnaire().questions();
        // Each question's sweep is its own run of the full engine, which is thread-safe: on every core.
        Flip[] swept = new Flip[questions.size()];
        IntStream.range(0, questions.size()).parallel().forEach(i -> swept[i] = bruteForce(engine, advice, questions.get(i)));
        for (int i = 0; i < questions.size(); i++) {
            Question q = questions.get(i);
            Flip flip = swept[i];
            if (flip == null) {
                expectedStable.add(q.id());
            } else {
                expected.put(q.id(), describe(flip));
            }
        }
        Map<String, String> actual = new LinkedHashMap<>();
        analysis.flips().forEach(flip -> actual.put(flip.question(), describe(flip)));
        assertThat(actual).as(label + ": flips").containsExactlyInAnyOrderEntriesOf(expected);
        assertThat(analysis.stable()).as(label + ": questions that change nothing")
                .containsExactlyInAnyOrderElementsOf(expectedStable);
        return actual.size();
    }

    /** The console's skipping over the edited rules: every skip survives a brute-force check with the full engine. */
    @ParameterizedTest
    @MethodSource("edits")
    void everyQuestionTheConsoleSkipsIsVerifiedByBruteForce(Edit edit) throws IOException {
        Engine engine = edited(edit);
        int skippedAtAll = 0;
        for (Fixtures.Consultation consultation : consultations()) {
            List<Question> questions = engine.questionnaire().questions();
            Set<String> remaining = new LinkedHashSet<>();
            questions.forEach(q -> remaining.add(q.id()));
            Set<String> skipped = new LinkedHashSet<>();
            Answers full = consultation.answers();
            Answers soFar = Answers.empty();
            for (Question q : questions) {
                remaining.remove(q.id());
                if (skipped.contains(q.id())) {
                    continue;
                }
                if (full.contains(q.id())) {
                    soFar = soFar.with(q.id(), full.get(q.id()));
                }
                skipped.addAll(Relevance.decidable(engine, soFar, remaining));
            }
            assertThat(skipped).as(edit + ", " + consultation).doesNotContainAnyElementsOf(Relevance.neverSkipped(engine));
            if (!skipped.isEmpty()) {
                // The skipped questions take their defaults: that is the consultation the console runs.
                Answers asRun = full;
                for (String id : skipped) {
                    asRun = asRun.without(id);
                }
                BruteForce.verifySkippable(engine, asRun, new ArrayList<>(skipped), edit + ", " + consultation,
                        PolicyEditsTest::denseDomain);
                skippedAtAll += skipped.size();
            }
        }
        assertThat(skippedAtAll).as(edit + ": the console skips something").isPositive();
    }

    private static List<Fixtures.Consultation> consultations() {
        return Fixtures.consultations().stream().filter(c -> CONSULTATIONS.contains(c.name())).toList();
    }

    private static final Map<String, Engine> ENGINES = new LinkedHashMap<>();

    private static synchronized Engine edited(Edit edit) throws IOException {
        Engine known = ENGINES.get(edit.name());
        if (known != null) {
            return known;
        }
        if (edit.name().equals("shipped rules")) {
            // An unedited copy is rules/ itself: the rule base the other test classes share, not a compile more.
            return Fixtures.engine();
        }
        Path dir = Files.createDirectories(tmp.resolve("edit" + ENGINES.size()));
        Path rules = RulesCopy.of(dir);
        Path questionnaire = dir.resolve("advisor.json");
        Files.copy(Path.of("questionnaires/advisor.json"), questionnaire);
        edit.editor().apply(rules, questionnaire);
        Engine engine = new Engine(Questionnaire.load(questionnaire), RuleBase.compile(RuleSource.fromDirectory(rules)));
        ENGINES.put(edit.name(), engine);
        return engine;
    }

    private static void replaceAll(Path file, String from, String to) throws IOException {
        String text = Files.readString(file);
        assertThat(text).contains(from);
        Files.writeString(file, text.replace(from, to));
    }

    private static String describe(Flip flip) {
        return flip.direction() + " " + flip.to() + " -> " + flip.strategy();
    }

    // --- the brute force: the full engine, value by value, knowing nothing of the rules ----------------------

    /** The values a skipped question is tried with: every choice, and numbers on a grid of 25% steps over their range. */
    static List<Object> denseDomain(Question q) {
        List<Object> values = new ArrayList<>();
        if (!q.required()) {
            values.add(null);
        }
        switch (q.type()) {
            case BOOLEAN -> values.addAll(List.of(true, false));
            case ENUM -> q.choices().stream().map(Choice::value).forEach(values::add);
            case INTEGER, NUMBER -> {
                Scale s = new Scale(q, null);
                for (long ticks : grid(s, null, SKIP_GRID)) {
                    values.add(s.value(ticks));
                }
            }
        }
        return values;
    }

    /** The nearest flip for one question, as the analysis defines it, by sweeping with the full engine. */
    private static Flip bruteForce(Engine engine, Advice advice, Question q) {
        Object current = advice.effectiveAnswers().get(q.id());
        Strategy baseline = advice.strategy();
        Flip best = null;
        if (q.type() == QuestionType.ENUM || q.type() == QuestionType.BOOLEAN) {
            List<Object> values = new ArrayList<>();
            if (q.type() == QuestionType.BOOLEAN) {
                values.addAll(List.of(Boolean.TRUE, Boolean.FALSE));
            } else {
                q.choices().stream().map(Choice::value).forEach(values::add);
            }
            for (Object value : values) {
                if (value.equals(current)) {
                    continue;
                }
                double distance = current == null || q.type() == QuestionType.BOOLEAN ? 1
                        : Math.abs(values.indexOf(value) - values.indexOf(current));
                Strategy got = strategy(engine, advice.answers().with(q.id(), value));
                if (got != null && got != baseline && (best == null || distance < best.distance())) {
                    best = new Flip(q.id(), current, value, got, "set", distance, "");
                }
            }
        } else {
            Scale probe = new Scale(q, null);
            Long now = current == null ? null : current instanceof Long l ? l : probe.ticks((BigDecimal) current);
            Scale s = new Scale(q, now);
            TreeSet<Long> samples = grid(s, now, GRID);
            if (now == null) {
                return firstRegion(engine, advice, s, samples);
            }
            Flip up = null;
            long previous = now;
            for (long sample : samples.tailSet(now, false)) {
                if (at(engine, advice, s, sample) != baseline) {
                    long threshold = bisect(engine, advice, s, previous, sample);
                    up = flip(engine, advice, s, now, threshold, "above");
                    break;
                }
                previous = sample;
            }
            Flip down = null;
            previous = now;
            for (long sample : samples.headSet(now, false).descendingSet()) {
                if (at(engine, advice, s, sample) != baseline) {
                    long threshold = bisect(engine, advice, s, previous, sample);
                    down = flip(engine, advice, s, now, threshold, "below");
                    break;
                }
                previous = sample;
            }
            best = up;
            if (down != null && (best == null || down.distance() < best.distance())) {
                best = down;
            }
        }
        if (current != null && !q.required() && q.defaultValue() == null) {
            Strategy got = strategy(engine, advice.answers().with(q.id(), null));
            if (got != null && got != baseline && (best == null || 1 < best.distance())) {
                best = new Flip(q.id(), current, null, got, "set", 1, "");
            }
        }
        return best;
    }

    private static Flip firstRegion(Engine engine, Advice advice, Scale s, TreeSet<Long> samples) {
        Strategy baseline = advice.strategy();
        Long previous = null;
        for (long sample : samples) {
            if (at(engine, advice, s, sample) != baseline) {
                if (previous != null) {
                    return flip(engine, advice, s, null, bisect(engine, advice, s, previous, sample), "above");
                }
                Long inside = sample;
                for (long next : samples.tailSet(sample, false)) {
                    if (at(engine, advice, s, next) == baseline) {
                        return flip(engine, advice, s, null, bisect(engine, advice, s, next, inside), "below");
                    }
                    inside = next;
                }
                return flip(engine, advice, s, null, s.hi, "below");
            }
            previous = sample;
        }
        return null;
    }

    private static Flip flip(Engine engine, Advice advice, Scale s, Long now, long threshold, String direction) {
        double distance = now == null ? 1 : now == 0 ? Math.abs((double) threshold)
                : Math.abs((double) threshold - now) / Math.abs((double) now);
        return new Flip(s.q.id(), now == null ? null : s.value(now), s.value(threshold), at(engine, advice, s, threshold),
                direction, distance, "");
    }

    private static long bisect(Engine engine, Advice advice, Scale s, long same, long flipped) {
        while (Math.abs(flipped - same) > 1) {
            long mid = same + (flipped - same) / 2;
            if (at(engine, advice, s, mid) == advice.strategy()) {
                same = mid;
            } else {
                flipped = mid;
            }
        }
        return flipped;
    }

    private static Strategy at(Engine engine, Advice advice, Scale s, long ticks) {
        Strategy got = strategy(engine, advice.answers().with(s.q.id(), s.value(ticks)));
        return got == null ? advice.strategy() : got;
    }

    private static Strategy strategy(Engine engine, Answers answers) {
        try {
            return engine.advise(answers).strategy();
        } catch (InvalidAnswersException notAConsultation) {
            return null;
        }
    }

    /** The searched range in ticks of the answer's precision, as the analysis documents it. */
    record Scale(Question q, int decimals, long lo, long hi) {
        Scale(Question q, Long current) {
            this(q, decimals(q), lo(q), hi(q, current));
        }

        private static int decimals(Question q) {
            return q.type() == QuestionType.INTEGER ? 0 : q.unit() != null && q.unit().contains("query") ? 4 : 2;
        }

        private static long lo(Question q) {
            return q.min() == null ? 0 : q.min().movePointRight(decimals(q)).setScale(0, RoundingMode.CEILING).longValueExact();
        }

        private static long hi(Question q, Long current) {
            if (q.max() != null) {
                return q.max().movePointRight(decimals(q)).setScale(0, RoundingMode.CEILING).longValueExact();
            }
            long thousand = BigDecimal.valueOf(1000).movePointRight(decimals(q)).longValueExact();
            return Math.max(current == null ? 0 : current * 1000, thousand);
        }

        long ticks(BigDecimal value) {
            return value.movePointRight(decimals).setScale(0, RoundingMode.CEILING).longValueExact();
        }

        Object value(long ticks) {
            return decimals == 0 ? (Object) ticks : BigDecimal.valueOf(ticks, decimals);
        }
    }

    private static TreeSet<Long> grid(Scale s, Long current, double ratio) {
        TreeSet<Long> samples = new TreeSet<>();
        samples.add(s.lo());
        samples.add(s.hi());
        long start = current == null ? Math.max(s.lo(), 1) : current;
        samples.add(start);
        for (double x = Math.max(start, 1); x < s.hi(); x = Math.max(x + 1, Math.ceil(x * ratio))) {
            samples.add((long) x);
        }
        for (double x = start; x > s.lo(); x = Math.min(x - 1, Math.floor(x / ratio))) {
            samples.add((long) x);
        }
        samples.removeIf(v -> v < s.lo() || v > s.hi());
        return samples;
    }
}
