package dev.ragft.engine;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ragft.Advice;
import dev.ragft.policy.CaseSpace;
import dev.ragft.questionnaire.Answers;
import dev.ragft.questionnaire.Questionnaire;
import dev.ragft.report.JsonReport;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The equality proofs of the fast engine, over the exhaustive case space ({@link CaseSpace#standard}); each
 * case's JSON report must be byte-identical across three engines:
 * <ul>
 *   <li><b>insert/insertLogical</b>: the rules as written (every {@code insertLogical}) against the rules
 *       compiled with plain {@code insert} where a derivation cannot be retracted
 *       ({@link RuleBase#compileWithPlainInserts}, {@code PlainInserts}), both with a new stateful session
 *       per evaluation and no memo;</li>
 *   <li><b>pooled/fresh</b>: the rules as written in fresh sessions against the fast engine, which reuses
 *       reset sessions, remembers outcomes per fact set (strategies per profile and cost view) and skips the
 *       robustness ends the rules cannot tell apart (cost views), the first time a case is advised and the
 *       second (the memo answers).</li>
 * </ul>
 * {@code EngineEqualityTest} runs a stride of the space in the test command; {@code bench/equality.sh}
 * runs the whole of it: {@code main(stride, threads)} prints the cases compared and every mismatch.
 */
public final class EngineEquality {

    private static final ObjectMapper JSON = new ObjectMapper().enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

    private EngineEquality() {
    }

    /** The cases compared and the first mismatches (at most ten), described. */
    public record Result(long compared, List<String> mismatches) {
    }

    /** Compares case 0, stride, 2·stride, … of {@code space}, on {@code threads} threads. */
    public static Result compare(Questionnaire questionnaire, RuleBase rules, CaseSpace space, long stride, int threads)
            throws Exception {
        Engine fast = new Engine(questionnaire, rules);
        Engine fresh = new Engine(questionnaire, rules.withFreshSessions());
        Engine plain = new Engine(questionnaire, RuleBase.compileWithPlainInserts(rules.source()).withFreshSessions());
        List<String> mismatches = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicLong compared = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                long first = t * stride;
                long step = threads * stride;
                work.add(pool.submit(() -> {
                    for (long index = first; index < space.size(); index += step) {
                        Answers answers = Answers.of(space.answers(index));
                        String expected = report(fresh, answers);
                        String plainInserts = report(plain, answers);
                        if (!plainInserts.equals(expected) && mismatches.size() < 10) {
                            mismatches.add("case " + index + " (insert against insertLogical): " + space.answers(index)
                                    + "\n as written:   " + expected + "\n plain insert: " + plainInserts);
                        }
                        for (String round : List.of("reused session", "memo")) {
                            String actual = report(fast, answers);
                            if (!expected.equals(actual) && mismatches.size() < 10) {
                                mismatches.add("case " + index + " (" + round + " against fresh): " + space.answers(index)
                                        + "\n fresh:  " + expected + "\n reused: " + actual);
                            }
                        }
                        compared.incrementAndGet();
                    }
                    return null;
                }));
            }
            for (Future<?> done : work) {
                done.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return new Result(compared.get(), List.copyOf(mismatches));
    }

    // A fault or invalid answers are compared by their message: both engines must fail alike.
    private static String report(Engine engine, Answers answers) {
        try {
            Advice advice = engine.advise(answers);
            return JSON.writeValueAsString(JsonReport.tree(advice));
        } catch (RuntimeException | IOException failed) {
            return failed.getClass().getName() + ": " + failed.getMessage();
        }
    }

    /** {@code bench/equality.sh [STRIDE] [THREADS]}: the whole space by default (stride 1), on every core. */
    public static void main(String[] args) throws Exception {
        long stride = args.length > 0 ? Long.parseLong(args[0]) : 1;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : Runtime.getRuntime().availableProcessors();
        Questionnaire questionnaire = Questionnaire.load(Path.of("questionnaires/advisor.json"));
        RuleBase rules = RuleBase.compile(RuleSource.fromDirectory(Path.of("rules")));
        CaseSpace space = CaseSpace.standard(questionnaire, rules);
        long start = System.nanoTime();
        Result result = compare(questionnaire, rules, space, stride, threads);
        System.out.printf("compared %,d cases of %,d (stride %d, %d threads) in %.0f s: %d mismatches%n",
                result.compared(), space.size(), stride, threads, (System.nanoTime() - start) / 1e9,
                result.mismatches().size());
        result.mismatches().forEach(System.out::println);
        System.exit(result.mismatches().isEmpty() ? 0 : 1);
    }
}
