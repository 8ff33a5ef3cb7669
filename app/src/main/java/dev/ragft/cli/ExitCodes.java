package dev.ragft.cli;

import dev.ragft.console.Outcome;

/** The exit codes of every ragft command; scripts rely on them. */
public final class ExitCodes {

    public static final int OK = 0;
    /** Anything unexpected: a bug, or the machine refusing (disk full, …). */
    public static final int FAILURE = 1;
    /** Bad answers, a bad option or a file that cannot be read. */
    public static final int BAD_INPUT = 2;
    /** The rules do not compile or fail verification. */
    public static final int RULES = 3;
    /** Scenario expectations were not met ({@code rules test}). */
    public static final int EXPECTATIONS = 4;
    /** The user pressed Ctrl-C (the shell convention, 128 + SIGINT); a console draft was saved. */
    public static final int INTERRUPTED = 130;

    private ExitCodes() {
    }

    /** The exit code for how a console consultation ended. */
    static int of(Outcome outcome) {
        return switch (outcome) {
            case COMPLETED -> OK;
            case INTERRUPTED -> INTERRUPTED;
            case BAD_INPUT -> BAD_INPUT;
            case RULES_FAILED -> RULES;
        };
    }
}
