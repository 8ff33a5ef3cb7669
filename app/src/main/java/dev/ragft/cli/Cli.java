package dev.ragft.cli;

import dev.ragft.InputError;
import dev.ragft.InvalidAnswersException;
import dev.ragft.RuleError;
import dev.ragft.RuleFaultException;
import dev.ragft.RulesException;
import dev.ragft.console.Console;
import dev.ragft.questionnaire.QuestionnaireException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import picocli.CommandLine;

/** Builds the configured picocli command line; one place for exit codes and error reporting. */
public final class Cli {

    private Cli() {
    }

    /** Runs {@code ragft} with these arguments; returns the exit code. */
    static int run(String[] args) {
        if (args.length == 0) {
            // The interactive console, with nothing to parse: skipping picocli's model building keeps it
            // off the path to the first question (SPEC §7: on screen within 0.3 s).
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
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setUsageHelpAutoWidth(true);
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
