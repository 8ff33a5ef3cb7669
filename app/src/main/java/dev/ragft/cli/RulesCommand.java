package dev.ragft.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code ragft rules}: the policy owner's loop — check an edit, test it, see its effect. */
@Command(name = "rules", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Check, test and compare edits of the policy in rules/.",
            "",
            "Check that an edit compiles and is consistent, run the example consultations against it, "
                + "and see which consultations it changes."},
        subcommands = {RulesCheckCommand.class, RulesTestCommand.class, RulesDiffCommand.class},
        footer = {"", "A safe loop for a policy edit:",
            "  cp -r rules /tmp/new-rules && $EDITOR /tmp/new-rules/policy.properties",
            "  ragft rules check --rules /tmp/new-rules",
            "  ragft rules diff --base rules --rules /tmp/new-rules",
            "  ragft rules test --rules /tmp/new-rules",
            "Exit codes: 0 fine, 2 bad usage or file, 3 rules do not compile or verify, 4 expectations not met."})
final class RulesCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
