package dev.ragft.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ragft.InvalidAnswersException;
import dev.ragft.questionnaire.Answers;
import dev.ragft.engine.Engine;
import dev.ragft.facts.Strategy;
import dev.ragft.questionnaire.Choice;
import dev.ragft.questionnaire.Question;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Brute-force checks of "these questions cannot change the outcome", through the full engine; shared by
 * the relevance tests and the console's adaptive-interview tests.
 */
public final class BruteForce {

    /** Above this many combinations the brute force takes a fixed pseudo-random sample plus every one-at-a-time change. */
    public static final int LIMIT = 300;

    private BruteForce() {
    }

    /**
     * Asserts that the strategy for {@code full} does not change whatever {@code skipped} are set to: every
     * combination of {@link #concreteDomain} values (or, above {@link #LIMIT} combinations, a fixed
     * pseudo-random sample plus every one-at-a-time change), through the full engine.
     *
     * @param what names the case in the failure message
     */
    public static void verifySkippable(Engine engine, Answers full, List<String> skipped, String what) {
        verifySkippable(engine, full, skipped, what, BruteForce::concreteDomain);
    }

    /** As {@link #verifySkippable(Engine, Answers, List, String)}, with the values each question takes given by {@code domainOf}. */
    public static void verifySkippable(Engine engine, Answers full, List<String> skipped, String what,
                                       java.util.function.Function<Question, List<Object>> domainOf) {
        List<List<Object>> domains = new ArrayList<>();
        long size = 1;
        for (String id : skipped) {
            List<Object> domain = domainOf.apply(engine.questionnaire().question(id).orElseThrow());
            domains.add(domain);
            size *= domain.size();
        }
        Strategy expected = engine.advise(full).strategy();
        List<int[]> combos = new ArrayList<>();
        if (size <= LIMIT) {
            for (long index = 0; index < size; index++) {
                int[] digits = new int[domains.size()];
                long rest = index;
                for (int i = 0; i < digits.length; i++) {
                    digits[i] = (int) (rest % domains.get(i).size());
                    rest /= domains.get(i).size();
                }
                combos.add(digits);
            }
        } else {
            Random random = new Random(42);
            for (int n = 0; n < LIMIT; n++) {
                int[] digits = new int[domains.size()];
                for (int i = 0; i < digits.length; i++) {
                    digits[i] = random.nextInt(domains.get(i).size());
                }
                combos.add(digits);
            }
            for (int i = 0; i < domains.size(); i++) {
                for (int v = 0; v < domains.get(i).size(); v++) {
                    int[] digits = new int[domains.size()];
                    digits[i] = v;
                    combos.add(digits);
                }
            }
        }
        for (int[] digits : combos) {
            Answers answers = full;
            for (int i = 0; i < digits.length; i++) {
                answers = answers.with(skipped.get(i), domains.get(i).get(digits[i]));
            }
            if ("405B".equals(answers.get("model_size")) && answers.get("inference_monthly_usd") == null) {
                answers = answers.with("inference_monthly_usd", new BigDecimal("5000"));
            }
            if (!engine.questionnaire().validate(answers).isEmpty() || !resolves(engine, answers)) {
                // Not a consultation: alternatives given together (a stated serving cost and an instance price,
                // per-query and per-token generation prices) or computed costs beyond the stated maxima.
                continue;
            }
            assertThat(engine.advise(answers).strategy()).as(what + ": skipped " + skipped + " set to "
                    + Arrays.toString(digits)).isEqualTo(expected);
        }
    }

    private static boolean resolves(Engine engine, Answers answers) {
        try {
            engine.questionnaire().resolve(answers);
            return true;
        } catch (InvalidAnswersException refused) {
            return false;
        }
    }

    /** Concrete values spanning every policy bucket and both ends of the cost inputs; null = unanswered. */
    public static List<Object> concreteDomain(Question q) {
        List<Object> values = new ArrayList<>();
        if (!q.required()) {
            values.add(null);
        }
        switch (q.type()) {
            case BOOLEAN -> values.addAll(List.of(true, false));
            case ENUM -> q.choices().stream().map(Choice::value).forEach(values::add);
            case INTEGER -> {
                List<Long> candidates = switch (q.id()) {
                    case "monthly_queries" -> List.of(1L, 9_999L, 10_000L, 10_000_000L);
                    case "training_examples" -> List.of(0L, 50L, 100L, 1_000L, 10_000L);
                    case "latency_budget_ms" -> List.of(100L, 1_000L, 5_000L);
                    case "retrains_per_year" -> List.of(0L, 2L, 12L, 52L);
                    case "horizon_months" -> List.of(1L, 120L);
                    default -> List.of(q.min() == null ? 0L : q.min().longValueExact());
                };
                values.addAll(candidates);
            }
            // A large value, but within the question's bounds (a price per query is at most $10).
            case NUMBER -> values.addAll(List.of(BigDecimal.ZERO,
                    q.max() == null ? new BigDecimal("100000") : q.max().min(new BigDecimal("100000"))));
        }
        return values;
    }
}
