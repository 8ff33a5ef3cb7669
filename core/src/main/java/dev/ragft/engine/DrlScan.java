package dev.ragft.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Not API. The little the engine needs to know of DRL text beyond what Drools compiles: where each
 * rule starts and what its text is, with comments blanked out (line breaks kept, so offsets still map
 * to lines) and string literals left as they are, since policy keys are written as strings.
 */
public final class DrlScan {

    private static final Pattern RULE = Pattern.compile("^[ \\t]*rule\\s+\"((?:[^\"\\\\]|\\\\.)*)\"", Pattern.MULTILINE);
    private static final Pattern END = Pattern.compile("^\\s*end\\s*$", Pattern.MULTILINE);

    /** One rule as written: its name, 1-based line, and its text up to {@code end}, without comments. */
    record RuleText(String name, int line, String text) {
    }

    private DrlScan() {
    }

    /** The rules of one file, in file order. */
    static List<RuleText> rules(String drl) {
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
    static int lineOf(String text, int offset) {
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
                    i += text.charAt(i) == '\\' ? 2 : 1;
                }
                i++;
            } else {
                i++;
            }
        }
        return out.toString();
    }
}
