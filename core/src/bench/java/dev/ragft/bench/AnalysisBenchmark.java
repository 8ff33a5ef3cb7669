package dev.ragft.bench;

import dev.ragft.Advice;
import dev.ragft.Analysis;
import dev.ragft.questionnaire.Answers;
import dev.ragft.engine.Engine;
import dev.ragft.engine.RuleBase;
import dev.ragft.engine.RuleSource;
import dev.ragft.analysis.Counterfactuals;
import dev.ragft.analysis.Relevance;
import dev.ragft.questionnaire.Questionnaire;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The complete "what would change the decision" analysis on a warm engine (SPEC §7: ≤ 20 ms), and one
 * adaptive-questionnaire check. Run with {@code bench/analysis.sh}; not part of {@code mvn verify}.
 * Sample mode, so JMH reports percentiles; the p0.50 line is the median.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class AnalysisBenchmark {

    private Engine engine;
    private Advice advice;
    private Engine baseline;
    private Advice baselineAdvice;
    private Answers partial;

    @Setup
    public void setUp() throws IOException {
        engine = new Engine(Questionnaire.load(Path.of("questionnaires/advisor.json")),
                RuleBase.compile(RuleSource.fromDirectory(Path.of("rules"))));
        String json = Files.readString(Path.of("core/src/test/resources/analysis/volume-flip.json"));
        String answers = json.substring(json.indexOf("\"answers\""));
        answers = answers.substring(answers.indexOf('{'), answers.lastIndexOf('}'));
        advice = engine.advise(Answers.fromJson(answers, "volume-flip.json"));
        // The naive baseline: the rules compiled as written, a new session per evaluation, no memo.
        baseline = new Engine(Questionnaire.load(Path.of("questionnaires/advisor.json")),
                RuleBase.compile(RuleSource.fromDirectory(Path.of("rules"))).withFreshSessions());
        baselineAdvice = baseline.advise(Answers.fromJson(answers, "volume-flip.json"));
        partial = Answers.empty().with("knowledge_change", "RARELY").with("query_variety", "REPETITIVE")
                .with("monthly_queries", 100_000L).with("hosting_infrastructure", true).with("training_examples", 10L);
    }

    @Benchmark
    public Analysis wholeAnalysis() {
        return Counterfactuals.analyze(engine, advice);
    }

    /** The same analysis on the naive baseline engine. */
    @Benchmark
    public Analysis baselineWholeAnalysis() {
        return Counterfactuals.analyze(baseline, baselineAdvice);
    }

    @Benchmark
    public Set<String> adaptiveCheck() {
        return Relevance.decidable(engine, partial, Set.of("examples_labeled", "model_size", "horizon_months",
                "fine_tune_cost_usd", "data_prep_cost_usd", "inference_monthly_usd", "retrains_per_year",
                "vector_db_monthly_usd", "retrieval_cost_per_query_usd", "generation_cost_per_query_usd"));
    }
}
