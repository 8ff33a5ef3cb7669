package dev.ragft.policy;

import dev.ragft.engine.DrlScan;
import dev.ragft.engine.RuleSource;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Not API. Each rule's condition and consequence as code (comments and string contents blanked, lengths
 * and line breaks kept), with their lines, for linting; the rules are found by {@link DrlScan}.
 */
final class DrlText {

    private static final Pattern WHEN = Pattern.compile("^\\s*when\\b", Pattern.MULTILINE);
    private static final Pattern THEN = Pattern.compile("^\\s*then\\b", Pattern.MULTILINE);

    /** One rule as written: where it starts, and its condition and consequence as code without comments or strings. */
    record RuleText(RuleSource.SourceFile file, String name, int line, int whenLine, String when, int thenLine, String then) {
    }

    private DrlText() {
    }

    static List<RuleText> rules(RuleSource.SourceFile file) {
        List<RuleText> rules = new ArrayList<>();
        for (DrlScan.RuleText rule : DrlScan.rules(file.text())) {
            String body = DrlScan.codeOnly(rule.text());
            Matcher when = WHEN.matcher(body);
            Matcher then = THEN.matcher(body);
            int whenAt = when.find() ? when.end() : -1;
            int thenAt = then.find() ? then.end() : -1;
            String lhs = whenAt >= 0 && thenAt > whenAt ? body.substring(whenAt, then.start()) : "";
            String rhs = thenAt >= 0 ? body.substring(thenAt) : "";
            rules.add(new RuleText(file, rule.name(), rule.line(),
                    whenAt >= 0 ? rule.line() + lineOf(body, whenAt) - 1 : 0, lhs,
                    thenAt >= 0 ? rule.line() + lineOf(body, thenAt) - 1 : 0, rhs));
        }
        return rules;
    }

    /** 1-based line of a character offset. */
    static int lineOf(String text, int offset) {
        return DrlScan.lineOf(text, offset);
    }
}
