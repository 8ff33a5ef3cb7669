package dev.ragft.cli;

import dev.ragft.questionnaire.Choice;
import dev.ragft.questionnaire.Question;
import dev.ragft.questionnaire.Questionnaire;
import dev.ragft.questionnaire.Section;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code ragft questions}: the questionnaire, for writing answers files by hand. */
@Command(name = "questions", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"List the questions an answers file may answer: id, type, allowed values or range, "
                + "default, and what each means."})
final class QuestionsCommand implements Callable<Integer> {

    enum Format { text, json }

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "text",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    @Mixin
    PolicyOptions policy;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Questionnaire questionnaire = policy.loadQuestionnaire();
        PrintWriter out = spec.commandLine().getOut();
        if (format == Format.json) {
            out.println(questionnaire.toJson());
        } else {
            text(questionnaire, out);
        }
        out.flush();
        return ExitCodes.OK;
    }

    private static void text(Questionnaire questionnaire, PrintWriter out) {
        for (Section section : questionnaire.sections()) {
            out.println(section.title().toUpperCase(java.util.Locale.ROOT));
            for (Question question : questionnaire.questionsIn(section.id())) {
                StringBuilder line = new StringBuilder("  ").append(question.id()).append("  (")
                        .append(question.type().jsonName());
                if (!question.choices().isEmpty()) {
                    line.append(": ").append(question.choices().stream().map(Choice::value).collect(Collectors.joining(" | ")));
                }
                String range = question.rangeText();
                if (range != null && !range.isBlank()) {
                    line.append(", ").append(range);
                }
                line.append(question.required() ? ", required" : defaultText(question)).append(")");
                out.println(line);
                out.println("      " + question.prompt());
            }
            out.println();
        }
        out.println("An answers file is a JSON object of these ids, e.g. {\"knowledge_change\": \"DAILY\", \"monthly_queries\": 50000}.");
    }

    private static String defaultText(Question question) {
        if (question.defaultValue() == null) {
            return ", optional";
        }
        if (question.defaultValue().isDependent()) {
            return ", default by " + question.defaultValue().dependsOn() + ": " + question.defaultValue().byValue();
        }
        return ", default " + question.defaultValue().literal();
    }
}
