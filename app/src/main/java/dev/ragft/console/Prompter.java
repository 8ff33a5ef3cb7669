package dev.ragft.console;

import java.util.List;

/**
 * What the console needs from a terminal: read one line after a prompt, print lines. End of input and
 * an interrupt (Ctrl-C) are signalled as distinct exceptions, so the console can tell "the answers ran
 * out" from "the user wants out" and save a draft either way.
 */
interface Prompter {

    /**
     * Reads one line after showing {@code prompt}.
     *
     * @param completions words offered by tab completion for this line (ignored where unsupported)
     */
    String readLine(String prompt, List<String> completions) throws EndOfInput, Interrupted;

    /**
     * Reads one line like {@link #readLine}, when {@code prompt} is already on the current line of the
     * screen, written before this prompter could read: the line is redrawn, not the prompt repeated.
     */
    default String readLineAfterShownPrompt(String prompt, List<String> completions) throws EndOfInput, Interrupted {
        return readLine(prompt, completions);
    }

    /**
     * How many columns a line may take: the terminal's real width on a terminal; without one (pipes, CI)
     * a fixed width, so a transcript reads the same everywhere.
     */
    default int width() {
        return ResultView.WIDTH;
    }

    /** Prints one line (may contain newlines); on a terminal, wrapped at spaces to its width. */
    void println(String text);

    /** Text styling for this output: colour and box drawing only where the terminal can show them. */
    Style style();

    /** Releases the terminal; safe to call twice. */
    default void close() {
    }

    /** Standard input ended (Ctrl-D, or the end of a piped file). */
    final class EndOfInput extends Exception {
        private static final long serialVersionUID = 1L;

        EndOfInput() {
            super("end of input", null, false, false);
        }
    }

    /** The user pressed Ctrl-C. */
    final class Interrupted extends Exception {
        private static final long serialVersionUID = 1L;

        Interrupted() {
            super("interrupted", null, false, false);
        }
    }
}
