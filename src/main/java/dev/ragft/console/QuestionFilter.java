package dev.ragft.console;

import dev.ragft.Answers;
import dev.ragft.questionnaire.Question;

/**
 * Decides whether the interview puts a question that the questionnaire's own conditions
 * ({@code askWhen}) would ask. The hook for adaptive interviews, which skip questions that cannot
 * change the outcome; {@link #ALL} asks everything.
 */
interface QuestionFilter {

    /** Every question the questionnaire asks. */
    QuestionFilter ALL = new QuestionFilter() {
        @Override
        public boolean ask(Question question, Answers soFar) {
            return true;
        }
    };

    /** Whether to ask {@code question} given the answers so far. */
    boolean ask(Question question, Answers soFar);
}
