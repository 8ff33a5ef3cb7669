package dev.ragft;

/**
 * One rule of a loaded policy as people read it: its name, the file it is written in, and the
 * criterion and guide section its metadata names. What the console's {@code why rules} lists.
 *
 * @param name the rule's name as written in the DRL
 * @param file the DRL file that holds it
 * @param criterion the rule's {@code @criterion} metadata
 * @param section the rule's {@code @section} metadata (the guide section it follows)
 */
public record RuleDescription(String name, String file, String criterion, String section) {
}
