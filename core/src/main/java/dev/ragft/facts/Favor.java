package dev.ragft.facts;

/** What a single criterion finding speaks for; {@code NEUTRAL} when it does not tip the decision. */
public enum Favor {
    FINE_TUNE, RAG, HYBRID, NEUTRAL
}
