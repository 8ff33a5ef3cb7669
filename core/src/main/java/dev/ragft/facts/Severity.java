package dev.ragft.facts;

/** How much a caveat matters; declared from most to least severe, which is also report order. */
public enum Severity {
    BLOCKER, WARNING, INFO
}
