package dev.ragft.facts;

/** How often the knowledge the model must know changes. */
public enum KnowledgeChange {
    RARELY, MONTHLY, WEEKLY, DAILY
}
