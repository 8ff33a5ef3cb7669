package dev.ragft.policy;

import dev.ragft.engine.DrlScan;
import dev.ragft.engine.PolicyFile;
import dev.ragft.engine.RuleBase;
import dev.ragft.engine.RuleSource;
import dev.ragft.questionnaire.Criterion;
import dev.ragft.questionnaire.Questionnaire;
import dev.ragft.questionnaire.Text;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Not API. The checks {@code ragft rules check} runs on a rule base that compiles: rule metadata,
 * catalog coverage, policy values (present, typed, in range, in order) and no mutation of input facts.
 */
public final class PolicyLint {

    /** The criterion id of rules that decide rather than classify. */
    public static final String DECISION = "decision";
    /** Fact types that carry the consultation's input; rules read them and must never change them. */
    static final Set<String> INPUT_FACTS = Set.of("Profile", "CostFacts", "Policy");

    private static final Pattern BINDING = Pattern.compile("\\$(\\w+)\\s*:\\s*(?:[\\w.]+\\.)?(\\w+)\\s*\\(");
    private static final Pattern MUTATION = Pattern.compile(
            "\\b(?:drools\\s*\\.\\s*)?(modify|update|retract|delete)\\s*\\(\\s*\\$(\\w+)");
    private static final Pattern MAKES_FINDING = Pattern.compile("\\bFindings\\s*\\.\\s*of\\s*\\(|\\bnew\\s+(?:[\\w.]+\\.)?Finding\\s*\\(");
    private static final Pattern SETTER = Pattern.compile("\\.\\s*(set[A-Z]\\w*)\\s*\\(");
    private static final Pattern NEW_INPUT = Pattern.compile("\\binsert(?:Logical)?\\s*\\(\\s*new\\s+(?:[\\w.]+\\.)?(\\w+)\\s*\\(");

    /** How a policy key must look, by the unit its name ends with. */
    private enum Kind {
        WEIGHT("a weight from 0 to " + (int) PolicyFile.MAX_WEIGHT),
        FRACTION("a fraction from 0 to 1"),
        COUNT("a whole number of at least 1"),
        POSITIVE("a number above 0"),
        NUMBER("a number");

        final String description;

        Kind(String description) {
            this.description = description;
        }

        static Kind of(String key) {
            if (key.startsWith("weight.")) {
                return WEIGHT;
            }
            if (key.endsWith("-band") || key.endsWith("-margin") || key.endsWith("-fraction") || key.endsWith("-ratio")) {
                return FRACTION;
            }
            if (key.endsWith("-examples") || key.endsWith("-queries") || key.endsWith("-ms") || key.endsWith("-months")
                    || key.endsWith("-per-year") || key.endsWith("-criteria")) {
                return COUNT;
            }
            if (key.endsWith("-score")) {
                return POSITIVE;
            }
            return NUMBER;
        }

        boolean accepts(double value) {
            return switch (this) {
                case WEIGHT -> value >= 0 && value <= PolicyFile.MAX_WEIGHT;
                case FRACTION -> value >= 0 && value <= 1;
                case COUNT -> value >= 1 && value == Math.rint(value);
                case POSITIVE -> value > 0;
                case NUMBER -> Double.isFinite(value);
            };
        }
    }

    /** {@code name op $policy.threshold("key")} or {@code policy.threshold(...)}: groups name, operator, key. */
    private static final Pattern BOUND = Pattern.compile(
            "\\b([A-Za-z_$][\\w$]*)\\s*(>=|>|<=|<)\\s*\\$?\\w+\\s*\\.\\s*threshold\\(\\s*\"([^\"]+)\"\\s*\\)");
    private static final Pattern FUNCTION = Pattern.compile("\\bfunction\\s+[\\w.<>\\[\\]]+\\s+(\\w+)\\s*\\(");

    private PolicyLint() {
    }

