package dev.ragft.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The top-level {@code ragft} command. */
@Command(name = "ragft",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {
            "Should you fine-tune a model, use retrieval-augmented generation (RAG), or build a hybrid?",
            "ragft answers criterion by criterion against the guide \"Fine-Tuning vs RAG: When to Use Which\",",
            "with costs over your horizon, caveats, and the rules that decided.",
            ""},
        subcommands = {AdviseCommand.class, QuestionsCommand.class, RulesCommand.class, picocli.CommandLine.HelpCommand.class},
        footer = {"",
            "Exit codes: 0 success, 2 bad input or usage, 3 rules do not compile or verify,",
            "            4 scenario expectations not met, 1 anything else.",
            "Examples:",
            "  ragft advise questionnaires/examples/small-company.json",
            "  ragft advise --format json --set monthly_queries=50k answers.json"})
final class RagftCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
