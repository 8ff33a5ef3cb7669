package dev.ragft.facts;

/** Something a blocker can rule out: a strategy, or a managed API as a way to deploy RAG. */
public enum Option {
    FINE_TUNE, HYBRID, MANAGED_API
}
