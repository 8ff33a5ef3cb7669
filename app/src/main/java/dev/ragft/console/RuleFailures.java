package dev.ragft.console;

import dev.ragft.RuleError;
import dev.ragft.RuleFaultException;
import dev.ragft.RulesException;

/**
 * What the user sees when the rules cannot be used (they did not compile, or a reload's check refused
 * them) or failed on some answers; the same words before and after the result, so one place writes them.
 */
final class RuleFailures {

    private RuleFailures() {
    }

    /** A rule failed on these answers: what the user sees; the result and the answers so far stay. */
    static void showFault(Prompter prompter, Style style, RuleFaultException fault) {
        prompter.println(style.error("A rule failed on these answers:"));
        for (RuleError error : fault.errors()) {
            prompter.println("  " + error);
        }
    }

    /** The rules cannot be used: their errors when they are rule errors, else the failure's message. */
    static void showUnusable(Prompter prompter, Style style, Throwable failure) {
        if (failure instanceof RulesException rules) {
            prompter.println(style.error("The rules cannot be used:"));
            for (RuleError error : rules.errors()) {
                prompter.println("  " + error);
            }
        } else {
            prompter.println(style.error("The rules cannot be used: " + failure.getMessage()));
        }
    }
}
