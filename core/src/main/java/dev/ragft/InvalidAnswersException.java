package dev.ragft;

import java.util.List;
import java.util.stream.Collectors;

/** The answers cannot be used: carries every problem found, not just the first. */
public final class InvalidAnswersException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<InputError> errors;

    /**
     * An exception carrying every problem found.
     *
     * @param errors at least one problem
     */
    public InvalidAnswersException(List<InputError> errors) {
        super(errors.stream().map(InputError::toString).collect(Collectors.joining("\n")));
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("an InvalidAnswersException needs at least one error");
        }
        this.errors = List.copyOf(errors);
    }

    /**
     * An exception carrying one problem.
     *
     * @param error the problem
     */
    public InvalidAnswersException(InputError error) {
        this(List.of(error));
    }

    /** Every problem found, in the order of the questionnaire (syntax errors first). */
    public List<InputError> errors() {
        return errors;
    }
}
