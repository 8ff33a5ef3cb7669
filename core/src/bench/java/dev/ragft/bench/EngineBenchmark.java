package dev.ragft.bench;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ragft.Advice;
import dev.ragft.questionnaire.Answers;
import dev.ragft.cost.CostModel;
import dev.ragft.engine.Engine;
import dev.ragft.report.JsonReport;
import dev.ragft.engine.RuleBase;
import dev.ragft.engine.RuleSource;
import dev.ragft.facts.CostFacts;
import dev.ragft.facts.Profile;
import dev.ragft.policy.CaseSpace;
import dev.ragft.questionnaire.Questionnaire;
import dev.ragft.questionnaire.ResolvedAnswers;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/**
 * The warm engine: time per advice on one thread with the full rule base of {@code rules/}. Run with
 * {@code bench/engine.sh}; the median is the {@code p0.50} line of each benchmark.
 *
 * <p>Every figure has its naive baseline in the same run: {@code baseline*} benchmarks use rules compiled
 * from DRL at run time and evaluated the straightforward way ({@link RuleBase#withFreshSessions()}: a new
 * stateful session per evaluation, no memo). The others use the packaged rules as an embedding application
 * gets them ({@code RuleBase.packaged}: precompiled, reused sessions, outcomes remembered per fact set).
 * {@code *Repeated} rotate four varied consultations (what the memo answers once warm); {@code *New} rotate
 * {@value #DISTINCT} distinct consultations of the exhaustive case space, more than every memo holds, so each
 * advice meets consultations the memo has forgotten (only the robustness strategies some consultations share
 * may still be remembered).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Threads(1)
public class EngineBenchmark {

    static final List<String> CONSULTATIONS = List.of(
            // the guide's small company
            "{\"knowledge_change\":\"RARELY\",\"query_variety\":\"REPETITIVE\",\"monthly_queries\":1000,"
                    + "\"hosting_infrastructure\":true,\"training_examples\":5000,\"model_size\":\"7B\","
                    + "\"data_prep_cost_usd\":1000,\"inference_monthly_usd\":50}",
            // the guide's enterprise
            "{\"knowledge_change\":\"RARELY\",\"query_variety\":\"REPETITIVE\",\"monthly_queries\":1000000,"
                    + "\"hosting_infrastructure\":true,\"training_examples\":20000,\"model_size\":\"70B\","
                    + "\"fine_tune_cost_usd\":1500,\"data_prep_cost_usd\":15000,\"inference_monthly_usd\":1000,"
                    + "\"vector_db_monthly_usd\":500}",
            // news: daily facts, wide queries, no hosting
            "{\"knowledge_change\":\"DAILY\",\"query_variety\":\"WIDE\",\"monthly_queries\":20000,"
                    + "\"hosting_infrastructure\":false,\"training_examples\":50,\"audit_trail_required\":true,"
                    + "\"out_of_domain_queries\":\"OFTEN\",\"latency_sensitivity\":\"LOW\"}",
            // style plus fresh facts: hybrid territory
            "{\"knowledge_change\":\"WEEKLY\",\"query_variety\":\"MIXED\",\"monthly_queries\":50000,"
                    + "\"hosting_infrastructure\":true,\"training_examples\":10000,\"style_format_needs\":true,"
                    + "\"audit_trail_required\":true,\"domain_consistency\":\"CONSISTENT\",\"on_prem_required\":true,"
                    + "\"latency_sensitivity\":\"HIGH\",\"latency_budget_ms\":300,\"horizon_months\":36}");

    private static final ObjectMapper COMPACT = new ObjectMapper()
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

    /** More distinct consultations than the memos hold (256 evaluations, 4,096 flip sets, 8,192 strategies). */
    static final int DISTINCT = 20_000;

    private Engine engine;
    private Engine baseline;
    private Answers[] distinct;
    private Profile[] distinctProfiles;
    private CostFacts[] distinctCosts;
    private int nextDistinct;
    private Answers[] answers;
    private String[] lines;
    private Profile[] profiles;
    private CostFacts[] costs;
    private int next;

    @Setup
    public void load() throws IOException {
        Questionnaire questionnaire = Questionnaire.load(Path.of("questionnaires/advisor.json"));
        RuleBase packaged = RuleBase.packaged(EngineBenchmark.class.getClassLoader(), null);
        engine = new Engine(questionnaire, packaged);
        // The naive baseline: DRL compiled at run time, a fresh stateful session per evaluation, no memo.
        baseline = new Engine(questionnaire, RuleBase.compile(RuleSource.fromDirectory(Path.of("rules"))).withFreshSessions());
        CaseSpace space = CaseSpace.standard(questionnaire, packaged);
        distinct = new Answers[DISTINCT];
        distinctProfiles = new Profile[DISTINCT];
        distinctCosts = new CostFacts[DISTINCT];
        long stride = Math.max(1, space.size() / DISTINCT);
        for (int i = 0; i < DISTINCT; i++) {
            distinct[i] = Answers.of(space.answers((i * stride) % space.size()));
            ResolvedAnswers resolved = questionnaire.resolve(distinct[i]);
            distinctProfiles[i] = resolved.profile();
            distinctCosts[i] = CostModel.toFacts(CostModel.compute(resolved.costs()));
        }
        int n = CONSULTATIONS.size();
        answers = new Answers[n];
        lines = CONSULTATIONS.toArray(new String[0]);
        profiles = new Profile[n];
        costs = new CostFacts[n];
        for (int i = 0; i < n; i++) {
            answers[i] = Answers.fromJson(CONSULTATIONS.get(i), "consultation " + i);
            ResolvedAnswers resolved = questionnaire.resolve(answers[i]);
            profiles[i] = resolved.profile();
            costs[i] = CostModel.toFacts(CostModel.compute(resolved.costs()));
        }
    }

    private int nextIndex() {
        int i = next;
        next = (i + 1) % answers.length;
        return i;
    }

    private int nextDistinctIndex() {
        int i = nextDistinct;
        nextDistinct = (i + 1) % DISTINCT;
        return i;
    }

    /** The bar: Engine.advise (validation, defaults, cost model, rules, robustness, criteria trace), four consultations again and again. */
    @Benchmark
    public Advice adviseRepeated() {
        return engine.advise(answers[nextIndex()]);
    }

    /** The same consultations, naive: run-time DRL build, a fresh session for each of the advice's evaluations. */
    @Benchmark
    public Advice baselineAdviseRepeated() {
        return baseline.advise(answers[nextIndex()]);
    }

    /** Engine.advise over consultations the memo has forgotten. */
    @Benchmark
    public Advice adviseNew() {
        return engine.advise(distinct[nextDistinctIndex()]);
    }

    /** The same distinct consultations, naive. */
    @Benchmark
    public Advice baselineAdviseNew() {
        return baseline.advise(distinct[nextDistinctIndex()]);
    }

    /** One rule session over facts the memo has forgotten: a reused, reset session; insert, fire, collect. */
    @Benchmark
    public RuleBase.Evaluation evaluateNew() {
        int i = nextDistinctIndex();
        return engine.rules().evaluate(distinctProfiles[i], distinctCosts[i]);
    }

    /** The same, naive: new session, insert, fire, collect, dispose. */
    @Benchmark
    public RuleBase.Evaluation baselineEvaluateNew() {
        int i = nextDistinctIndex();
        return baseline.rules().evaluate(distinctProfiles[i], distinctCosts[i]);
    }

    /** One line of the JSON-lines batch: parse, advise, write the compact report. */
    @Benchmark
    public String batchLine() throws JsonProcessingException {
        return COMPACT.writeValueAsString(JsonReport.tree(engine.advise(Answers.fromJson(lines[nextIndex()], "line"))));
    }
}
