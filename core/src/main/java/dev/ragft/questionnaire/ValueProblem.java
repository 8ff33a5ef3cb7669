package dev.ragft.questionnaire;

/** Why one value does not fit one question; the caller attaches the question id. */
final class ValueProblem extends Exception {

    private static final long serialVersionUID = 1L;

    ValueProblem(String message) {
        // No stack trace: this is an expected outcome of validation, created often, never logged.
        super(message, null, false, false);
    }
}
