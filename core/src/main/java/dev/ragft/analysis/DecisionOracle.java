package dev.ragft.analysis;

import dev.ragft.RuleError;
import dev.ragft.RulesException;
import dev.ragft.engine.RuleBase;
import dev.ragft.facts.CostFacts;
import dev.ragft.facts.Policy;
import dev.ragft.facts.Profile;
import dev.ragft.facts.Recommendation;
import dev.ragft.facts.Strategy;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.kie.api.runtime.KieSession;

/**
 * Not API. Answers "which strategy would the rules recommend?" for many nearby consultations, cheaply.
 *
 * <p>The rules do not see exact numbers for the decision: they compare a few {@link Profile} numbers
 * and the {@link CostFacts} against policy thresholds. This class maps every consultation to its
 * <em>decision key</em> — the profile with each number replaced by the lowest value of its policy
 * bucket, and the cost facts reduced to their {@link CostRegion} — runs the rules once per distinct
 * key and remembers the strategy. A rule session costs tens to hundreds of microseconds here, the key
 * well under one, which is what keeps the whole counterfactual analysis within its 20 ms budget.
 *
 * <p><b>Premise</b> (checked by {@code DecisionOracleTest} against the real rules for thousands of
 * consultations): for the strategy, the rules read
 * <ul>
 *   <li>{@code monthlyQueries} only against {@code volume.monthly-queries};</li>
 *   <li>{@code trainingExamples} only against 0 and the three {@code training.*} thresholds;</li>
 *   <li>{@code latencyBudgetMs} only against null and the two {@code latency.*} thresholds;</li>
 *   <li>{@code retrainsPerYear}: each value is its own bucket (the freshness criterion weighs the
 *       days between retrainings continuously);</li>
 *   <li>{@code horizonMonths} not at all (caveats may, the decision not); {@link Profile#answered()} is
 *       kept in the key (the rule of thumb speaks only when no price was given);</li>
 *   <li>{@link CostFacts}: exact facts are part of the key, since the cost verdict's weight grows with
 *       the gap and the hybrid's with its premium. Only {@link #strategy(Profile, CostRegion)} reduces
 *       costs to a region, whose representative puts the gap at full weight (an approximation).</li>
 * </ul>
 * A policy owner who adds a rule comparing one of these numbers elsewhere must extend the buckets
 * here; the test fails until then. Instances are thread-safe (the analysis searches questions on
 * several threads); two threads may evaluate the same key once each, which is harmless.
 */
public final class DecisionOracle {

    /**
     * What the cost rules can tell apart, as far as the strategy goes: which total is lower (at parity, or
     * beyond it at the verdict's full weight) and how large the hybrid's premium over the cheaper single
     * strategy is (none, 100%, 900%: the hybrid criterion's weight is divided by 1 + premium). Payback no
     * longer votes. An approximation: intermediate gaps and premiums are represented by these extremes.
     */
    public enum CostRegion {
        PARITY_NO_PREMIUM, PARITY_PREMIUM, PARITY_LARGE_PREMIUM,
        FINE_TUNE_CHEAPER_NO_PREMIUM, FINE_TUNE_CHEAPER_PREMIUM, FINE_TUNE_CHEAPER_LARGE_PREMIUM,
        RAG_CHEAPER_NO_PREMIUM, RAG_CHEAPER_PREMIUM, RAG_CHEAPER_LARGE_PREMIUM;

        private static final double[] PREMIUMS = {0, 1, 9};

        /** A cost fact that lies in this region (horizon 12 months); the figures are placeholders. */
        CostFacts representative() {
            int horizon = 12;
            double premium = PREMIUMS[ordinal() % 3];
            return switch (ordinal() / 3) {
                case 0 -> new CostFacts(horizon, 100, 100, 100 * (1 + premium), 10, null, 0.0, 1, 1000.0);
                case 1 -> new CostFacts(horizon, 50, 100, 50 * (1 + premium), 10, Strategy.FINE_TUNE, 0.5, 1, 1000.0);
                default -> new CostFacts(horizon, 100, 50, 50 * (1 + premium), 10, Strategy.RAG, 0.5, null, 1000.0);
            };
        }
    }

    private record Key(Profile profile, Object costs) {
    }

    private final RuleBase rules;
    private final Policy policy;
    private final double parityBand;
    /** Bucket edges: a value v belongs to the bucket of the largest edge ≤ v (or the field's minimum). */
    private final long[] queryEdges;
    private final long[] trainingEdges;
    private final long[] latencyEdges;
    private final long[] retrainEdges;
    private final Map<Key, Strategy> memo = new ConcurrentHashMap<>();
    private final AtomicInteger evaluations = new AtomicInteger();

