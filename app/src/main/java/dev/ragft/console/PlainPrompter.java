package dev.ragft.console;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Line reading without a terminal ({@code ragft < answers.txt}, pipes, CI). What was read is echoed after
 * the prompt, so the output reads as a transcript. Ctrl-C here is a signal, handled by the console's
 * shutdown hook rather than by this class.
 */
final class PlainPrompter implements Prompter {

    private final BufferedReader in;
    private final PrintStream out;
    private final boolean echo;

    PlainPrompter(BufferedReader in, PrintStream out, boolean echo) {
        this.in = in;
        this.out = out;
        this.echo = echo;
    }

    @Override
    public String readLine(String prompt, List<String> completions) throws EndOfInput {
        out.print(prompt);
        out.flush();
        String line;
        try {
            line = in.readLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (line == null) {
            out.println();
            out.flush();
            throw new EndOfInput();
        }
        if (echo) {
            out.println(line);
        }
        return line;
    }

    @Override
    public void println(String text) {
        out.println(text);
        out.flush();
    }

    @Override
    public Style style() {
        return Style.PLAIN;
    }
}
