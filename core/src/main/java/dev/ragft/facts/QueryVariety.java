package dev.ragft.facts;

/** How much the queries differ from one another. */
public enum QueryVariety {
    REPETITIVE, MIXED, WIDE
}
