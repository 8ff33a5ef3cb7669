package dev.ragft.testing;

import dev.ragft.Advisor;
import dev.ragft.questionnaire.Answers;
import dev.ragft.answers.Consultations;
import dev.ragft.engine.Engine;
import dev.ragft.engine.RuleBase;
import dev.ragft.engine.RuleSource;
import dev.ragft.questionnaire.Questionnaire;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The real rules and questionnaire, and the consultations the analysis and console tests run over. */
public final class Fixtures {

    /** One consultation: where it came from and its answers. */
    public record Consultation(String name, Answers answers) {
        @Override
        public String toString() {
            return name;
        }
    }

    /**
     * The compiled-rules cache the tests share, in the build's output: the first test JVM that needs the
     * shipped rules compiles them, every later one (the other module, a later run) reads them back, which
     * is a small fraction of a compile. The cache's key covers every DRL file, the policy and ragft itself,
     * so an edit to the rules is a miss and a real compile; tests of compiling itself do not use it.
     */
    public static final Path RULES_CACHE = Path.of("target", "test-rules-cache");

    private static Engine engine;
    private static RuleBase ruleBase;
    private static Questionnaire questionnaire;
    private static Advisor advisor;

    private Fixtures() {
    }

    /** The repo's {@code rules/}, compiled (or read from {@link #RULES_CACHE}) once per test JVM. */
    public static synchronized RuleBase ruleBase() {
        if (ruleBase == null) {
            try {
                ruleBase = RuleBase.compile(RuleSource.fromDirectory(Path.of("rules")), RULES_CACHE);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return ruleBase;
    }

    /** The repo's {@code questionnaires/advisor.json}, read once per test JVM (it is immutable). */
    public static synchronized Questionnaire questionnaire() {
        if (questionnaire == null) {
            questionnaire = Questionnaire.load(Path.of("questionnaires/advisor.json"));
        }
        return questionnaire;
    }

    /** The engine over the repo's rules and questionnaire, compiled once per test JVM. */
    public static synchronized Engine engine() {
        if (engine == null) {
            engine = new Engine(questionnaire(), ruleBase());
        }
        return engine;
    }

    /**
     * The public facade over the repo's rules and questionnaire, built once per test JVM: what
     * {@code Advisor.fromDirectory(Path.of("rules"), Path.of("questionnaires/advisor.json"))} gives, for
     * tests about anything but loading the rules. An advisor is immutable and safe to share.
     */
    public static synchronized Advisor advisor() {
        if (advisor == null) {
            try {
                advisor = Advisor.of(questionnaire(), Advisor.Rules.load(Path.of("rules"), RULES_CACHE));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return advisor;
    }

    /** The shipped examples ({@code questionnaires/examples/*.json}) and this package's own fixtures. */
    public static List<Consultation> consultations() {
        List<Consultation> all = new ArrayList<>();
        for (Path folder : List.of(Path.of("questionnaires/examples"), Path.of("core/src/test/resources/analysis"))) {
            if (!Files.isDirectory(folder)) {
                continue;
            }
            try {
                // Read as `rules test` and `rules diff` read them: examples or plain answers files.
                for (dev.ragft.answers.Consultation read : Consultations.readFolder(folder)) {
                    all.add(new Consultation(folder.getFileName() + "/" + read.file().getFileName(), read.answers()));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return all;
    }
}
