package dev.ragft.cli;

import dev.ragft.InputError;
import dev.ragft.InvalidAnswersException;
import dev.ragft.RuleError;
import dev.ragft.RuleFaultException;
import dev.ragft.RulesException;
import dev.ragft.console.Console;
import dev.ragft.console.TextWrap;
import dev.ragft.questionnaire.QuestionnaireException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/** Builds the configured picocli command line; one place for exit codes and error reporting. */
public final class Cli {

    private Cli() {
    }

    /** Runs {@code ragft} with these arguments; returns the exit code. */
    static int run(String[] args) {
        if (args.length == 0) {
            // The interactive console, with nothing to parse: skipping picocli's model building keeps it
            // off the path to the first question (on screen within 0.3 s).
            return outputChecked(console(), null);
        }
        EarlyRules.startFor(args);
        CommandLine commandLine = commandLine();
        return outputChecked(commandLine.execute(args), commandLine);
    }

    /**
     * A report that could not be written is not a success: PrintStream swallows write errors (a full
     * disk, {@code > /dev/full}, a closed pipe), so they are looked for once everything is flushed.
     */
    static int outputChecked(int code, CommandLine commandLine) {
        if (commandLine != null) {
            commandLine.getOut().flush();
        }
        System.out.flush();
        if (System.out.checkError() || commandLine != null && commandLine.getOut().checkError()) {
            System.err.println("ragft: cannot write to standard output (disk full, or the reader went away);"
                    + " the output is incomplete");
            System.err.flush();
            return code == ExitCodes.OK ? ExitCodes.FAILURE : code;
        }
        return code;
    }

    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new RagftCommand());
        commandLine.setExecutionExceptionHandler(Cli::report);
        commandLine.setParameterExceptionHandler(Cli::usageError);
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setUsageHelpAutoWidth(true);
        wrapHelpAtSpaces(commandLine);
        if (Boolean.getBoolean(Console.CDS_TRAINING_PROPERTY)) {
            PolicyOptions defaults = new PolicyOptions();
            try {
                Console.rehearse(defaults::loadRules, defaults::loadQuestionnaire);
            } catch (IOException | RuntimeException ignored) {
                // Only a missed optimisation: what did not run loads from the jar when the console needs it.
            }
        }
        return commandLine;
    }

    /** {@code ragft} with no arguments: the console with default options, errors reported as by picocli runs. */
    static int console() {
        RagftCommand command = new RagftCommand();
        command.policy = new PolicyOptions();
        try {
            return command.call();
        } catch (RuntimeException failure) {
            return report(failure, commandLine(), null);
        }
    }

    /** Wider than any line of help: a section laid out at this width is not wrapped at all. */
    private static final int UNWRAPPED = 10_000;

    /**
     * Every help section, of this command and its subcommands, laid out by picocli without wrapping and
     * then wrapped at spaces to the terminal's width by {@link TextWrap}. Picocli's own wrapping breaks
     * lines wherever Java's line {@link java.text.BreakIterator} allows, which includes after the dot and
     * the hyphen inside a word ("ragft-draft." / "json"); continuation lines keep picocli's columns.
     */
    private static void wrapHelpAtSpaces(CommandLine commandLine) {
        Map<String, CommandLine.IHelpSectionRenderer> sections = new LinkedHashMap<>();
        commandLine.getHelpSectionMap().forEach((key, renderer) -> sections.put(key, help -> {
            CommandLine.Model.UsageMessageSpec usage = help.commandSpec().usageMessage();
            int width = usage.width();
            boolean auto = usage.autoWidth();
            String text;
            usage.autoWidth(false).width(UNWRAPPED);
            try {
                text = renderer.render(help);
            } finally {
                usage.width(width).autoWidth(auto);
            }
            return key.equals(CommandLine.Model.UsageMessageSpec.SECTION_KEY_SYNOPSIS) ? rewrapSynopsis(text, width, help)
                    : rewrap(text, width);
        }));
        commandLine.setHelpSectionMap(sections);
        for (CommandLine sub : commandLine.getSubcommands().values()) {
            if (sub != commandLine) {
                wrapHelpAtSpaces(sub);
            }
        }
    }

    /**
     * The usage line, which follows its heading ("Usage: ") on the same line: wrapped as if the heading
     * were part of it, continuing under the first option, after "Usage: ragft advise ".
     */
    private static String rewrapSynopsis(String text, int width, CommandLine.Help help) {
        String heading = "Usage: ";
        int hanging = heading.length() + help.commandSpec().qualifiedName().length() + 1;
        StringBuilder out = new StringBuilder();
        for (String line : text.strip().split("\n")) {
            for (String part : TextWrap.wrap(" ".repeat(heading.length()) + line.strip(), width, hanging)) {
                out.append(out.length() == 0 ? part.substring(heading.length()) : part).append('\n');
            }
        }
        return out.toString();
    }

    /** A section's lines wrapped at spaces; lines that fit are left exactly as picocli made them. */
    private static String rewrap(String text, int width) {
        boolean newlineAtEnd = text.endsWith("\n");
        String body = newlineAtEnd ? text.substring(0, text.length() - 1) : text;
        StringBuilder out = new StringBuilder();
        for (String line : body.split("\n", -1)) {
            List<String> parts = TextWrap.wrapParagraphs(line, width);
            for (String part : parts) {
                out.append(parts.size() == 1 ? part : part.stripTrailing()).append('\n');
            }
        }
        return newlineAtEnd ? out.toString() : out.substring(0, out.length() - 1);
    }

    /**
     * A mistake on the command line ({@code --format pdf}, an unknown option): picocli's one-line reason,
     * which names the allowed values, a "did you mean" where it has one, and where the usage is; not the
     * whole usage text, which would bury the reason.
     */
    static int usageError(CommandLine.ParameterException problem, String[] args) {
        CommandLine command = problem.getCommandLine();
        PrintWriter err = command.getErr();
        err.println("ragft: " + problem.getMessage() + " (see: " + command.getCommandSpec().qualifiedName() + " --help)");
        CommandLine.UnmatchedArgumentException.printSuggestions(problem, err);
        err.flush();
        return ExitCodes.BAD_INPUT;
    }

    // Users see what went wrong and where, never a stack trace (unless RAGFT_DEBUG asks for one).
    static int report(Exception failure, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        int code;
        if (failure instanceof InvalidAnswersException invalid) {
            err.println("ragft: the answers cannot be used (" + invalid.errors().size() + " problem"
                    + (invalid.errors().size() == 1 ? "" : "s") + "):");
            for (InputError error : invalid.errors()) {
                err.println("  " + error.field() + ": " + error.message());
            }
            code = ExitCodes.BAD_INPUT;
        } else if (failure instanceof RuleFaultException fault) {
            err.println("ragft: a rule failed on this consultation:");
            for (RuleError error : fault.errors()) {
                err.println("  " + error);
            }
            if (fault.answers() != null) {
                err.println("  on the answers: " + RuleFaultException.answersText(fault.answers()));
            }
            code = ExitCodes.RULES;
        } else if (failure instanceof RulesException rules) {
            err.println("ragft: the rules cannot be used:");
            for (RuleError error : rules.errors()) {
                err.println("  " + error);
            }
            code = ExitCodes.RULES;
        } else if (failure instanceof UsageProblem | failure instanceof UncheckedIOException
                | failure instanceof QuestionnaireException) {
            err.println("ragft: " + failure.getMessage());
            code = ExitCodes.BAD_INPUT;
        } else {
            err.println("ragft: internal error: " + failure
                    + (debug() ? "" : " (set RAGFT_DEBUG=1 to see where it happened)"));
            code = ExitCodes.FAILURE;
        }
        if (debug()) {
            failure.printStackTrace(err);
        }
        err.flush();
        return code;
    }

    private static boolean debug() {
        String value = System.getenv("RAGFT_DEBUG");
        return value != null && !value.isBlank() && !"0".equals(value);
    }

    /** A problem with what the user asked for, worded for them; exits with {@link ExitCodes#BAD_INPUT}. */
    static final class UsageProblem extends RuntimeException {

        private static final long serialVersionUID = 1L;

        UsageProblem(String message) {
            super(message);
        }
    }
}
