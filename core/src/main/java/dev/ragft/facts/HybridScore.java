package dev.ragft.facts;

import java.util.Collection;

/**
 * The hybrid as a candidate of its own, derived by the decision layer when the hybrid criterion speaks
 * for it. The guide's hybrid fine-tunes for domain understanding, style and format and retrieves
 * specific, recent or audited facts; so its score is what each half serves, plus its own criterion,
 * plus the cost verdict between the single strategies (it pays at least the cheaper one's costs),
 * minus the weight of its premium over that cheaper strategy.
 *
 * @param fineTuneHalf summed weight of the fine-tuning findings its fine-tuned half serves
 * @param retrievalHalf summed weight of the retrieval findings its retrieval half serves
 * @param own the weight of the hybrid criterion itself (style or domain depth with fresh or audited facts)
 * @param costStanding the weight of the cost verdict between the single strategies, whichever it favours
 * @param premiumWeight the weight its premium over the cheaper single strategy takes off
 * @param premium that premium, as a fraction of the cheaper single strategy's total
 * @param score the hybrid's score, on the same scale as the single strategies' sums: the halves, its own
 *     criterion and the cost verdict, less the premium weight (a component, so rule conditions compare it)
 * @param evidence the part of the score resting on answers only: defaulted findings add nothing, the
 *     premium is taken off in full
 */
public record HybridScore(double fineTuneHalf, double retrievalHalf, double own, double costStanding,
                          double premiumWeight, double premium, double score, double evidence) {

    /**
     * Sums the hybrid's score from the findings the decision rule picked out (Finding facts).
     *
     * @param own the hybrid criterion's finding
     * @param fineTuneHalf the fine-tuning findings its fine-tuned half serves
     * @param retrievalHalf the retrieval findings its retrieval half serves
     * @param costVerdicts the cost verdict between the single strategies (empty at parity)
     * @param premium the premium's classification
     * @return the score with its parts
     */
    public static HybridScore of(Finding own, Collection<?> fineTuneHalf, Collection<?> retrievalHalf,
                                 Collection<?> costVerdicts, HybridPremium premium) {
        double[] ft = sum(fineTuneHalf);
        double[] rag = sum(retrievalHalf);
        double[] cost = sum(costVerdicts);
        double ownEvidence = own.evidence() ? own.weight() : 0;
        // The premium is a penalty: taken off the evidence in full, whether its prices were given or not.
        double evidence = Math.max(0.0, ft[1] + rag[1] + ownEvidence + cost[1] - premium.weight());
        double score = ft[0] + rag[0] + own.weight() + cost[0] - premium.weight();
        return new HybridScore(cents(ft[0]), cents(rag[0]), own.weight(), cents(cost[0]), premium.weight(),
                premium.premium(), cents(score), cents(evidence));
    }

    // {all weight, weight resting on answers}
    private static double[] sum(Collection<?> findings) {
        double[] sums = new double[2];
        for (Object item : findings) {
            Finding finding = (Finding) item;
            sums[0] += finding.weight();
            if (finding.evidence()) {
                sums[1] += finding.weight();
            }
        }
        return sums;
    }

    private static double cents(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
