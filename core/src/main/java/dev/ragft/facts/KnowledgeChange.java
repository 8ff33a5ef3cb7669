package dev.ragft.facts;

/**
 * How often the knowledge the model must know changes.
 *
 * <p>{@link #intervalDays()} is what each answer means in days (a definition of the words, not a
 * policy choice): the freshness criterion compares it with the days between two retrainings.
 */
public enum KnowledgeChange {
    RARELY(365), MONTHLY(30), WEEKLY(7), DAILY(1);

    private final int intervalDays;

    KnowledgeChange(int intervalDays) {
        this.intervalDays = intervalDays;
    }

    /** Days between two changes of the knowledge, as the answer describes it. */
    public int intervalDays() {
        return intervalDays;
    }
}
