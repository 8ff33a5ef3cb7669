package dev.ragft.console;

/**
 * Emphasis for console output. {@link #PLAIN} is pure ASCII with no escape codes (pipes, dumb
 * terminals, {@code NO_COLOR}); {@link #RICH} adds ANSI colour and Unicode box drawing.
 */
record Style(boolean colour, boolean unicode) {

    static final Style PLAIN = new Style(false, false);
    static final Style RICH = new Style(true, true);

    String bold(String text) {
        return colour ? "\u001b[1m" + text + "\u001b[0m" : text;
    }

    String dim(String text) {
        return colour ? "\u001b[2m" + text + "\u001b[0m" : text;
    }

    String accent(String text) {
        return colour ? "\u001b[36m" + text + "\u001b[0m" : text;
    }

    String warn(String text) {
        return colour ? "\u001b[33m" + text + "\u001b[0m" : text;
    }

    String error(String text) {
        return colour ? "\u001b[31m" + text + "\u001b[0m" : text;
    }

    /** {@code text} as this style can show it: arrows become ASCII without Unicode. */
    String text(String text) {
        return unicode ? text : text.replace("\u2192", "->");
    }

    /** A horizontal rule of {@code width} characters. */
    String rule(int width) {
        return (unicode ? "\u2500" : "-").repeat(width);
    }

    /** A section heading: a rule with the title inside it. */
    String heading(String title, int width) {
        String left = unicode ? "\u2500\u2500 " : "== ";
        String right = unicode ? " " + "\u2500".repeat(Math.max(2, width - title.length() - 4)) : " " + "=".repeat(Math.max(2, width - title.length() - 4));
        return bold(left + title + right);
    }
}
