package dev.ragft.model;

/** How much the queries differ from one another. */
public enum QueryVariety {
    REPETITIVE, MIXED, WIDE
}
