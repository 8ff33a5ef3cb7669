package dev.ragft.questionnaire;

import java.util.List;

/**
 * One entry of the criteria catalog: every report accounts for each of these.
 *
 * @param id stable id used by reports, tests and rule metadata, e.g. {@code ft.latency-matters}
 * @param section the guide section the criterion comes from
 * @param title a short human name, e.g. "Repeated query patterns"
 * @param drivenBy the question ids whose answers the criterion looks at
 */
public record Criterion(String id, String section, String title, List<String> drivenBy) {

    /** Copies the lists. */
    public Criterion {
        drivenBy = List.copyOf(drivenBy);
    }
}
