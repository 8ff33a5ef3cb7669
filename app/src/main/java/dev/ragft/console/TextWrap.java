package dev.ragft.console;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Word wrapping for the console: lines longer than the terminal are broken at spaces only, never inside
 * a word, and continue under the column their text started in (after the indent, or after a run of two
 * or more spaces, as in "  how &lt;id&gt;      the rules ..."). A single word wider than the terminal is
 * left whole: the terminal then wraps it, which beats cutting a path or a number in two.
 * ANSI escape sequences take no columns.
 */
public final class TextWrap {

    /** The width when a terminal does not report one: the classic terminal size. */
    static final int FALLBACK_WIDTH = 80;

    private static final Pattern ESCAPE = Pattern.compile("\u001b\\[[0-9;]*[A-Za-z]");

    private TextWrap() {
    }

    /** The number of columns {@code text} takes on screen (escape sequences take none). */
    static int visibleLength(String text) {
        return text.indexOf('\u001b') < 0 ? text.length() : ESCAPE.matcher(text).replaceAll("").length();
    }

    /** {@code text} (which may hold several lines) as lines of at most {@code width} columns where words allow. */
    public static List<String> wrap(String text, int width) {
        List<String> out = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            wrapLine(line, width, -1, out);
        }
        return out;
    }

    /**
     * As {@link #wrap(String, int)}, for text laid out in paragraphs and tables (help): a line with no
     * second column continues at its own indent, not two further in.
     */
    public static List<String> wrapParagraphs(String text, int width) {
        List<String> out = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            wrapLine(line, width, hangingColumn(line, width, 0), out);
        }
        return out;
    }

    /** One line wrapped at {@code width}, continuation lines starting at column {@code hanging}. */
    public static List<String> wrap(String line, int width, int hanging) {
        List<String> out = new ArrayList<>();
        wrapLine(line, width, hanging, out);
        return out;
    }

    private static void wrapLine(String line, int width, int hanging, List<String> out) {
        if (width <= 0 || visibleLength(line) <= width) {
            out.add(line);
            return;
        }
        String indent = " ".repeat(hanging >= 0 ? Math.min(hanging, width / 2) : hangingColumn(line, width, 2));
        StringBuilder current = new StringBuilder();
        int currentLength = 0;
        int at = 0;
        // Leading spaces stay with the first word.
        while (at < line.length() && line.charAt(at) == ' ') {
            at++;
        }
        current.append(line, 0, at);
        currentLength = at;
        boolean lineHasWord = false;
        while (at < line.length()) {
            int end = line.indexOf(' ', at);
            if (end < 0) {
                end = line.length();
            }
            // The gap before this word, as written (two spaces in a table stay two spaces).
            int gapStart = at;
            while (gapStart > 0 && line.charAt(gapStart - 1) == ' ' && lineHasWord) {
                gapStart--;
            }
            String word = line.substring(at, end);
            int wordLength = visibleLength(word);
            String gap = lineHasWord ? line.substring(gapStart, at) : "";
            if (lineHasWord && currentLength + gap.length() + wordLength > width) {
                out.add(current.toString());
                current = new StringBuilder(indent);
                currentLength = indent.length();
                gap = "";
            }
            current.append(gap).append(word);
            currentLength += gap.length() + wordLength;
            lineHasWord = true;
            at = end;
            while (at < line.length() && line.charAt(at) == ' ') {
                at++;
            }
        }
        out.add(current.toString());
    }

    /**
     * Where continuation lines start: after the first run of two or more spaces that follows some text
     * (a table's second column), if that lies in the left half; else {@code deeper} columns past the line's
     * own indent.
     */
    static int hangingColumn(String line, int width, int deeper) {
        String plain = ESCAPE.matcher(line).replaceAll("");
        int indent = 0;
        while (indent < plain.length() && plain.charAt(indent) == ' ') {
            indent++;
        }
        int gap = plain.indexOf("  ", indent);
        if (gap > indent) {
            int column = gap;
            while (column < plain.length() && plain.charAt(column) == ' ') {
                column++;
            }
            if (column < plain.length() && column <= width / 2) {
                return column;
            }
        }
        return Math.min(indent + deeper, width / 2);
    }
}
