package dev.ragft.facts;

/**
 * Derived by the decision layer when both sides carry enough support for a hybrid and fine-tuning is
 * feasible: {@code fineTuneSide} and {@code retrievalSide} are the summed weights on each side,
 * the hybrid criterion counting for both.
 */
public record HybridSupport(double fineTuneSide, double retrievalSide) {
}
