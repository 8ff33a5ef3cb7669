package dev.ragft.facts;

/** Whether the domain is clear and stable, or still evolving. */
public enum DomainConsistency {
    CONSISTENT, EVOLVING
}
