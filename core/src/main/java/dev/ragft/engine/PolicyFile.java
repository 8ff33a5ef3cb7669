package dev.ragft.engine;

import dev.ragft.RuleError;
import dev.ragft.facts.Policy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Not API. Reads {@code policy.properties} with line numbers, so a typo in a weight is reported as
 * {@code file:line} like a DRL error. Only {@code key = number} lines and comments are allowed.
 */
public final class PolicyFile {

    /** How a DRL file asks for a policy value: {@code threshold("key")}; group 1 is the key. */
    public static final Pattern THRESHOLD_REFERENCE = Pattern.compile("threshold\\(\\s*\"([^\"]+)\"\\s*\\)");

    /** Weights beyond this would let one criterion outvote the whole catalogue. */
    public static final double MAX_WEIGHT = 10;

    /** A parsed value with the line it came from. */
    public record Entry(String key, double value, int line) {
    }

    /** The parsed file: entries in file order, and every problem found. */
    public record Parsed(Map<String, Entry> entries, List<RuleError> errors) {

        public Policy policy() {
            Map<String, Double> values = new LinkedHashMap<>();
            entries.forEach((key, entry) -> values.put(key, entry.value()));
            return new Policy(values);
        }
    }

    private PolicyFile() {
    }

    public static Parsed parse(RuleSource.SourceFile file) {
        Map<String, Entry> entries = new LinkedHashMap<>();
        List<RuleError> errors = new ArrayList<>();
        String[] lines = file.text().split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int lineNo = i + 1;
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith("!")) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq < 0) {
                eq = line.indexOf(':');
            }
            if (eq <= 0) {
                errors.add(new RuleError(file.path(), lineNo, 1, "expected 'key = number', found '" + line + "'"));
                continue;
            }
            String key = line.substring(0, eq).strip();
            String text = line.substring(eq + 1).strip();
            double value;
            try {
                value = Double.parseDouble(text);
            } catch (NumberFormatException e) {
                errors.add(new RuleError(file.path(), lineNo, eq + 2, "'" + key + "' must be a number, found '" + text + "'"));
                continue;
            }
            if (!Double.isFinite(value) || value < 0) {
                errors.add(new RuleError(file.path(), lineNo, eq + 2, "'" + key + "' must be a finite number ≥ 0, found '" + text + "'"));
                continue;
            }
            if (key.startsWith("weight.") && value > MAX_WEIGHT) {
                errors.add(new RuleError(file.path(), lineNo, eq + 2,
                        "'" + key + "' is " + text + "; weights range from 0 to " + (int) MAX_WEIGHT));
                continue;
            }
            Entry previous = entries.putIfAbsent(key, new Entry(key, value, lineNo));
            if (previous != null) {
                errors.add(new RuleError(file.path(), lineNo, 1,
                        "'" + key + "' is set twice (first on line " + previous.line() + ")"));
            }
        }
        return new Parsed(entries, errors);
    }
}
