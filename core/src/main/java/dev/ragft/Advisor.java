package dev.ragft;

import dev.ragft.questionnaire.Answers;
import dev.ragft.engine.Engine;
import dev.ragft.engine.RuleBase;
import dev.ragft.engine.RuleSource;
import dev.ragft.analysis.Counterfactuals;
import dev.ragft.questionnaire.Questionnaire;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * The entry point for embedding ragft: load a policy once, then call {@link #advise(Answers)} as often
 * as you like, from as many threads as you like.
 *
 * <pre>{@code
 * Advisor advisor = Advisor.fromClasspath();
 * Advice advice = advisor.advise(Answers.fromJson(json, "answers.json"));
 * System.out.println(advice.strategy() + " " + advice.confidence());
 * }</pre>
 *
 * <p>Loading compiles the rules (about a second); advising is fast and allocates a fresh rule session
 * per call, so an {@code Advisor} is safe to share.
 */
public final class Advisor {

    private final Engine engine;

    private Advisor(Engine engine) {
        this.engine = engine;
    }

    /** The policy and questionnaire packaged in the ragft jar. */
    public static Advisor fromClasspath() {
        return new Advisor(new Engine(Questionnaire.fromClasspath(),
                RuleBase.compile(RuleSource.fromClasspath(Advisor.class.getClassLoader()))));
    }

    /**
     * The policy in a rules folder (its {@code *.drl} files and {@code policy.properties}), with the
     * packaged questionnaire.
     *
     * @throws RulesException if the rules do not compile or the policy values are wrong, with file and line
     * @throws UncheckedIOException if the folder cannot be read
     */
    public static Advisor fromDirectory(Path rulesDir) {
        return new Advisor(new Engine(Questionnaire.fromClasspath(), compile(rulesDir)));
    }

    /** The policy in a rules folder, with the questionnaire definition in {@code questionnaireFile}. */
    public static Advisor fromDirectory(Path rulesDir, Path questionnaireFile) {
        return new Advisor(new Engine(Questionnaire.load(questionnaireFile), compile(rulesDir)));
    }

    private static RuleBase compile(Path rulesDir) {
        try {
            return RuleBase.compile(RuleSource.fromDirectory(rulesDir));
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }

    /**
     * Validates the answers, computes the costs and runs the rules.
     *
     * @throws InvalidAnswersException naming every field that is wrong
     */
    public Advice advise(Answers answers) {
        return engine.advise(answers);
    }

    /**
     * What would change this advice: for each question the nearest answer that changes the recommended
     * strategy, and the cost crossover in words. Takes a few milliseconds on a warm advisor.
     *
     * @param advice advice this advisor produced (its answers are re-evaluated with one change at a time)
     */
    public Analysis analyze(Advice advice) {
        return Counterfactuals.analyze(engine, advice);
    }

    /** The questions this advisor asks, with their types, ranges and defaults. */
    public Questionnaire questionnaire() {
        return engine.questionnaire();
    }
}
