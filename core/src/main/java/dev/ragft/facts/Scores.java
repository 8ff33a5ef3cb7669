package dev.ragft.facts;

import java.util.Collection;

/**
 * Summed weights of the findings for each side, derived by the decision layer, and the part of each
 * that rests on answers the user gave rather than on defaults (see {@link Finding#evidence()}).
 *
 * @param total the summed weight of every non-neutral finding
 * @param fineTuneEvidence the part of {@code fineTune} resting on answers only
 * @param ragEvidence the part of {@code rag} resting on answers only
 * @param hybridEvidence the part of {@code hybrid} resting on answers only
 */
public record Scores(double fineTune, double rag, double hybrid, double total,
                     double fineTuneEvidence, double ragEvidence, double hybridEvidence) {

    /** Scores whose every weight rests on answers. */
    public Scores(double fineTune, double rag, double hybrid, double total) {
        this(fineTune, rag, hybrid, total, fineTune, rag, hybrid);
    }

    /** Sums the weights of {@code findings} (Finding facts) per side; neutral findings weigh 0. */
    public static Scores of(Collection<?> findings) {
        double[] all = new double[3];
        double[] evidence = new double[3];
        double total = 0;
        for (Object item : findings) {
            Finding finding = (Finding) item;
            int side = switch (finding.favors()) {
                case FINE_TUNE -> 0;
                case RAG -> 1;
                case HYBRID -> 2;
                default -> -1;
            };
            if (side >= 0) {
                all[side] += finding.weight();
                if (finding.evidence()) {
                    evidence[side] += finding.weight();
                }
            }
            total += finding.weight();
        }
        // Graded weights carry two decimals; rounding the sums keeps 7.94 from printing as 7.9399999999999995.
        return new Scores(cents(all[0]), cents(all[1]), cents(all[2]), cents(total),
                cents(evidence[0]), cents(evidence[1]), cents(evidence[2]));
    }

    private static double cents(double value) {
        return Math.round(value * 100) / 100.0;
    }

    /** The summed weight of the findings that rest on answers only. */
    public double evidence() {
        return fineTuneEvidence + ragEvidence + hybridEvidence;
    }

    /** How much of the weight in play rests on answers rather than defaults (1 when nothing weighs). */
    public double coverage() {
        return total == 0 ? 1.0 : evidence() / total;
    }

    /** The single strategy with the larger sum; a tie goes to RAG, the reversible choice with nothing upfront. */
    public Strategy leadingSingle() {
        return fineTune > rag ? Strategy.FINE_TUNE : Strategy.RAG;
    }

    /** The larger of the two single strategies' sums: what the hybrid, as a candidate of its own, must lead. */
    public double bestSingle() {
        return Math.max(fineTune, rag);
    }

    /** The score of one side. */
    public double of(Strategy strategy) {
        return switch (strategy) {
            case FINE_TUNE -> fineTune;
            case RAG -> rag;
            case HYBRID -> hybrid;
        };
    }

    /** The part of one side's score resting on answers only. */
    public double evidenceOf(Strategy strategy) {
        return switch (strategy) {
            case FINE_TUNE -> fineTuneEvidence;
            case RAG -> ragEvidence;
            case HYBRID -> hybridEvidence;
        };
    }
}
