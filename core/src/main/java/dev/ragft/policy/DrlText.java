package dev.ragft.policy;

import dev.ragft.engine.RuleSource;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Not API. A light reading of DRL text that finds each rule's lines and its condition and consequence,
 * with comments and string literals blanked out (lengths and line breaks kept), for linting.
 */
final class DrlText {

    private static final Pattern RULE = Pattern.compile("^\\s*rule\\s+\"((?:[^\"\\\\]|\\\\.)*)\"", Pattern.MULTILINE);

    /** One rule as written: where it starts, and its condition and consequence as code without comments or strings. */
    record RuleText(RuleSource.SourceFile file, String name, int line, int whenLine, String when, int thenLine, String then) {
    }

    private DrlText() {
    }

    static List<RuleText> rules(RuleSource.SourceFile file) {
        String text = file.text();
        String code = blankCommentsAndStrings(text);
        List<RuleText> rules = new ArrayList<>();
        Matcher rule = RULE.matcher(text);
        while (rule.find()) {
            int start = rule.start();
            if (!code.substring(start, rule.end()).strip().startsWith("rule")) {
                continue; // inside a comment
            }
            // The rule's own text runs to the first line that is just "end".
            Matcher end = Pattern.compile("^\\s*end\\s*$", Pattern.MULTILINE).matcher(code);
            int stop = end.find(rule.end()) ? end.end() : code.length();
            String body = code.substring(start, stop);
            Matcher when = Pattern.compile("^\\s*when\\b", Pattern.MULTILINE).matcher(body);
            Matcher then = Pattern.compile("^\\s*then\\b", Pattern.MULTILINE).matcher(body);
            int whenAt = when.find() ? when.end() : -1;
            int thenAt = then.find() ? then.end() : -1;
            String lhs = whenAt >= 0 && thenAt > whenAt ? body.substring(whenAt, then.start()) : "";
            String rhs = thenAt >= 0 ? body.substring(thenAt) : "";
            rules.add(new RuleText(file, rule.group(1), lineOf(text, start + leading(rule.group())),
                    whenAt >= 0 ? lineOf(text, start + whenAt) : 0, lhs,
                    thenAt >= 0 ? lineOf(text, start + thenAt) : 0, rhs));
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

    private static int leading(String match) {
        int i = 0;
        while (i < match.length() && Character.isWhitespace(match.charAt(i))) {
            i++;
        }
        return i;
    }

    /** Comments and the contents of string literals become spaces; line breaks stay, so offsets still map to lines. */
    static String blankCommentsAndStrings(String text) {
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
                    if (text.charAt(i) == '\\' && i + 1 < text.length()) {
                        out.setCharAt(i++, ' ');
                    }
                    out.setCharAt(i++, ' ');
                }
                i++;
            } else {
                i++;
            }
        }
        return out.toString();
    }
}
