package dev.ragft.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Not API. The one light reading of DRL text beside Drools' parser, shared by the engine (rule lines for
 * error messages), the lint and the analysis: where each rule starts and ends, and the text with comments
 * (and, for code-only reading, the contents of string literals) blanked. Blanking keeps lengths and line
 * breaks, so an offset in the blanked text is an offset, and a line, in the file.
 */
public final class DrlScan {

    private static final Pattern RULE = Pattern.compile("^[ \\t]*rule\\s+\"((?:[^\"\\\\]|\\\\.)*)\"", Pattern.MULTILINE);
    private static final Pattern END = Pattern.compile("^\\s*end\\s*$", Pattern.MULTILINE);

    /**
     * One rule as written: its name, its 1-based line, and its text from {@code rule} up to {@code end}
     * without comments (string literals kept, since rule names and policy keys are strings).
     */
    public record RuleText(String name, int line, String text) {
    }

    private DrlScan() {
    }

    /** The rules of one file, in file order. */
    public static List<RuleText> rules(String drl) {
        String code = withoutComments(drl);
        List<RuleText> rules = new ArrayList<>();
        Matcher rule = RULE.matcher(code);
        Matcher end = END.matcher(code);
        while (rule.find()) {
            int stop = end.find(rule.end()) ? end.end() : code.length();
            int start = rule.start() + (rule.group().length() - rule.group().stripLeading().length());
            rules.add(new RuleText(rule.group(1), lineOf(code, start), code.substring(start, stop)));
        }
        return rules;
    }

    /** 1-based line of a character offset. */
    public static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /** Comments become spaces (line breaks stay); string literals are kept, and comment marks inside them ignored. */
    public static String withoutComments(String text) {
        return blank(text, false);
    }

    /**
     * Comments and the contents of string literals become spaces (line breaks stay): code only, so that a key
     * or a field named inside a sentence is not read as code.
     */
    public static String codeOnly(String text) {
        return blank(text, true);
    }

    private static String blank(String text, boolean strings) {
        StringBuilder out = new StringBuilder(text);
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '/' && i + 1 < text.length() && text.charAt(i + 1) == '/') {
                while (i < text.length() && text.charAt(i) != '\n') {
                    out.setCharAt(i++, ' ');
                }
            } else if (c == '/' && i + 1 < text.length() && text.charAt(i + 1) == '*') {
                int close = text.indexOf("*/", i + 2);
                int stop = close < 0 ? text.length() : close + 2;
                for (; i < stop; i++) {
                    if (text.charAt(i) != '\n') {
                        out.setCharAt(i, ' ');
                    }
                }
            } else if (c == '"') {
                i++;
                while (i < text.length() && text.charAt(i) != '"' && text.charAt(i) != '\n') {
                    int step = text.charAt(i) == '\\' && i + 1 < text.length() ? 2 : 1;
                    if (strings) {
                        for (int k = i; k < i + step; k++) {
                            out.setCharAt(k, ' ');
                        }
                    }
                    i += step;
                }
                i++;
            } else {
                i++;
            }
        }
        return out.toString();
    }
}
