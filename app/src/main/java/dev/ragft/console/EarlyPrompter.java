package dev.ragft.console;

import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * A prompter for the moments while the terminal is still opening: lines and the first prompt go
 * straight to standard output, so the first question is on screen without waiting for JLine (opening
 * the system terminal and its line reader takes about 0.1 to 0.2 s here); the first read waits for the
 * terminal, and from then on everything goes through it. Keys typed meanwhile wait in the terminal's
 * own input buffer, so nothing is lost.
 */
final class EarlyPrompter implements Prompter {

    private final CompletableFuture<Prompter> opening;
    private final PrintStream out;
    private final Style earlyStyle;
    /** Whether the terminal can clear a line, so JLine can take over an early prompt without repeating it. */
    private final boolean capable;
    private Prompter terminal;

    EarlyPrompter(CompletableFuture<Prompter> opening, PrintStream out, boolean noColour) {
        this(opening, out, noColour, System.getenv("TERM"));
    }

    /** With the terminal type given, as {@code TERM} would ({@code null} when unset). */
    EarlyPrompter(CompletableFuture<Prompter> opening, PrintStream out, boolean noColour, String type) {
        this.opening = opening;
        this.out = out;
        this.capable = type != null && !type.isBlank() && !type.startsWith("dumb");
        // What JLine will decide from the terminal, guessed from the environment: any named terminal but a
        // dumb one gets colour and, with a UTF-8 locale, box drawing.
        this.earlyStyle = capable ? new Style(!noColour, StandardCharsets.UTF_8.equals(Charset.defaultCharset()))
                : Style.PLAIN;
    }

    @Override
    public String readLine(String prompt, List<String> completions) throws EndOfInput, Interrupted {
        if (terminal == null && !opening.isDone() && capable) {
            // The prompt too goes out at once, so the whole question is on screen while JLine is still
            // opening; the terminal then takes the line over.
            out.print(prompt);
            out.flush();
            return terminal().readLineAfterShownPrompt(prompt, completions);
        }
        return terminal().readLine(prompt, completions);
    }

    @Override
    public void println(String text) {
        if (terminal == null && !opening.isDone()) {
            for (String line : TextWrap.wrap(text, width())) {
                out.println(line);
            }
            out.flush();
        } else {
            terminal().println(text);
        }
    }

    /**
     * Before the terminal is open its width is not known (asking would cost a process or the wait for
     * JLine): the classic 80 columns, which fit any terminal at least that wide.
     */
    @Override
    public int width() {
        return terminal == null && !opening.isDone() ? TextWrap.FALLBACK_WIDTH : terminal().width();
    }

    @Override
    public Style style() {
        return terminal == null && !opening.isDone() ? earlyStyle : terminal().style();
    }

    @Override
    public void close() {
        if (terminal != null || opening.isDone()) {
            terminal().close();
        }
    }

    /** The opened terminal, waiting for it if need be; a failure to open surfaces as it would have. */
    Prompter terminal() {
        if (terminal == null) {
            out.flush();
            try {
                terminal = opening.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException cause ? cause : e;
            }
        }
        return terminal;
    }
}
