package dev.ragft.questionnaire;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/**
 * When a conditional question is asked: only if another question's effective value is one of
 * {@code in} (enum questions) or greater than {@code above} (numeric questions).
 *
 * <p>This steers the console only; an answers file may still give the question, and validation
 * accepts it, so nothing a user wrote is dropped.
 *
 * @param question the id of the question the condition looks at
 * @param in allowed values (upper case), or empty when the condition is numeric
 * @param above the exclusive lower bound, or {@code null} when the condition is a value list
 */
public record AskWhen(String question, List<String> in, BigDecimal above) {

    /** Copies the list of values. */
    public AskWhen {
        in = List.copyOf(in);
    }

    /** Whether the condition holds for the other question's value (normalized or raw); false for null. */
    public boolean test(Object value) {
        if (value == null) {
            return false;
        }
        if (above != null) {
            if (value instanceof BigDecimal number) {
                return number.compareTo(above) > 0;
            }
            if (value instanceof Long || value instanceof Integer) {
                return BigDecimal.valueOf(((Number) value).longValue()).compareTo(above) > 0;
            }
            return false;
        }
        return value instanceof String text && in.contains(text.trim().toUpperCase(Locale.ROOT));
    }
}
