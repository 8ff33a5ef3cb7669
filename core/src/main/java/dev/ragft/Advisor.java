package dev.ragft;

import dev.ragft.questionnaire.Answers;
import dev.ragft.engine.Engine;
import dev.ragft.engine.RuleBase;
import dev.ragft.engine.RuleSource;
import dev.ragft.analysis.Counterfactuals;
import dev.ragft.questionnaire.Questionnaire;
import dev.ragft.report.Report;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Set;

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

    /**
     * The full report of {@code advice} as the command line and the console write it, dated now. Here
     * rather than in the front ends because it needs the engine (its questionnaire and rule files) and
     * the analysis, which the front ends reach only through the facade.
     *
     * @param withAnalysis whether to include what would change the decision
     * @param skipped ids of the questions the console skipped (their defaults were used without asking)
     */
    public static Report report(Engine engine, Advice advice, boolean withAnalysis, Set<String> skipped) {
        Analysis analysis = withAnalysis ? Counterfactuals.analyze(engine, advice) : null;
        return Report.of(engine.questionnaire(), rulesVersion(engine.rules().source()), advice, analysis, skipped,
                Instant.now());
    }

    /**
     * The rules version reports print: a SHA-256 over every rule file's name and text and the policy
     * file, in the order the rule source lists them, shortened to 12 hex digits (enough to tell two rule
     * sets apart).
     */
    public static String rulesVersion(RuleSource source) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (RuleSource.SourceFile file : source.drl()) {
                update(digest, file.name());
                update(digest, file.text());
            }
            update(digest, source.policy().name());
            update(digest, source.policy().text());
            return HexFormat.of().formatHex(digest.digest()).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    // Length-prefixed, so moving text from one file to the next changes the hash.
    private static void update(MessageDigest digest, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        digest.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
        digest.update((byte) ':');
        digest.update(bytes);
    }

    /** The questions this advisor asks, with their types, ranges and defaults. */
    public Questionnaire questionnaire() {
        return engine.questionnaire();
    }
}
