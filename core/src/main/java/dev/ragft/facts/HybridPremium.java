package dev.ragft.facts;

/**
 * Classification of the hybrid's cost (guide, "Hybrid: fine-tune + RAG": it pays fine-tuning once and
 * retrieval per query): how much dearer it is than the cheaper single strategy, and the weight that
 * premium takes off the hybrid's score. Derived by {@code rules/30-hybrid.drl}, one band per rule.
 *
 * @param premium the hybrid's extra cost over the cheaper of FINE_TUNE and RAG, as a fraction of that total
 * @param weight the share of {@code hybrid.premium-weight} (policy) this premium costs the hybrid's score
 */
public record HybridPremium(double premium, double weight) {
}
