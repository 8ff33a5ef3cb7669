package dev.ragft.model;

import java.util.Map;
import java.util.NoSuchElementException;
import java.util.TreeMap;

/**
 * The policy owner's numbers (criterion weights and decision thresholds), read from
 * {@code rules/policy.properties} and inserted as a fact so rules never hard-code them.
 */
public record Policy(Map<String, Double> values) {

    public Policy {
        values = Map.copyOf(values);
    }

    /** The weight of a criterion, from the key {@code weight.<criterion-id>}. */
    public double weight(String criterion) {
        return value("weight." + criterion);
    }

    /** A named threshold or setting, e.g. {@code volume.monthly-queries}. */
    public double threshold(String key) {
        return value(key);
    }

    /** Whether the policy defines this key. */
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
