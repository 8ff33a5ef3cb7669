package dev.ragft;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The policy under {@code rules/} could not be loaded (it does not compile, or its policy values are
 * wrong), or, as {@link RuleFaultException}, a rule failed while advising on one consultation.
 */
public class RulesException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<RuleError> errors;

    /**
     * An exception carrying every error found.
     *
     * @param errors each with its file, line and column
     */
    public RulesException(List<RuleError> errors) {
        super(errors.stream().map(RuleError::toString).collect(Collectors.joining("\n")));
        this.errors = List.copyOf(errors);
    }

    /** Each error with its file, line and column. */
    public List<RuleError> errors() {
        return errors;
    }
}
