package dev.ragft;

import java.time.Duration;
import java.util.Objects;

/**
 * How far one evaluation of the rules may go before it is stopped and reported as a rule
 * fault: a time limit (a loop in a consequence), a number of rule firings (rules that re-activate each
 * other without end) and a number of fact insertions and modifications (a rule that inserts forever,
 * which would otherwise end in an OutOfMemoryError). A real consultation stays far below all three:
 * it fires about forty rules in well under a millisecond once warm.
 *
 * @param timeLimit wall-clock time one evaluation may take
 * @param maxFirings rule firings one evaluation may make
 * @param maxFactChanges facts one evaluation may insert or modify
 */
public record EvaluationLimits(Duration timeLimit, int maxFirings, int maxFactChanges) {

    /** Default time limit: some hundred times a cold first evaluation on a slow machine. */
    public static final Duration DEFAULT_TIME_LIMIT = Duration.ofSeconds(10);

    /** Ten seconds, 100,000 firings, 100,000 fact changes: each over a thousand times a real consultation. */
    public static final EvaluationLimits DEFAULT = new EvaluationLimits(DEFAULT_TIME_LIMIT, 100_000, 100_000);

    private static volatile EvaluationLimits processDefault = DEFAULT;

    /**
     * The limits of every rule base that was not given its own: {@link #DEFAULT} unless a front end set
     * others for this process (the CLI's {@code --time-limit}), read at each evaluation.
     */
    public static EvaluationLimits processDefault() {
        return processDefault;
    }

    /** Sets the limits of every rule base of this process that was not given its own. */
    public static void useByDefault(EvaluationLimits limits) {
        processDefault = Objects.requireNonNull(limits, "limits");
    }

    /** Checks that every limit is positive. */
    public EvaluationLimits {
        Objects.requireNonNull(timeLimit, "timeLimit");
        if (timeLimit.isNegative() || timeLimit.isZero() || maxFirings < 1 || maxFactChanges < 1) {
            throw new IllegalArgumentException("evaluation limits must be positive: " + timeLimit + ", "
                    + maxFirings + " firings, " + maxFactChanges + " fact changes");
        }
    }

    /** The same limits with another time limit. */
    public EvaluationLimits withTimeLimit(Duration limit) {
        return new EvaluationLimits(limit, maxFirings, maxFactChanges);
    }

    /** The time limit in words, e.g. {@code 10 s} or {@code 500 ms}. */
    public String timeLimitText() {
        long millis = timeLimit.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }
}
