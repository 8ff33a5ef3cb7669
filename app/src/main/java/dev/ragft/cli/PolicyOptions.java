package dev.ragft.cli;

import dev.ragft.EvaluationLimits;
import dev.ragft.engine.Engine;
import dev.ragft.engine.RuleBase;
import dev.ragft.engine.RuleSource;
import dev.ragft.questionnaire.Questionnaire;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
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

    @Option(names = "--time-limit", paramLabel = "SECONDS",
            description = "Longest one evaluation of the rules may take before it is stopped and reported as a rule"
                    + " fault (default: 10; a consultation takes milliseconds).")
    Double timeLimit;

    /** The limits each evaluation runs under: the defaults, with --time-limit if given. */
    EvaluationLimits limits() {
        if (timeLimit == null) {
            return EvaluationLimits.DEFAULT;
        }
        if (!(timeLimit > 0) || timeLimit > 86_400) {
            throw new Cli.UsageProblem("--time-limit must be a number of seconds above 0 and at most 86400, got "
                    + timeLimit);
        }
        return EvaluationLimits.DEFAULT.withTimeLimit(Duration.ofNanos(Math.max(1_000_000L, (long) (timeLimit * 1e9))));
    }

    /** Makes {@link #limits()} the limits of every evaluation in this process (rules loaded early included). */
    void applyLimits() {
        EvaluationLimits.useByDefault(limits());
    }

    /** The example consultations beside the questionnaire in use, or null when there are none. */
    Path examples() {
        Path file = questionnaire != null ? questionnaire : fromHome("questionnaires/advisor.json");
        Path folder = file == null ? null : file.toAbsolutePath().resolveSibling("examples");
        return folder != null && Files.isDirectory(folder) ? folder : null;
    }

    Engine engine() {
        // Two cores, two independent loads: the rules (cache read or DRL compile) on a helper thread
        // while this one reads the questionnaire. Saves about a quarter of a CLI run's start-up.
        FutureTask<RuleBase> rulesTask = rules == null ? EarlyRules.claim() : null;
        if (rulesTask == null) {
            rulesTask = new FutureTask<>(this::loadRules);
            Thread loader = new Thread(rulesTask, "ragft-rules-loader");
            loader.setDaemon(true);
            loader.start();
        }
        Questionnaire loaded = loadQuestionnaire();
        try {
            applyLimits();
            return new Engine(loaded, rulesTask.get());
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime; // RulesException, UsageProblem…: reported by Cli as if thrown here
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while loading the rules", e);
        }
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
        applyLimits();
        return RuleBase.compile(ruleSource(), RuleBase.defaultCacheDir());
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
