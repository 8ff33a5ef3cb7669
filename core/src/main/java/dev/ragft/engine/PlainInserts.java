package dev.ragft.engine;

import dev.ragft.facts.CostFacts;
import dev.ragft.facts.Policy;
import dev.ragft.facts.Profile;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Not API. The compiled form of a rule may use a plain {@code insert} where the rule as written says
 * {@code insertLogical}, when the derivation can never lose its support within one consultation: the
 * rule's conditions match only the consultation's single input facts ({@code Policy}, {@code Profile},
 * {@code CostFacts}), which no rule changes, and no {@code not}, {@code exists}, {@code forall},
 * {@code collect}, {@code accumulate} or {@code from} can turn them false later; and the fact inserted is
 * a finding made by {@code Findings} from the rule's own {@code drools} handle, which names the rule, and
 * such a rule fires once, so no other insertion makes an equal fact for truth maintenance to merge. Truth
 * maintenance then has nothing to do for these findings (most of the classification layer's), and the
 * session skips its bookkeeping. Anything else keeps {@code insertLogical}.
 *
 * <p>The DRL a policy owner reads and edits is unchanged; only the text handed to the compiler differs,
 * with the same line and column for every character (the shorter call is padded with spaces), so compile
 * errors point at the file as written. Measured, it made a rule session no faster on the shipped rules
 * ({@code InsertsAB}; figures in {@code bench/README.md}), so it is an option of the compile
 * ({@link RuleBase#compileWithPlainInserts}), not the default. The equality proof
 * ({@code EngineEqualityTest} on a sample in the test command, {@code bench/equality.sh} over the whole
 * case space) compares its reports with those of the rules as written.
 */
final class PlainInserts {

    /** Facts inserted once per consultation and never changed: a condition on them stays true once true. */
    static final Set<String> SINGLE_INPUTS = Set.of(Policy.class.getSimpleName(), Profile.class.getSimpleName(),
            CostFacts.class.getSimpleName());

    private static final Pattern WHEN_THEN = Pattern.compile("\\bwhen\\b([\\s\\S]*?)\\bthen\\b");
    /**
     * A pattern's type, perhaps qualified: a capitalised name opening a parenthesis (not a method, {@code X.y(});
     * a constructor counts too, which only keeps a rule logical).
     */
    private static final Pattern PATTERN_TYPE = Pattern.compile("(?<![\\w.])(?:[a-z]\\w*\\.)*([A-Z]\\w*)\\s*\\(");
    private static final Pattern NON_MONOTONE = Pattern.compile("\\b(not|exists|forall|collect|accumulate|from)\\b");
    private static final String LOGICAL = "insertLogical(";
    /** The finding factories that take the rule's own handle first: {@code Findings.of(drools, ...)}. */
    private static final Pattern OWN_FINDING = Pattern.compile("\\s*Findings\\s*\\.\\s*\\w+\\s*\\(\\s*drools\\s*,");
    private static final String PLAIN = "insert(" + " ".repeat(LOGICAL.length() - "insert(".length());

    private PlainInserts() {
    }

    /** The DRL text to compile: {@code drl} with the logical insertions of qualifying rules made plain. */
    static String rewrite(String drl) {
        String code = DrlScan.codeOnly(drl);
        StringBuilder out = new StringBuilder(drl);
        for (DrlScan.RuleText rule : DrlScan.rules(drl)) {
            int start = code.indexOf("rule", offsetOfLine(code, rule.line()));
            int end = start + rule.text().length();
            String ruleCode = code.substring(start, end);
            Matcher when = WHEN_THEN.matcher(ruleCode);
            if (!when.find() || !monotone(when.group(1))) {
                continue;
            }
            for (int at = ruleCode.indexOf(LOGICAL, when.end()); at >= 0; at = ruleCode.indexOf(LOGICAL, at + 1)) {
                boolean call = at == 0 || !Character.isJavaIdentifierPart(ruleCode.charAt(at - 1));
                if (call && OWN_FINDING.matcher(ruleCode).region(at + LOGICAL.length(), ruleCode.length()).lookingAt()) {
                    out.replace(start + at, start + at + LOGICAL.length(), PLAIN);
                }
            }
        }
        return out.toString();
    }

    /** Whether these conditions, once true, stay true for the rest of the consultation. */
    static boolean monotone(String conditions) {
        if (NON_MONOTONE.matcher(conditions).find()) {
            return false;
        }
        Matcher type = PATTERN_TYPE.matcher(conditions);
        boolean any = false;
        while (type.find()) {
            if (!SINGLE_INPUTS.contains(type.group(1))) {
                return false;
            }
            any = true;
        }
        return any;
    }

    private static int offsetOfLine(String text, int line) {
        int offset = 0;
        for (int i = 1; i < line; i++) {
            offset = text.indexOf('\n', offset) + 1;
        }
        return offset;
    }
}
