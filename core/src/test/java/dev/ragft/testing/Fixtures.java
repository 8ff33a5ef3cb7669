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

    private static Engine engine;
    private static RuleBase ruleBase;
    private static Questionnaire questionnaire;
    private static Advisor advisor;

    private Fixtures() {
    }

    // Compiled in memory, not read from the compiled-rules cache: whether a rule base read back from the
    // cache evaluates as fast as a compiled one is not yet measured (ExhaustiveCheckTest took 854 s on one
    // against 148 s on a compiled one, at about twice the load), so the tests evaluate what a compile gives.

    /** The repo's {@code rules/}, compiled once per test JVM and shared by every test class in it. */
    public static synchronized RuleBase ruleBase() {
        if (ruleBase == null) {
            try {
                ruleBase = RuleBase.compile(RuleSource.fromDirectory(Path.of("rules")));
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
     * The public facade over the repo's rules and questionnaire, built once per test JVM (one compile
     * for every test class that uses it, where each used to compile its own): what
     * {@code Advisor.fromDirectory(Path.of("rules"), Path.of("questionnaires/advisor.json"))} gives, for
     * tests about anything but loading the rules. An advisor is immutable and safe to share.
     */
    public static synchronized Advisor advisor() {
        if (advisor == null) {
            advisor = Advisor.fromDirectory(Path.of("rules"), Path.of("questionnaires/advisor.json"));
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
