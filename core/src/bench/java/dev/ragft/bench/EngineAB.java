package dev.ragft.bench;

import dev.ragft.cost.CostModel;
import dev.ragft.engine.Engine;
import dev.ragft.engine.RuleBase;
import dev.ragft.engine.RuleSource;
import dev.ragft.facts.CostFacts;
import dev.ragft.facts.Profile;
import dev.ragft.policy.CaseSpace;
import dev.ragft.questionnaire.Answers;
import dev.ragft.questionnaire.Questionnaire;
import dev.ragft.questionnaire.ResolvedAnswers;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * The warm engine against its naive baseline, interleaved in one JVM: rounds alternate between the
 * two (and their order), and each operation's thread CPU time is taken, so the load of a shared machine
 * hits both alike and mostly stays out of the figures (JMH's wall-clock runs one benchmark after the
 * other, each at that minute's load). Prints per scenario the median CPU µs per operation of each and
 * their ratio. Run with {@code bench/engine-ab.sh [ROUNDS]}.
 *
 * <p>fast: the packaged rules as {@code Advisor.fromClasspath()} loads them (precompiled, reused
 * sessions, memo per fact set). baseline: DRL compiled at run time, a fresh stateful session per
 * evaluation, no memo. Scenarios as in {@link EngineBenchmark}: four consultations repeated; distinct
 * consultations of the case space the memos cannot hold; one rule session over distinct facts.
 */
public final class EngineAB {

    private EngineAB() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        Questionnaire questionnaire = Questionnaire.load(Path.of("questionnaires/advisor.json"));
        RuleBase packaged = RuleBase.packaged(EngineAB.class.getClassLoader(), null);
        Engine fast = new Engine(questionnaire, packaged);
        Engine baseline = new Engine(questionnaire,
                RuleBase.compile(RuleSource.fromDirectory(Path.of("rules"))).withFreshSessions());
        Answers[] repeated = EngineBenchmark.CONSULTATIONS.stream().map(json -> Answers.fromJson(json, "bench"))
                .toArray(Answers[]::new);
        CaseSpace space = CaseSpace.standard(questionnaire, packaged);
        int distinctCount = EngineBenchmark.DISTINCT;
        Answers[] distinct = new Answers[distinctCount];
        Profile[] profiles = new Profile[distinctCount];
        CostFacts[] costs = new CostFacts[distinctCount];
        long stride = Math.max(1, space.size() / distinctCount);
        for (int i = 0; i < distinctCount; i++) {
            distinct[i] = Answers.of(space.answers((i * stride) % space.size()));
            ResolvedAnswers resolved = questionnaire.resolve(distinct[i]);
            profiles[i] = resolved.profile();
            costs[i] = CostModel.toFacts(CostModel.compute(resolved.costs()));
        }
        int[] next = new int[1];
        record Scenario(String name, int opsPerRound, IntConsumer fast, IntConsumer baseline) {
        }
        List<Scenario> scenarios = List.of(
                new Scenario("advice, 4 consultations repeated", 400,
                        i -> fast.advise(repeated[i % repeated.length]), i -> baseline.advise(repeated[i % repeated.length])),
                new Scenario("advice, distinct consultations", 20,
                        i -> fast.advise(distinct[i % distinctCount]), i -> baseline.advise(distinct[i % distinctCount])),
                new Scenario("one rule session, distinct facts", 200,
                        i -> fast.rules().evaluate(profiles[i % distinctCount], costs[i % distinctCount]),
                        i -> baseline.rules().evaluate(profiles[i % distinctCount], costs[i % distinctCount])));
        ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        System.out.printf("load average before: %s%n", loadAverage());
        for (Scenario scenario : scenarios) {
            List<Long> fastTimes = new ArrayList<>();
            List<Long> baseTimes = new ArrayList<>();
            for (int round = -2; round < rounds; round++) { // two warm-up rounds, not recorded
                for (int side = 0; side < 2; side++) {
                    boolean isFast = (side == 0) == (round % 2 == 0);
                    IntConsumer op = isFast ? scenario.fast() : scenario.baseline();
                    List<Long> into = isFast ? fastTimes : baseTimes;
                    // Both sides see the same operations: the same start index for a round.
                    int start = next[0];
                    for (int k = 0; k < scenario.opsPerRound(); k++) {
                        long t0 = bean.getCurrentThreadCpuTime();
                        op.accept(start + k);
                        long t1 = bean.getCurrentThreadCpuTime();
                        if (round >= 0) {
                            into.add(t1 - t0);
                        }
                    }
                }
                next[0] += scenario.opsPerRound();
            }
            double f = median(fastTimes) / 1000.0;
            double b = median(baseTimes) / 1000.0;
            System.out.printf("%-34s fast %10.1f us CPU, baseline %10.1f us CPU (medians of %d each), fast/baseline %.3f%n",
                    scenario.name(), f, b, fastTimes.size(), f / b);
        }
        System.out.printf("load average after: %s%n", loadAverage());
    }

    private static double median(List<Long> values) {
        long[] sorted = values.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static String loadAverage() {
        try {
            return java.nio.file.Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }
}
