package dev.ragft.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ragft.questionnaire.Answers;
import dev.ragft.InputError;
import dev.ragft.InvalidAnswersException;
import dev.ragft.answers.AtomicFiles;
import dev.ragft.answers.Consultations;
import dev.ragft.answers.TextInput;
import dev.ragft.questionnaire.Question;
import dev.ragft.questionnaire.Questionnaire;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reading answers files and {@code --set} overrides, and writing output files, with errors worded for users. */
final class Inputs {

    static final String STDIN = "-";
    private static final ObjectMapper JSON = new ObjectMapper();

    private Inputs() {
    }

    /** Reads a file, or standard input for {@code -}. */
    static String read(String name, InputStream stdin) {
        try {
            if (STDIN.equals(name)) {
                return TextInput.read(stdin, "<stdin>", TextInput.MAX_ANSWERS_BYTES);
            }
            Path path = Path.of(name);
            if (Files.isDirectory(path)) {
                throw new Cli.UsageProblem("cannot read '" + name + "': it is a folder, not an answers file");
            }
            return TextInput.read(path, TextInput.MAX_ANSWERS_BYTES);
        } catch (TextInput.UnreadableText e) {
            throw new Cli.UsageProblem("cannot use " + e.getMessage());
        } catch (IOException e) {
            throw cannotRead(name, e);
        }
    }

    /**
     * Reads answers from a plain answers file, or from an example consultation
     * ({@code {"description", "answers": {...}, "expect"}}), whose answers are used; which shape a file
     * has is decided as {@code rules test} and {@code rules diff} decide it ({@link Consultations#isExample}).
     */
    static Answers parseAnswers(String text, String sourceName) {
        JsonNode tree;
        try {
            tree = JSON.readTree(text);
        } catch (IOException e) {
            return Answers.fromJson(text, sourceName); // reports the syntax error with its line and column
        }
        if (tree != null && tree.isObject() && Consultations.isExample(tree)) {
            // Read again from the text, by the strict reader: exact numbers, duplicates refused, real lines.
            return Answers.fromExampleJson(text, sourceName);
        }
        return Answers.fromJson(text, sourceName);
    }

    /** Words an I/O failure on a file the user named, for {@link ExitCodes#BAD_INPUT}. */
    static Cli.UsageProblem cannotRead(String name, IOException failure) {
        String why = failure instanceof NoSuchFileException ? "no such file"
                : failure instanceof AccessDeniedException ? "permission denied"
                : failure.getMessage();
        return new Cli.UsageProblem("cannot read '" + name + "': " + why);
    }

    static String sourceName(String name) {
        return STDIN.equals(name) ? "<stdin>" : name;
    }

    /**
     * Applies {@code id=value} overrides. Values are parsed as the console parses them (10k, $0.11, yes);
     * an unknown id is passed through so validation reports it with a suggestion.
     */
    static Answers applySets(Answers answers, List<String> sets, Questionnaire questionnaire) {
        List<InputError> errors = new ArrayList<>();
        Answers result = answers;
        for (String set : sets) {
            int eq = set.indexOf('=');
            if (eq <= 0) {
                errors.add(new InputError("--set " + set, "expected ID=VALUE, e.g. --set monthly_queries=50000"));
                continue;
            }
            String id = set.substring(0, eq).strip();
            String text = set.substring(eq + 1).strip();
            Optional<Question> question = questionnaire.question(id);
            if (question.isEmpty()) {
                result = result.with(id, text);
                continue;
            }
            try {
                result = result.with(id, question.get().parseText(text));
            } catch (InvalidAnswersException e) {
                errors.addAll(e.errors());
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidAnswersException(errors);
        }
        return result;
    }

    /** Writes through a temporary file and a rename, so a reader never sees half a report. */
    static void writeAtomically(Path target, String text) {
        try {
            AtomicFiles.write(target, text);
        } catch (IOException e) {
            throw new Cli.UsageProblem("cannot write '" + target + "': " + e.getMessage());
        }
    }
}
