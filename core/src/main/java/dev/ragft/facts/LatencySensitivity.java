package dev.ragft.facts;

/** How much response time matters to the users. */
public enum LatencySensitivity {
    LOW, MEDIUM, HIGH
}
