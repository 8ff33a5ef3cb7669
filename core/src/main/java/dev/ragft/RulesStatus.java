package dev.ragft;

/**
 * The health of the rules a long-running front end serves, for {@code /healthz}: unhealthy when the
 * last rules tried (at start or on a reload) failed their check, with the reason. Nothing in it names a
 * folder, only files inside the rules folder.
 *
 * @param healthy whether the last rules tried are the ones in use and passed their check
 * @param load how many times rules were taken into use (1 after the start)
 * @param rules a line about the rules in use, e.g. {@code 10 rule files, 90 rules (load 1)}
 * @param reason why it is unhealthy; null when healthy
 */
public record RulesStatus(boolean healthy, int load, String rules, String reason) {
}
