package dev.ragft.facts;

/** How often the available documents actually contain the answers users ask for. */
public enum DocumentsCoverage {
    MOSTLY, PARTLY, RARELY
}