    /** Every problem found, errors first, then by file and line. */
    public static List<Problem> lint(RuleBase rules, Questionnaire questionnaire) {
        RuleSource source = rules.source();
        List<Problem> problems = new ArrayList<>();
        Map<String, DrlText.RuleText> byName = new HashMap<>();
        List<DrlText.RuleText> texts = new ArrayList<>();
        for (RuleSource.SourceFile drl : source.drl()) {
            for (DrlText.RuleText text : DrlText.rules(drl)) {
                texts.add(text);
                byName.putIfAbsent(text.name(), text);
            }
        }
        Set<String> catalog = new LinkedHashSet<>();
        questionnaire.criteria().forEach(c -> catalog.add(c.id()));

        metadata(rules, catalog, byName, source, problems);
        coverage(rules, questionnaire, byName, problems);
        policyValues(rules, catalog, source, problems);
        for (DrlText.RuleText text : texts) {
            mutations(text, problems);
        }
        problems.sort(Comparator.comparing(Problem::severity).thenComparing(p -> String.valueOf(p.file()))
                .thenComparingInt(Problem::line));
        return problems;
    }

    private static void metadata(RuleBase rules, Set<String> catalog, Map<String, DrlText.RuleText> byName,
                                 RuleSource source, List<Problem> problems) {
        for (RuleBase.RuleInfo rule : rules.rules()) {
            DrlText.RuleText text = byName.get(rule.name());
            Path file = text != null ? text.file().path() : fileNamed(source, rule.file());
            int line = text != null ? text.line() : 0;
            String named = "rule \"" + rule.name() + "\"";
            if (rule.criterion() == null || rule.criterion().isBlank()) {
                problems.add(Problem.error(file, line, named + " has no @criterion(\"<catalog id>\") metadata;"
                        + " use a criterion id from the catalog, or \"" + DECISION + "\" for a decision rule"));
            } else if (!catalog.contains(rule.criterion()) && !DECISION.equals(rule.criterion())) {
                problems.add(Problem.error(file, line, named + " has @criterion(\"" + rule.criterion()
                        + "\"), which is not in the criteria catalog" + suggestion(rule.criterion(), catalog)));
            }
            if (rule.section() == null || rule.section().isBlank()) {
                problems.add(Problem.error(file, line, named + " has no @section(\"<guide section>\") metadata"));
            }
        }
    }

    // A criterion counts as produced only by a rule whose consequence makes a finding: a caveat rule
    // tagged with the same criterion does not put it in the report.
    private static void coverage(RuleBase rules, Questionnaire questionnaire, Map<String, DrlText.RuleText> byName,
                                 List<Problem> problems) {
        Set<String> produced = new TreeSet<>();
        rules.rules().forEach(r -> {
            DrlText.RuleText text = byName.get(r.name());
            if (r.criterion() != null && (text == null || MAKES_FINDING.matcher(text.then()).find())) {
                produced.add(r.criterion());
            }
        });
        String catalogText = readable(questionnaire.source());
        for (Criterion criterion : questionnaire.criteria()) {
            if (!produced.contains(criterion.id())) {
                problems.add(Problem.error(Path.of(questionnaire.source()), lineOf(catalogText, "\"" + criterion.id() + "\""),
                        "catalog criterion '" + criterion.id() + "' is produced by no rule; every report must account"
                                + " for it (add a rule with @criterion(\"" + criterion.id() + "\"))"));
            }
        }
    }

