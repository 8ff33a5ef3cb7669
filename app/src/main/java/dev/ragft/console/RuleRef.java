package dev.ragft.console;

/**
 * A rule as the console names it to the user: its name, file, the criterion it speaks to and the
 * guide section it cites (from the rule's {@code @criterion} and {@code @section} metadata).
 */
record RuleRef(String name, String file, String criterion, String section) {
}
