package dev.ragft.facts;

import java.util.List;

/**
 * What one criterion of the guide says about this consultation: the rules' classification output.
 *
 * @param criterion catalog id, e.g. {@code rag.frequent-data-changes}
 * @param section the guide section the criterion comes from
 * @param favors what it speaks for
 * @param weight the policy weight it carries (0 when neutral); graded criteria carry a fraction of it
 * @param reason one line in plain words
 * @param rule the name of the rule that produced it
 * @param assumed the question ids whose <em>default</em> this finding rests on; empty when it rests only
 *     on answers the user gave (then it is evidence)
 */
public record Finding(String criterion, String section, Favor favors, double weight, String reason, String rule,
                      List<String> assumed) {

    /** Copies the assumed ids. */
    public Finding {
        assumed = List.copyOf(assumed);
    }

    /** A finding resting only on the user's answers. */
    public Finding(String criterion, String section, Favor favors, double weight, String reason, String rule) {
        this(criterion, section, favors, weight, reason, rule, List.of());
    }

    /** Whether it rests only on answers the user gave, so it may count towards confidence. */
    public boolean evidence() {
        return assumed.isEmpty();
    }
}
