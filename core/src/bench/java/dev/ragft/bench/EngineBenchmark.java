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
 * SPEC §7 warm engine: time per advice on one thread with the full rule base of {@code rules/}, over a
 * rotation of varied consultations (so no single path is all the JIT sees). Run with
 * {@code bench/engine.sh}; the median is the {@code p0.50} line of each benchmark.
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

    private Engine engine;
    private Answers[] answers;
    private String[] lines;
    private Profile[] profiles;
    private CostFacts[] costs;
    private int next;

    @Setup
    public void load() throws IOException {
        Questionnaire questionnaire = Questionnaire.load(Path.of("questionnaires/advisor.json"));
        engine = new Engine(questionnaire, RuleBase.compile(RuleSource.fromDirectory(Path.of("rules"))));
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

    /** The SPEC §7 bar: Engine.advise (validation, defaults, cost model, rules, criteria trace). */
    @Benchmark
    public Advice advise() {
        return engine.advise(answers[nextIndex()]);
    }

    /** The rule session alone: new session, insert, fire, collect, dispose. */
    @Benchmark
    public RuleBase.Evaluation evaluate() {
        int i = nextIndex();
        return engine.rules().evaluate(profiles[i], costs[i]);
    }

    /** One line of the JSON-lines batch: parse, advise, write the compact report. */
    @Benchmark
    public String batchLine() throws JsonProcessingException {
        return COMPACT.writeValueAsString(JsonReport.tree(engine.advise(Answers.fromJson(lines[nextIndex()], "line"))));
    }
}
