package dev.ragft.model;

import dev.ragft.RulesException;
import dev.ragft.internal.PolicyFile;
import dev.ragft.internal.RuleSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.TreeMap;

/**
 * The policy owner's numbers (criterion weights and decision thresholds), read from
 * {@code rules/policy.properties} and inserted as a fact so rules never hard-code them.
 *
 * <p>Plain KIE users insert {@link #shipped()} (the values packaged beside the rules in the jar)
 * together with the other facts listed in {@link Facts}.
 *
 * @param values every key of the policy file mapped to its number
 */
public record Policy(Map<String, Double> values) {

    /**
     * Copies the values.
     *
     * @param values every key of the policy file mapped to its number
     */
    public Policy {
        values = Map.copyOf(values);
    }

    /**
     * The policy packaged in the ragft jar ({@code dev/ragft/rules/policy.properties}), the one the
     * kbase {@code ragft} of {@code META-INF/kmodule.xml} was written against.
     *
     * @return the packaged policy
     * @throws RulesException if the packaged file is malformed (which a release never ships)
     */
    public static Policy shipped() {
        String resource = RuleSource.CLASSPATH_FOLDER + "/" + RuleSource.POLICY_FILE;
        String text;
        try (InputStream in = Policy.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the packaged policy is missing: no " + resource + " on the classpath");
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
        PolicyFile.Parsed parsed = PolicyFile.parse(new RuleSource.SourceFile(
                Path.of("classpath:" + RuleSource.CLASSPATH_FOLDER, RuleSource.POLICY_FILE), RuleSource.POLICY_FILE, text));
        if (!parsed.errors().isEmpty()) {
            throw new RulesException(parsed.errors());
        }
        return parsed.policy();
    }

    /**
     * The weight of a criterion, from the key {@code weight.<criterion-id>}.
     *
     * @param criterion a catalog id such as {@code rag.frequent-data-changes}
     * @return the weight, 0 … 10
     * @throws NoSuchElementException if the policy has no weight for it
     */
    public double weight(String criterion) {
        return value("weight." + criterion);
    }

    /**
     * A named threshold or setting.
     *
     * @param key the key in {@code policy.properties}, e.g. {@code volume.monthly-queries}
     * @return its value
     * @throws NoSuchElementException if the policy has no such key
     */
    public double threshold(String key) {
        return value(key);
    }

    /**
     * Whether the policy defines this key.
     *
     * @param key a key of {@code policy.properties}
     * @return true if it is defined
     */
    public boolean has(String key) {
        return values.containsKey(key);
    }

    private double value(String key) {
        Double value = values.get(key);
        if (value == null) {
            throw new NoSuchElementException("rules/policy.properties has no value for '" + key + "'");
        }
        return value;
    }

    @Override
    public String toString() {
        return "Policy" + new TreeMap<>(values);
    }
}
