package dev.ragft.answers;

import dev.ragft.questionnaire.Answers;
import dev.ragft.facts.Confidence;
import dev.ragft.facts.Favor;
import dev.ragft.facts.Strategy;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Not API. One saved consultation: an example with an expectation
 * ({@code {"description", "answers", "expect"}}) or a plain answers file (a JSON object of question ids).
 *
 * @param file where it was read from
 * @param description what the example shows; empty for a plain answers file
 * @param answers the answers, not yet validated against a questionnaire
 * @param expect what the rules must produce, or {@code null} when the file states no expectation
 */
public record Consultation(Path file, String description, Answers answers, Expectation expect) {

    /** The file name without folders, for tables. */
    public String name() {
        return file.getFileName().toString();
    }

    /**
     * What an example expects. Everything but {@code strategy} is optional: a {@code null} or empty
     * value means "not checked".
     *
     * @param costs expected horizon totals by strategy name ({@code FINE_TUNE}, {@code RAG}, {@code HYBRID})
     * @param breakEvenMonthChecked whether {@code breakEvenMonth} was given (it may be given as {@code null})
     * @param caveats caveat ids that must be present
     * @param criteria criterion id → the favour it must show
     */
    public record Expectation(Strategy strategy, Confidence confidence, Map<Strategy, BigDecimal> costs,
                              boolean breakEvenMonthChecked, Integer breakEvenMonth, List<String> caveats,
                              Map<String, Favor> criteria) {

        public Expectation {
            costs = Collections.unmodifiableMap(new LinkedHashMap<>(costs));
            caveats = List.copyOf(caveats);
            criteria = Collections.unmodifiableMap(new LinkedHashMap<>(criteria));
        }
    }
}
