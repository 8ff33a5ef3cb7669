package dev.ragft.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.jline.reader.Candidate;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Attributes;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.utils.InfoCmp;

/**
 * The console on a real terminal, through JLine: line editing, history (up/down), tab completion of
 * choice values and commands. Ctrl-C becomes {@link Interrupted}, Ctrl-D on an empty line {@link EndOfInput}.
 */
final class JLinePrompter implements Prompter {

    private final Terminal terminal;
    private final LineReader reader;
    private final PrintWriter out;
    private final Style style;
    private final List<String> completions = new ArrayList<>();

    private JLinePrompter(Terminal terminal, boolean noColour) {
        this.terminal = terminal;
        this.out = terminal.writer();
        this.reader = LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("ragft")
                .completer((lineReader, line, candidates) -> {
                    for (String word : offered(completions, line.word())) {
                        candidates.add(new Candidate(word, word, null, null, null, null, !word.endsWith("=")));
                    }
                })
                // No '!' history expansion: a literal '!' in an answer should stay literal.
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                .option(LineReader.Option.CASE_INSENSITIVE, true)
                .build();
        boolean capable = !Terminal.TYPE_DUMB.equals(terminal.getType())
                && !Terminal.TYPE_DUMB_COLOR.equals(terminal.getType());
        boolean unicode = terminal.encoding() != null && "UTF-8".equalsIgnoreCase(terminal.encoding().name());
        this.style = capable ? new Style(!noColour, unicode) : Style.PLAIN;
    }

    /**
     * The completions that fit the word being typed. Words of the form {@code id=VALUE} are the allowed
     * values of a question: offered only once its {@code id=} is typed, so Tab after {@code what-if id=}
     * lists that question's values and nothing else, and Tab on an empty word lists commands and ids.
     */
    static List<String> offered(List<String> completions, String typed) {
        int eq = typed.indexOf('=');
        List<String> fitting = new ArrayList<>();
        for (String word : completions) {
            int at = word.indexOf('=');
            boolean value = at >= 0 && at < word.length() - 1;
            if (eq >= 0 ? value && word.regionMatches(true, 0, typed, 0, eq + 1) : !value) {
                fitting.add(word);
            }
        }
        return fitting;
    }

    /** Opens the system terminal; the caller has checked that standard input and output are one. */
    static JLinePrompter open(boolean noColour) {
        Terminal terminal;
        try {
            terminal = nativeTerminal();
        } catch (IOException | RuntimeException | LinkageError nativeFailed) {
            try {
                // JLine's own search over all its providers, down to a dumb terminal.
                terminal = TerminalBuilder.builder().system(true).name("ragft").build();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new JLinePrompter(terminal, noColour);
    }

    /**
     * The terminal through JLine's bundled native (JNI) provider alone, or an exception. JLine's default
     * search also loads its Jansi, JNA and exec providers, and the exec one starts a {@code test -t}
     * process to probe the streams: about 40 ms more before the console can read its first answer.
     */
    private static Terminal nativeTerminal() throws IOException {
        return TerminalBuilder.builder().system(true).name("ragft")
                .provider(TerminalBuilder.PROP_PROVIDER_JNI)
                .dumb(false) // fail instead of settling for a dumb terminal; the caller then tries the rest
                .build();
    }

    /**
     * Builds a terminal and a line reader on null streams and closes them, so that a JVM recording a
     * class archive (the launcher's training run) loads JLine's classes; the console then finds them in
     * the archive instead of the jar.
     */
    static void loadClasses() {
        try (Terminal terminal = TerminalBuilder.builder().system(false).name("ragft").type("xterm-256color")
                .streams(InputStream.nullInputStream(), OutputStream.nullOutputStream()).build()) {
            new JLinePrompter(terminal, false).println("");
        } catch (IOException | RuntimeException ignored) {
            // Only a missed optimisation: the console loads the classes itself when it needs them.
        }
    }

    String terminalType() {
        return terminal.getType() + " (" + terminal.getClass().getSimpleName() + ")";
    }

    @Override
    public String readLine(String prompt, List<String> words) throws EndOfInput, Interrupted {
        completions.clear();
        completions.addAll(words);
        try {
            return reader.readLine(prompt);
        } catch (UserInterruptException e) {
            throw new Interrupted();
        } catch (EndOfFileException e) {
            throw new EndOfInput();
        }
    }

    @Override
    public String readLineAfterShownPrompt(String prompt, List<String> words) throws EndOfInput, Interrupted {
        // Keys typed before now were echoed by the terminal after the early prompt and wait unread in its
        // buffer; JLine reads them and shows them again. So: stop the terminal's own echo (no key lands
        // between here and JLine taking over), clear the line, and let JLine draw its prompt there.
        Attributes original = terminal.getAttributes();
        Attributes quiet = new Attributes(original);
        quiet.setLocalFlag(Attributes.LocalFlag.ECHO, false);
        terminal.setAttributes(quiet);
        try {
            boolean erased = terminal.puts(InfoCmp.Capability.carriage_return)
                    && terminal.puts(InfoCmp.Capability.clr_eol);
            if (!erased) {
                out.println(); // a terminal that cannot clear a line: a fresh one instead
            }
            terminal.flush();
            return readLine(prompt, words);
        } finally {
            terminal.setAttributes(original);
        }
    }

    @Override
    public void println(String text) {
        for (String line : TextWrap.wrap(text, width())) {
            out.println(line);
        }
        out.flush();
    }

    /** Read at every call: the user may resize the window during a consultation. */
    @Override
    public int width() {
        int columns = terminal.getWidth();
        return columns > 0 ? columns : TextWrap.FALLBACK_WIDTH;
    }

    @Override
    public Style style() {
        return style;
    }

    @Override
    public void close() {
        try {
            terminal.close();
        } catch (IOException e) {
            // The process is ending; a terminal that will not restore is reported by the shell anyway.
        }
    }
}
