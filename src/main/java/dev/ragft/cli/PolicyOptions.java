package dev.ragft.cli;

import dev.ragft.internal.Engine;
import dev.ragft.internal.RuleBase;
import dev.ragft.internal.RuleSource;
import dev.ragft.questionnaire.Questionnaire;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * Where the rules and the questionnaire come from. By default the launcher's checkout (so an edit to
 * {@code rules/} takes effect on the next run, with no rebuild), else the copy packaged in the jar.
 */
final class PolicyOptions {

    /** Set by the {@code ./ragft} launcher to the checkout it lives in. */
    static final String HOME_PROPERTY = "ragft.home";

    @Option(names = "--rules", paramLabel = "DIR",
            description = "Rules folder (*.drl and policy.properties). Default: rules/ of the ragft checkout, else the packaged rules.")
    Path rules;

    @Option(names = "--questionnaire", paramLabel = "FILE",
            description = "Questionnaire definition. Default: questionnaires/advisor.json of the checkout, else the packaged one.")
    Path questionnaire;

    Engine engine() {
        return new Engine(loadQuestionnaire(), loadRules());
    }

    Questionnaire loadQuestionnaire() {
        Path file = questionnaire != null ? questionnaire : fromHome("questionnaires/advisor.json");
        if (file == null) {
            return Questionnaire.fromClasspath();
        }
        if (!Files.isRegularFile(file)) {
            throw new Cli.UsageProblem("questionnaire " + file + ": no such file");
        }
        return Questionnaire.load(file);
    }

    RuleBase loadRules() {
        return RuleBase.compile(ruleSource());
    }

    RuleSource ruleSource() {
        Path dir = rules != null ? rules : fromHome("rules");
        if (dir == null) {
            return RuleSource.fromClasspath(PolicyOptions.class.getClassLoader());
        }
        try {
            return RuleSource.fromDirectory(dir);
        } catch (IOException e) {
            throw new Cli.UsageProblem(e.getMessage());
        }
    }

    static Path fromHome(String relative) {
        String home = System.getProperty(HOME_PROPERTY);
        if (home == null || home.isBlank()) {
            return null;
        }
        Path path = Path.of(home).resolve(relative);
        return Files.exists(path) ? path : null;
    }
}