    private static void policyValues(RuleBase rules, Set<String> catalog, RuleSource source, List<Problem> problems) {
        RuleSource.SourceFile policyFile = source.policy();
        Map<String, PolicyFile.Entry> entries = PolicyFile.parse(policyFile).entries();
        Path path = policyFile.path();

        for (String criterion : catalog) {
            if (!entries.containsKey("weight." + criterion)) {
                problems.add(Problem.error(path, 0, "no weight for catalog criterion '" + criterion
                        + "': add 'weight." + criterion + " = <0…" + (int) PolicyFile.MAX_WEIGHT + ">'"));
            }
        }
        Set<String> referenced = new TreeSet<>();
        for (RuleSource.SourceFile drl : source.drl()) {
            // A key named in a comment is not used (and RuleBase does not require it either).
            Matcher matcher = PolicyFile.THRESHOLD_REFERENCE.matcher(DrlScan.withoutComments(drl.text()));
            while (matcher.find()) {
                referenced.add(matcher.group(1));
            }
        }
        // Missing referenced thresholds are compile errors already (RuleBase.compile); here: type, range, use.
        for (PolicyFile.Entry entry : entries.values()) {
            String key = entry.key();
            Kind kind = Kind.of(key);
            if (!kind.accepts(entry.value())) {
                problems.add(Problem.error(path, entry.line(), "'" + key + "' is " + format(entry.value())
                        + "; it must be " + kind.description));
            }
            if (kind == Kind.WEIGHT) {
                String criterion = key.substring("weight.".length());
                if (!catalog.contains(criterion)) {
                    problems.add(Problem.warning(path, entry.line(), "'" + key + "' weighs a criterion that is not in"
                            + " the catalog, so nothing uses it" + suggestion(criterion, catalog)));
                } else if (entry.value() == 0) {
                    problems.add(Problem.warning(path, entry.line(), "'" + key + "' is 0: findings of '" + criterion
                            + "' are listed but never count"));
                }
            } else if (!referenced.contains(key)) {
                problems.add(Problem.warning(path, entry.line(), "'" + key + "' is not used by any rule"
                        + suggestion(key, referenced)));
            }
        }
        order(source, entries, path, problems);
    }

    /**
     * The order of policy values as the rules imply it, so no key is named here. A condition that needs a value
     * at or above key A and below key B (the guide's training-data levels, the stepped bands) can only ever hold
     * if A is below B; in a function (the confidence bands), testing a value against A and then against B in the
     * same direction only makes sense if A is the stricter bound, else the second test can never decide.
     */
    private static void order(RuleSource source, Map<String, PolicyFile.Entry> entries, Path path, List<Problem> problems) {
        Set<String> reported = new HashSet<>();
        for (RuleSource.SourceFile drl : source.drl()) {
            for (DrlScan.RuleText rule : DrlScan.rules(drl.text())) {
                String when = rule.text().split("(?m)^\\s*then\\b", 2)[0];
                List<String[]> bounds = bounds(when);
                for (String[] low : bounds) {
                    for (String[] high : bounds) {
                        if (low[0].equals(high[0]) && low[1].startsWith(">") && high[1].startsWith("<")) {
                            requireBelow(entries, low[2], high[2], "rule \"" + rule.name() + "\" (" + drl.path().getFileName()
                                    + ":" + rule.line() + ") needs " + low[0] + " " + low[1] + " '" + low[2] + "' and "
                                    + high[1] + " '" + high[2] + "', which no value meets otherwise", path, problems, reported);
                        }
                    }
                }
            }
            String code = DrlScan.withoutComments(drl.text());
            Matcher function = FUNCTION.matcher(code);
            while (function.find()) {
                int open = code.indexOf('{', function.end());
                int close = open < 0 ? -1 : matchingBrace(code, open);
                if (close < 0) {
                    continue;
                }
                List<String[]> bounds = bounds(code.substring(open, close));
                for (int i = 0; i < bounds.size(); i++) {
                    for (int j = i + 1; j < bounds.size(); j++) {
                        String[] first = bounds.get(i);
                        String[] then = bounds.get(j);
                        if (first[0].equals(then[0]) && first[1].charAt(0) == then[1].charAt(0) && !first[2].equals(then[2])) {
                            String why = "function " + function.group(1) + " (" + drl.path().getFileName() + ":"
                                    + DrlScan.lineOf(code, function.start()) + ") tests " + first[0] + " " + first[1] + " '"
                                    + first[2] + "' before " + then[1] + " '" + then[2] + "', so the second could never decide";
                            if (first[1].startsWith(">")) {
                                requireBelow(entries, then[2], first[2], why, path, problems, reported);
                            } else {
                                requireBelow(entries, first[2], then[2], why, path, problems, reported);
                            }
                        }
                    }
                }
            }
        }
    }

