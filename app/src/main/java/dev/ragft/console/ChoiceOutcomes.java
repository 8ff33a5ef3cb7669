package dev.ragft.console;

import dev.ragft.questionnaire.Answers;
import dev.ragft.questionnaire.Question;
import java.util.List;

/**
 * For {@code why} at a question: what the recommendation would be with each answer to it, worked out by
 * the rules from the answers so far. Implemented by the console over its engine; tests pass a real one.
 */
interface ChoiceOutcomes {

    /** No engine at hand: {@code why} then lists only the criteria. */
    ChoiceOutcomes NONE = (soFar, question, values) -> null;

    /**
     * One outcome per value, or {@code null} when the rules are not available (they failed to compile).
     *
     * @param values the answers to try, in the order shown
     */
    Outcomes outcomes(Answers soFar, Question question, List<Object> values);

    /**
     * The outcomes of the tried values.
     *
     * @param lines one line per value, in the order given: the recommendation and the criteria it feeds
     * @param assumption how the questions still to come were treated, or an empty string when none were open
     */
    record Outcomes(List<String> lines, String assumption) {
        public Outcomes {
            lines = List.copyOf(lines);
        }
    }
}
