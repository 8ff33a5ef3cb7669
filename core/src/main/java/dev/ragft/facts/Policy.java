package dev.ragft.facts;

import java.util.Map;
import java.util.NoSuchElementException;
import java.util.TreeMap;

/**
 * The policy owner's numbers (criterion weights and decision thresholds), read from
 * {@code rules/policy.properties} and inserted as a fact so rules never hard-code them.
 *
 * <p>Plain KIE users insert {@code dev.ragft.Facts.shippedPolicy()} (the values packaged beside the rules in
 * the jar) together with the other facts listed in {@code dev.ragft.Facts}.
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
            throw new NoSuchElementException("policy.properties has no value for '" + key + "'");
        }
        return value;
    }

    @Override
    public String toString() {
        return "Policy" + new TreeMap<>(values);
    }
}