    /** Each bound in order of appearance: the name compared, the operator, the policy key. */
    private static List<String[]> bounds(String code) {
        List<String[]> bounds = new ArrayList<>();
        Matcher bound = BOUND.matcher(code);
        while (bound.find()) {
            bounds.add(new String[] {bound.group(1), bound.group(2), bound.group(3)});
        }
        return bounds;
    }

    private static void requireBelow(Map<String, PolicyFile.Entry> entries, String lowerKey, String higherKey, String why,
                                     Path path, List<Problem> problems, Set<String> reported) {
        PolicyFile.Entry lower = entries.get(lowerKey);
        PolicyFile.Entry higher = entries.get(higherKey);
        if (lower != null && higher != null && lower.value() >= higher.value() && reported.add(lowerKey + "<" + higherKey)) {
            problems.add(Problem.error(path, higher.line(), "'" + higher.key() + "' (" + format(higher.value())
                    + ") must be greater than '" + lower.key() + "' (" + format(lower.value()) + ", line "
                    + lower.line() + "): " + why));
        }
    }

    private static int matchingBrace(String code, int open) {
        int depth = 0;
        for (int i = open; i < code.length(); i++) {
            if (code.charAt(i) == '{') {
                depth++;
            } else if (code.charAt(i) == '}' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private static void mutations(DrlText.RuleText rule, List<Problem> problems) {
        Map<String, String> bindings = new HashMap<>();
        Matcher binding = BINDING.matcher(rule.when());
        while (binding.find()) {
            bindings.put(binding.group(1), binding.group(2));
        }
        Path file = rule.file().path();
        String named = "rule \"" + rule.name() + "\"";
        Matcher mutation = MUTATION.matcher(rule.then());
        while (mutation.find()) {
            String type = bindings.get(mutation.group(2));
            if (type != null && INPUT_FACTS.contains(type)) {
                problems.add(Problem.error(file, rule.thenLine() + DrlText.lineOf(rule.then(), mutation.start()) - 1,
                        named + " calls " + mutation.group(1) + "($" + mutation.group(2) + ") on the input fact " + type
                                + "; rules read the answers, costs and policy, and never change them"));
            }
        }
        Matcher setter = SETTER.matcher(rule.then());
        while (setter.find()) {
            problems.add(Problem.error(file, rule.thenLine() + DrlText.lineOf(rule.then(), setter.start()) - 1,
                    named + " calls a setter (" + setter.group(1) + "); facts are immutable, and input facts must"
                            + " never change"));
        }
        Matcher insert = NEW_INPUT.matcher(rule.then());
        while (insert.find()) {
            if (INPUT_FACTS.contains(insert.group(1))) {
                problems.add(Problem.error(file, rule.thenLine() + DrlText.lineOf(rule.then(), insert.start()) - 1,
                        named + " inserts a new " + insert.group(1) + "; there is exactly one, from the consultation"));
            }
        }
    }

    private static Path fileNamed(RuleSource source, String name) {
        for (RuleSource.SourceFile drl : source.drl()) {
            if (drl.name().equals(name)) {
                return drl.path();
            }
        }
        return Path.of(source.origin(), name == null ? "" : name);
    }

    private static String readable(String file) {
        try {
            Path path = Path.of(file);
            return Files.isRegularFile(path) ? Files.readString(path, StandardCharsets.UTF_8) : "";
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    private static int lineOf(String text, String needle) {
        int at = text.indexOf(needle);
        return at < 0 ? 0 : DrlText.lineOf(text, at);
    }

    private static String format(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? String.valueOf((long) value) : String.valueOf(value);
    }

    private static String suggestion(String typed, Set<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : known) {
            int d = Text.editDistance(typed, candidate);
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        return best != null && bestDistance <= Math.max(2, typed.length() / 4) ? "; did you mean '" + best + "'?" : "";
    }

}
