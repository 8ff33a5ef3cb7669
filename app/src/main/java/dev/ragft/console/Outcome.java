package dev.ragft.console;

/**
 * How a console consultation ended. The console knows nothing of exit codes; the command line maps
 * each outcome to one.
 */
public enum Outcome {
    /** The consultation finished, or the user left with the answers saved. */
    COMPLETED,
    /** The user pressed Ctrl-C; the answers so far are in the draft. */
    INTERRUPTED,
    /** Input ended where an answer was required, or the given answers were invalid. */
    BAD_INPUT,
    /** The rules could not be loaded or failed on these answers. */
    RULES_FAILED
}
