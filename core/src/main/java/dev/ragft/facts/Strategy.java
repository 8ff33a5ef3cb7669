package dev.ragft.facts;

/** The three strategies ragft can recommend. */
public enum Strategy {
    FINE_TUNE, RAG, HYBRID
}