    public DecisionOracle(RuleBase rules) {
        this.rules = rules;
        this.policy = rules.policy();
        this.parityBand = policy.threshold("cost.parity-band");
        // "x >= t" splits at ceil(t); "x > t" and "x <= t" split at floor(t) + 1.
        this.queryEdges = edges(ceil("volume.monthly-queries"));
        this.trainingEdges = edges(1, ceil("training.minimum-examples"), ceil("training.reliable-examples"),
                ceil("training.excellent-examples"));
        this.latencyEdges = edges(floorPlusOne("latency.vector-search-ms"), floorPlusOne("latency.slow-hosted-overhead-ms"));
        // Every retraining count is its own bucket: freshness reads 365 / retrains continuously.
        this.retrainEdges = java.util.stream.LongStream.rangeClosed(1, 52).toArray();
    }

    private long ceil(String key) {
        return (long) Math.ceil(policy.threshold(key));
    }

    private long floorPlusOne(String key) {
        return (long) Math.floor(policy.threshold(key)) + 1;
    }

    private static long[] edges(long... values) {
        return Arrays.stream(values).distinct().sorted().toArray();
    }

    /** The strategy the rules recommend for these facts (exact under the premise above). */
    public Strategy strategy(Profile profile, CostFacts costs) {
        Key key = new Key(canonical(profile), costs);
        Strategy known = memo.get(key);
        if (known == null) {
            known = evaluate(key.profile(), costs);
            memo.put(key, known);
        }
        return known;
    }

    /** The strategy for a profile whose costs are only known to lie in {@code region}. */
    public Strategy strategy(Profile profile, CostRegion region) {
        Key key = new Key(canonical(profile), region);
        Strategy known = memo.get(key);
        if (known == null) {
            known = evaluate(key.profile(), region.representative());
            memo.put(key, known);
        }
        return known;
    }

    /** How many rule sessions this oracle has run (the rest were answered from the memo). */
    public int evaluations() {
        return evaluations.get();
    }

    /** Which {@link CostRegion} the cost rules see these facts in. */
    public CostRegion region(CostFacts costs) {
        int total = costs.costGapRatio() <= parityBand ? 0 : costs.cheaperOverHorizon() == Strategy.FINE_TUNE ? 1 : 2;
        double cheaper = Math.min(costs.fineTuneTotal(), costs.ragTotal());
        double premium = cheaper <= 0 ? 0 : (costs.hybridTotal() - cheaper) / cheaper;
        int level = premium < 0.5 ? 0 : premium < 3 ? 1 : 2;
        return CostRegion.values()[total * 3 + level];
    }

    /** One value per bucket of the rules' view of the integer question {@code id}, ascending; empty if the rules
     *  do not read it (or read it exactly, as for enums). */
    long[] bucketRepresentatives(String id, long min) {
        long[] edges = switch (id) {
            case "monthly_queries" -> queryEdges;
            case "training_examples" -> trainingEdges;
            case "latency_budget_ms" -> latencyEdges;
            case "retrains_per_year" -> retrainEdges;
            default -> null;
        };
        if (edges == null) {
            return new long[0];
        }
        return java.util.stream.LongStream.concat(java.util.stream.LongStream.of(min),
                Arrays.stream(edges).filter(e -> e > min)).toArray();
    }

    /** The policy thresholds that split the integer question {@code id}: the first value of each upper bucket. */
    long[] edgesOf(String id) {
        long[] all = bucketRepresentatives(id, Long.MIN_VALUE);
        return all.length == 0 ? all : Arrays.copyOfRange(all, 1, all.length);
    }

    Profile canonical(Profile p) {
        Integer latency = p.latencyBudgetMs() == null ? null
                : (int) bucket(p.latencyBudgetMs(), latencyEdges, 1);
        return new Profile(p.knowledgeChange(), p.domainConsistency(), p.documentsCoverAnswers(), p.queryVariety(),
                p.outOfDomainQueries(), bucket(p.monthlyQueries(), queryEdges, 1), p.latencySensitivity(), latency,
                p.onPremRequired(), p.auditTrailRequired(), p.hostingInfrastructure(), p.costModelPreference(),
                p.styleFormatNeeds(), bucket(p.trainingExamples(), trainingEdges, 0), p.examplesLabeled(), p.modelSize(),
                12, (int) bucket(p.retrainsPerYear(), retrainEdges, 0), p.answered());
    }

    private static long bucket(long value, long[] edges, long floor) {
        long result = floor;
        for (long edge : edges) {
            if (value >= edge) {
                result = edge;
            }
        }
        return result;
    }

    // A lean session: no listener, no sorting; only the recommendation is read.
    private Strategy evaluate(Profile profile, CostFacts costs) {
        evaluations.incrementAndGet();
        KieSession session = rules.kieBase().newKieSession();
        try {
            session.insert(policy);
            session.insert(profile);
            session.insert(costs);
            session.fireAllRules();
            Strategy found = null;
            int count = 0;
            for (Object fact : session.getObjects(fact -> fact instanceof Recommendation)) {
                found = ((Recommendation) fact).strategy();
                count++;
            }
            if (count != 1) {
                throw new RulesException(List.of(new RuleError(Path.of(rules.source().origin()), 0, 0,
                        "the rules produced " + count + " recommendations for one consultation")));
            }
            return found;
        } finally {
            session.dispose();
        }
    }
}
