package dev.ragft.facts;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
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
        return scaled(drools, policy, favors, 1.0, reason);
    }

    /**
     * A finding carrying {@code factor} (0 … 1) of its criterion's weight, for criteria whose weight
     * grows with the size of what they measure (a cost gap, a staleness window).
     *
     * <p>The finding is an <em>assumption</em> rather than evidence when the rule's {@code @answers}
     * metadata (space-separated question ids: the answers its verdict rests on) names a question the
     * user did not answer, read from the {@link Profile} the rule matched.
     */
    public static Finding scaled(RuleContext drools, Policy policy, Favor favors, double factor, String reason) {
        var rule = drools.getRule();
        String criterion = metadata(rule, "criterion");
        String section = metadata(rule, "section");
        double bounded = Math.max(0.0, Math.min(1.0, factor));
        // Two decimals: graded weights stay readable in reports and stable across platforms.
        double weight = favors == Favor.NEUTRAL ? 0.0 : Math.round(policy.weight(criterion) * bounded * 100) / 100.0;
        return new Finding(criterion, section, favors, weight, reason, rule.getName(), assumed(drools));
    }

    // The @answers ids this rule rests on that the matched profile holds only as defaults.
    private static List<String> assumed(RuleContext drools) {
        Object declared = drools.getRule().getMetaData().get("answers");
        if (declared == null) {
            return List.of();
        }
        Profile profile = null;
        for (Object fact : drools.getMatch().getObjects()) {
            if (fact instanceof Profile p) {
                profile = p;
            }
        }
        if (profile == null) {
            throw new IllegalStateException("rule \"" + drools.getRule().getName()
                    + "\" has @answers metadata but matches no Profile");
        }
        List<String> assumed = new ArrayList<>();
        for (String id : declared.toString().trim().split("[\\s,]+")) {
            if (!id.isEmpty() && !profile.wasAnswered(id)) {
                assumed.add(id);
            }
        }
        return assumed;
    }

    private static String metadata(org.kie.api.definition.rule.Rule rule, String key) {
        Object value = rule.getMetaData().get(key);
        if (value == null) {
            throw new IllegalStateException("rule \"" + rule.getName() + "\" has no @" + key + " metadata");
        }
        return value.toString();
    }

    /**
     * The findings that decided for {@code strategy}, strongest first (ties in criterion id order so
     * output is stable), at most {@code limit}. For HYBRID the hybrid criterion comes first, then the
     * strongest findings of either side.
     */
    public static List<Finding> deciding(Collection<?> findings, Strategy strategy, int limit) {
        List<Finding> picked = new ArrayList<>();
        for (Object item : findings) {
            Finding finding = (Finding) item;
            if (supports(finding.favors(), strategy)) {
                picked.add(finding);
            }
        }
        picked.sort(Comparator.comparing((Finding f) -> f.favors() != Favor.HYBRID)
                .thenComparing(Finding::weight, Comparator.reverseOrder())
                .thenComparing(Finding::criterion));
        return List.copyOf(picked.subList(0, Math.min(limit, picked.size())));
    }

    private static boolean supports(Favor favor, Strategy strategy) {
        return switch (strategy) {
            case FINE_TUNE -> favor == Favor.FINE_TUNE;
            case RAG -> favor == Favor.RAG;
            case HYBRID -> favor != Favor.NEUTRAL;
        };
    }
}
