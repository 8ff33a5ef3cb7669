package dev.ragft.cli;

import dev.ragft.questionnaire.Answers;
import dev.ragft.console.Console;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The top-level {@code ragft} command; with no subcommand it runs the interactive consultation. */
@Command(name = "ragft",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {"Should you fine-tune a model, use retrieval-augmented generation (RAG), or build a hybrid? "
                    + "ragft answers criterion by criterion against the guide \"Fine-Tuning vs RAG: When to Use "
                    + "Which\", with costs over your horizon, caveats, and the rules that decided.",
            "",
            "With no command, ragft asks its questions in the terminal (or reads the answers, one per "
                + "line, from standard input) and then shows the recommendation. Type help, why, back, skip "
                + "or quit at any question; an interrupted consultation is saved as a draft and continues "
                + "with --resume.",
            ""},
        subcommands = {AdviseCommand.class, QuestionsCommand.class, RulesCommand.class, ServeCommand.class,
            picocli.CommandLine.HelpCommand.class},
        footer = {"",
            "Exit codes: 0 success, 2 bad input or usage, 3 rules do not compile or verify,",
            "            4 scenario expectations not met, 1 anything else.",
            "Examples:",
            "  ragft                       start a consultation",
            "  ragft --resume              continue the one saved in ragft-draft.json",
            "  ragft --answers team.json   ask only what team.json does not answer",
            "  ragft advise questionnaires/examples/small-company.json",
            "  ragft advise --format json --set monthly_queries=50k answers.json"})
final class RagftCommand implements Callable<Integer> {

    static final String DEFAULT_DRAFT = "ragft-draft.json";

    @Option(names = "--resume", arity = "0..1", paramLabel = "FILE", fallbackValue = DEFAULT_DRAFT,
            description = "Continue an interrupted consultation from its draft (default: " + DEFAULT_DRAFT + ").")
    Path resume;

    @Option(names = "--answers", paramLabel = "FILE",
            description = "Pre-fill answers from an answers file; only the questions it leaves out are asked.")
    Path answers;

    @Option(names = "--draft", paramLabel = "FILE",
            description = "Where an interrupted consultation is saved (default: the --resume file, else " + DEFAULT_DRAFT + ").")
    Path draft;

    @Option(names = "--all-questions",
            description = "Ask every question. By default, questions that provably cannot change the recommendation "
                    + "(given the answers so far) are skipped and their defaults used; typing all at any prompt does the same.")
    boolean allQuestions;

    @Mixin
    PolicyOptions policy;

    @Override
    public Integer call() {
        Answers given = answers == null ? Answers.empty()
                : Answers.fromJson(Inputs.read(answers.toString(), System.in), answers.toString());
        Answers resumed = Answers.empty();
        if (resume != null) {
            if (!Files.isRegularFile(resume)) {
                throw new Cli.UsageProblem("no draft to resume at " + resume
                        + " (a draft is saved when a consultation is interrupted)");
            }
            resumed = Answers.fromJson(Inputs.read(resume.toString(), System.in), resume.toString());
        }
        Path target = draft != null ? draft : resume != null ? resume : Path.of(DEFAULT_DRAFT);
        return ExitCodes.of(Console.run(policy::loadRules, policy::reloading, policy::loadQuestionnaire, given, resumed,
                target, allQuestions));
    }
}
