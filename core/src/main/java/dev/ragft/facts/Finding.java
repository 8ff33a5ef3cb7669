package dev.ragft.facts;

/**
 * What one criterion of the guide says about this consultation: the rules' classification output.
 *
 * @param criterion catalog id, e.g. {@code rag.frequent-data-changes}
 * @param section the guide section the criterion comes from
 * @param favors what it speaks for
 * @param weight the policy weight it carries (0 when neutral)
 * @param reason one line in plain words
 * @param rule the name of the rule that produced it
 */
public record Finding(String criterion, String section, Favor favors, double weight, String reason, String rule) {
}
