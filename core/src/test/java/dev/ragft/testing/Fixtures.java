package dev.ragft.testing;

import dev.ragft.questionnaire.Answers;
import dev.ragft.answers.Consultations;
import dev.ragft.Advisor;
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

    private Fixtures() {
    }

    /** The engine over the repo's rules and questionnaire, compiled once per test JVM. */
    public static synchronized Engine engine() {
        if (engine == null) {
            try {
                engine = new Engine(Questionnaire.load(Path.of("questionnaires/advisor.json")),
                        RuleBase.compile(RuleSource.fromDirectory(Path.of("rules"))));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return engine;
    }

    /**
     * An advisor (the facade front ends use) over the repo's rules and questionnaire, once per test JVM. It
     * compiles the rules a second time beside {@link #engine()}, through the compiled-rules cache in
     * {@code target/}, since the facade never takes an engine from outside.
     */
    public static synchronized Advisor advisor() {
        if (advisor == null) {
            try {
                advisor = Advisor.of(engine().questionnaire(),
                        Advisor.Rules.load(Path.of("rules"), Path.of("core/target/test-rules-cache")));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return advisor;
    }

    private static Advisor advisor;

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
