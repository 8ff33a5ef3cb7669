package dev.ragft.questionnaire;

/**
 * The questionnaire definition itself is broken (a developer or policy-owner error, not a user one).
 * The message names the file and either the line and column of a JSON syntax error or the
 * offending question, criterion or section id.
 */
public final class QuestionnaireException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * A problem with the questionnaire definition.
     *
     * @param message what is wrong and where
     */
    public QuestionnaireException(String message) {
        super(message);
    }

    /**
     * A problem with the questionnaire definition, caused by another failure (e.g. reading the file).
     *
     * @param message what is wrong and where
     * @param cause the underlying failure
     */
    public QuestionnaireException(String message, Throwable cause) {
        super(message, cause);
    }
}
