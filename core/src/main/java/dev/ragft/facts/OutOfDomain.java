package dev.ragft.facts;

/** How often users ask about things outside the trained domain. */
public enum OutOfDomain {
    RARE, SOMETIMES, OFTEN
}
