package dev.ragft.cli;

import dev.ragft.Advisor;
import dev.ragft.EvaluationLimits;
import dev.ragft.policy.CheckedRules;
import dev.ragft.policy.RuleFiles;
import dev.ragft.questionnaire.Answers;
import dev.ragft.questionnaire.Questionnaire;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;
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

    /** The advisor over these rules and this questionnaire (the rules compiled, or read from the cache). */
    Advisor advisor() {
        // Two cores, two independent loads: the rules (cache read or DRL compile) on a helper thread
        // while this one reads the questionnaire. Saves about a quarter of a CLI run's start-up.
        FutureTask<Advisor.Rules> rulesTask = rules == null ? EarlyRules.claim() : null;
        if (rulesTask == null) {
            rulesTask = new FutureTask<>(this::loadRules);
            Thread loader = new Thread(rulesTask, "ragft-rules-loader");
            loader.setDaemon(true);
            loader.start();
        }
        Questionnaire loaded = loadQuestionnaire();
        try {
            applyLimits();
            return Advisor.of(loaded, rulesTask.get());
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

    /** The rules (folder or packaged), compiled or read from the compiled-rules cache. */
    Advisor.Rules loadRules() {
        applyLimits();
        Path dir = rulesDir();
        if (dir == null) {
            return Advisor.Rules.packaged(Advisor.defaultCacheDir());
        }
        try {
            return Advisor.Rules.load(dir, Advisor.defaultCacheDir());
        } catch (IOException e) {
            throw new Cli.UsageProblem(e.getMessage());
        }
    }

    /** The rule files (folder or packaged) for the policy commands and {@code serve}. */
    RuleFiles ruleFiles() {
        try {
            return RuleFiles.read(rulesDir());
        } catch (IOException e) {
            throw new Cli.UsageProblem(e.getMessage());
        }
    }

    /**
     * The console's reloads: these rules read again, compiled through the compiled-rules cache and checked
     * with the smoke set plus the answers {@code current} gives.
     */
    CheckedRules reloading(Questionnaire loaded, Supplier<Answers> current) {
        return CheckedRules.reloading(loaded, rulesDir(), Advisor.defaultCacheDir(), current);
    }

    /** The rules folder: --rules, else the checkout's rules/; null for the packaged rules. */
    private Path rulesDir() {
        return rules != null ? rules : fromHome("rules");
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
