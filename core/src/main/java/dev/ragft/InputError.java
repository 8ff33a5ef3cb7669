package dev.ragft;

/**
 * One problem with the answers: {@code field} is the question id (or {@code file:line:column} for
 * malformed JSON) and {@code message} says what is wrong in plain words.
 */
public record InputError(String field, String message) {

    @Override
    public String toString() {
        return field + ": " + message;
    }
}
