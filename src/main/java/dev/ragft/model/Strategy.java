package dev.ragft.model;

/** The three strategies ragft can recommend. */
public enum Strategy {
    FINE_TUNE, RAG, HYBRID
}
