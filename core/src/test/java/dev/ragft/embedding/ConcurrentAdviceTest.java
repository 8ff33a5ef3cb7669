package dev.ragft.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ragft.Advice;
import dev.ragft.Advisor;
import dev.ragft.questionnaire.Answers;
import dev.ragft.facts.CostPreference;
import dev.ragft.facts.DomainConsistency;
import dev.ragft.facts.KnowledgeChange;
import dev.ragft.facts.LatencySensitivity;
import dev.ragft.facts.ModelSize;
import dev.ragft.facts.OutOfDomain;
import dev.ragft.facts.QueryVariety;
import dev.ragft.testing.Fixtures;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * One {@link Advisor} shared by 8 threads gives exactly what a sequential run gives: 8 threads of
 * advices over 256 varied answer sets, each compared (the whole {@link Advice} record: recommendation,
 * every criterion, costs, caveats, fired rules) with the sequential result for the same answers.
 *
 * <p>In the test command 8 × 1,000 advices: every answer set about 31 times, on 8 threads at once
 * on every core, which is what finds shared mutable state (a wrong answer shows on the first
 * collision, not on the thousandth). The 8 × 10,000 of the issue that asked for this test (every set
 * about 312 times; 27 s on the idle 2-core machine, several minutes beside other builds) is
 * {@code -Dragft.concurrency.advices=10000}, which {@code bench/stress.sh} runs.
 */
class ConcurrentAdviceTest {

    static final int THREADS = 8;
    static final int ADVICES_PER_THREAD = Integer.getInteger("ragft.concurrency.advices", 1_000);
    static final int ANSWER_SETS = 256;

    static List<Answers> variedAnswers() {
        Random random = new Random(20240517L);
        List<Answers> sets = new ArrayList<>();
        long[] volumes = {500, 5_000, 10_000, 50_000, 1_000_000};
        long[] examples = {0, 50, 100, 1_000, 20_000};
        for (int i = 0; i < ANSWER_SETS; i++) {
            ModelSize size = pick(random, ModelSize.values());
            Answers.Builder builder = Answers.builder()
                    .knowledgeChange(pick(random, KnowledgeChange.values()))
                    .queryVariety(pick(random, QueryVariety.values()))
                    .monthlyQueries(volumes[random.nextInt(volumes.length)])
                    .hostingInfrastructure(random.nextBoolean())
                    .trainingExamples(examples[random.nextInt(examples.length)])
                    .onPremRequired(random.nextInt(4) == 0)
                    .auditTrailRequired(random.nextBoolean())
                    .styleFormatNeeds(random.nextBoolean())
                    .examplesLabeled(random.nextInt(4) != 0)
                    .costModelPreference(pick(random, CostPreference.values()))
                    .modelSize(size)
                    .horizonMonths(1 + random.nextInt(36));
            if (random.nextBoolean()) {
                builder.domainConsistency(pick(random, DomainConsistency.values()))
                        .outOfDomainQueries(pick(random, OutOfDomain.values()))
                        .latencySensitivity(pick(random, LatencySensitivity.values()))
                        .latencyBudgetMs(100 + random.nextInt(3000));
            }
            if (size == ModelSize.SIZE_405B) {
                builder.inferenceMonthlyUsd(new BigDecimal(2_000 + random.nextInt(8_000)));
            }
            sets.add(builder.build());
        }
        return sets;
    }

    static <T> T pick(Random random, T[] values) {
        return values[random.nextInt(values.length)];
    }

    @Test
    void eightThreadsAgreeWithASequentialRun() throws Exception {
        Advisor advisor = Fixtures.advisor();
        List<Answers> sets = variedAnswers();
        List<Advice> sequential = new ArrayList<>();
        for (Answers answers : sets) {
            sequential.add(advisor.advise(answers));
        }
        // The inputs really vary: all three strategies come out.
        assertThat(sequential).extracting(Advice::strategy).containsOnly(
                dev.ragft.facts.Strategy.values()).contains(dev.ragft.facts.Strategy.values());

        CyclicBarrier start = new CyclicBarrier(THREADS);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<List<String>>> results = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                Callable<List<String>> work = () -> {
                    start.await();
                    List<String> mismatches = new ArrayList<>();
                    for (int i = 0; i < ADVICES_PER_THREAD; i++) {
                        // Each thread walks the sets in its own order, so threads work on different answers at once.
                        int index = (i * (2 * thread + 1) + thread * 31) % ANSWER_SETS;
                        Advice advice = advisor.advise(sets.get(index));
                        if (!advice.equals(sequential.get(index))) {
                            mismatches.add("thread " + thread + ", advice " + i + ", answers " + index);
                        }
                    }
                    return mismatches;
                };
                results.add(pool.submit(work));
            }
            List<String> mismatches = new ArrayList<>();
            for (Future<List<String>> result : results) {
                mismatches.addAll(result.get());
            }
            assertThat(mismatches).isEmpty();
        } finally {
            pool.shutdownNow();
        }
        // The JSON reports (what a service returns) match too, for every answer set.
        for (int i = 0; i < ANSWER_SETS; i++) {
            assertThat(advisor.advise(sets.get(i)).toJson()).isEqualTo(sequential.get(i).toJson());
        }
    }
}
