package dev.ragft.model;

import org.kie.api.runtime.rule.RuleContext;

/**
 * Builds a {@link Finding} from inside a rule consequence, taking the criterion id and guide section
 * from the rule's {@code @criterion} and {@code @section} metadata and the weight from the policy,
 * so a rule states only what it favours and why.
 */
public final class Findings {

    private Findings() {
    }

    /** A finding for the calling rule's criterion; neutral findings carry no weight. */
    public static Finding of(RuleContext drools, Policy policy, Favor favors, String reason) {
        var rule = drools.getRule();
        String criterion = metadata(rule, "criterion");
        String section = metadata(rule, "section");
        double weight = favors == Favor.NEUTRAL ? 0.0 : policy.weight(criterion);
        return new Finding(criterion, section, favors, weight, reason, rule.getName());
    }

    private static String metadata(org.kie.api.definition.rule.Rule rule, String key) {
        Object value = rule.getMetaData().get(key);
        if (value == null) {
            throw new IllegalStateException("rule \"" + rule.getName() + "\" has no @" + key + " metadata");
        }
        return value.toString();
    }
}
