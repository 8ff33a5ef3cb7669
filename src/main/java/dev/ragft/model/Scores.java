package dev.ragft.model;

/**
 * Summed weights of the findings for each side, derived by the decision layer.
 *
 * @param total the summed weight of every non-neutral finding
 */
public record Scores(double fineTune, double rag, double hybrid, double total) {
}
