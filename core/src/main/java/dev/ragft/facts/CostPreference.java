package dev.ragft.facts;

/** Whether the team prefers a predictable bill or one that follows usage. */
public enum CostPreference {
    PREDICTABLE, PAY_PER_USE, NO_PREFERENCE
}
