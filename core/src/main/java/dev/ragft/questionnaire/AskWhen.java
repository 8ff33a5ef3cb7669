package dev.ragft.questionnaire;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/**
 * When a conditional question is asked: only if another question's effective value is one of
 * {@code in} (enum questions, or {@code TRUE}/{@code FALSE} for a boolean), greater than {@code above}
 * (numeric questions), or, with {@code answered}, whether the other question was answered at all.
 *
 * <p>A value or range condition steers the console only; an answers file may still give the question,
 * and validation accepts it, so nothing a user wrote is dropped. An {@code answered} condition says more:
 * the question is an alternative to, or a detail of, the other one's answer (the price of one GPU instance
 * matters only when the monthly serving cost is not stated), so where it fails the question takes no
 * default and its value is not used (an answer given anyway is kept, and the rules say it went unused).
 *
 * @param question the id of the question the condition looks at
 * @param in allowed values (upper case), or empty when the condition is numeric or about being answered
 * @param above the exclusive lower bound, or {@code null} when the condition is a value list or about being answered
 * @param answered {@code true}: asked when the other question is answered; {@code false}: when it is not;
 *     {@code null} for a value or range condition
 */
public record AskWhen(String question, List<String> in, BigDecimal above, Boolean answered) {

    /** Copies the list of values. */
    public AskWhen {
        in = List.copyOf(in);
    }

    /** A value-list or range condition. */
    public AskWhen(String question, List<String> in, BigDecimal above) {
        this(question, in, above, null);
    }

    /** Whether this is a condition on the other question being answered (see the type's description). */
    public boolean aboutAnswered() {
        return answered != null;
    }

    /** Whether the condition holds for the other question's value (normalized or raw); false for null. */
    public boolean test(Object value) {
        if (answered != null) {
            return answered == (value != null);
        }
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
        if (value instanceof Boolean flag) {
            return in.contains(flag ? "TRUE" : "FALSE");
        }
        return value instanceof String text && in.contains(text.trim().toUpperCase(Locale.ROOT));
    }

    /** The condition in words: "Asked only when latency_sensitivity is MEDIUM or HIGH". */
    public String describe() {
        if (answered != null) {
            return "Asked only when " + question + (answered ? " is answered" : " is not answered");
        }
        if (above != null) {
            return "Asked only when " + question + " is above " + above.toPlainString();
        }
        return "Asked only when " + question + " is " + String.join(" or ", in);
    }
}
