package dev.ragft.console;

import dev.ragft.questionnaire.Answers;
import java.util.Set;

/**
 * Which of the questions still open the interview may leave out, given the answers so far: the hook
 * for the adaptive interview, which skips questions that provably cannot change the outcome
 * ({@link RelevanceFilter}). {@link #ALL} asks everything ({@code --all-questions}).
 */
interface QuestionFilter {

    /** Every question the questionnaire asks. */
    QuestionFilter ALL = new QuestionFilter() {
        @Override
        public Set<String> skippable(Answers soFar, Set<String> remaining) {
            return Set.of();
        }
    };

    /**
     * The ids among {@code remaining} (open questions, in questionnaire order) that need not be asked;
     * each is left to its default. Must be safe to leave out together.
     */
    Set<String> skippable(Answers soFar, Set<String> remaining);
}
