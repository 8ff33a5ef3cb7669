package dev.ragft.facts;

import java.util.Collection;

/**
 * Summed weights of the findings for each side, derived by the decision layer.
 *
 * @param total the summed weight of every non-neutral finding
 */
public record Scores(double fineTune, double rag, double hybrid, double total) {

    /** Sums the weights of {@code findings} (Finding facts) per side; neutral findings weigh 0. */
    public static Scores of(Collection<?> findings) {
        double fineTune = 0;
        double rag = 0;
        double hybrid = 0;
        double total = 0;
        for (Object item : findings) {
            Finding finding = (Finding) item;
            switch (finding.favors()) {
                case FINE_TUNE -> fineTune += finding.weight();
                case RAG -> rag += finding.weight();
                case HYBRID -> hybrid += finding.weight();
                default -> { }
            }
            total += finding.weight();
        }
        return new Scores(fineTune, rag, hybrid, total);
    }
}
