package dev.ragft;

import dev.ragft.questionnaire.Answers;
import dev.ragft.engine.Engine;
import dev.ragft.policy.CheckedRules;
import dev.ragft.engine.RuleBase;
import dev.ragft.engine.RuleSource;
import dev.ragft.analysis.Counterfactuals;
import dev.ragft.analysis.DecisionOracle;
import dev.ragft.analysis.Relevance;
import dev.ragft.questionnaire.Questionnaire;
import dev.ragft.report.Report;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.function.Supplier;

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
 * <p>{@link #fromClasspath()} loads the packaged rules precompiled by the build (no DRL compile at start);
 * a rules folder of your own compiles once, or is read from a compiled-rules cache with
 * {@link Rules#load(Path, Path)}. Advising is fast and thread-safe: sessions are reset and reused, and
 * outcomes are remembered per distinct set of facts, so an {@code Advisor} is safe to share.
 */
public final class Advisor {

    private final Engine engine;
    /** The blocker questions of these rules, read from them once. */
    private Set<String> neverSkipped;
    /** The relevance checks' memo of rule outcomes, made on first use; not thread-safe, so used under its lock. */
    private DecisionOracle oracle;

    private Advisor(Engine engine) {
        this.engine = engine;
    }

    /**
     * For front ends whose rules may be reloaded (the console's {@code reload}, {@code serve --watch}): an
     * advisor over whichever rules {@code rules} holds now, the same advisor (and memo) while they stay.
     */
    public static Supplier<Advisor> following(CheckedRules rules) {
        return following(rules::engine);
    }

    private static Supplier<Advisor> following(Supplier<Engine> engines) {
        return new Supplier<>() {
            private Engine seen;
            private Advisor advisor;

            @Override
            public synchronized Advisor get() {
                Engine current = engines.get();
                if (current != seen) {
                    advisor = new Advisor(current);
                    seen = current;
                }
                return advisor;
            }
        };
    }

    /**
     * A policy's rules, compiled and ready, not yet paired with a questionnaire: what a front end loads on a
     * helper thread while it reads the questionnaire, then hands to {@link #of(Questionnaire, Rules)}.
     * Immutable and thread-safe.
     */
    public static final class Rules {
        private final RuleBase ruleBase;

        private Rules(RuleBase ruleBase) {
            this.ruleBase = ruleBase;
        }

        /**
         * The rules packaged in the ragft jar: precompiled by the build, else (the jar's rules were changed
         * after it) compiled or read from {@code cacheDir}.
         *
         * @param cacheDir the compiled-rules cache folder ({@link #defaultCacheDir()}), or null for no cache
         * @throws RulesException if the rules do not compile or the policy values are wrong
         */
        public static Rules packaged(Path cacheDir) {
            return new Rules(RuleBase.packaged(Advisor.class.getClassLoader(), cacheDir));
        }

        /**
         * The rules in a folder (its {@code *.drl} files and {@code policy.properties}), compiled or read from
         * {@code cacheDir}: the compiled-rules cache the command line uses. An entry is named by the SHA-256 of
         * every DRL file's name and text, the policy file, the ragft, Drools and Java versions and the identity
         * of the ragft classes, so any edit misses and compiles (reporting errors as without a cache); only a
         * clean compile is stored, a damaged entry is deleted and recompiled, and the 16 newest are kept.
         *
         * @param cacheDir the compiled-rules cache folder ({@link #defaultCacheDir()}), or null for no cache
         * @throws IOException if the folder cannot be read (the message names it)
         * @throws RulesException if the rules do not compile or the policy values are wrong, with file and line
         */
        public static Rules load(Path rulesDir, Path cacheDir) throws IOException {
            return new Rules(compileCached(RuleSource.fromDirectory(rulesDir), cacheDir));
        }

        private static RuleBase compileCached(RuleSource source, Path cacheDir) {
            return cacheDir == null ? RuleBase.compile(source) : RuleBase.compile(source, cacheDir);
        }

        /** Where the rules came from (a folder or the jar), as messages name it. */
        public String origin() {
            return ruleBase.source().origin();
        }

        /** The rules version reports print (see {@link Advisor#rulesVersion(RuleSource)}). */
        public String version() {
            return rulesVersion(ruleBase.source());
        }

        /** Every rule of the policy, in the rule base's order. */
        public List<RuleDescription> descriptions() {
            return ruleBase.rules().stream()
                    .map(info -> new RuleDescription(info.name(), info.file(), info.criterion(), info.section()))
                    .toList();
        }
    }

    /**
     * Where command-line runs keep compiled policies: the {@code ragft.cache} system property (the launcher
     * points it into the checkout's {@code target/}), else {@code $XDG_CACHE_HOME/ragft}, else
     * {@code ~/.cache/ragft}; null when the property is {@code off} or no home is known.
     */
    public static Path defaultCacheDir() {
        return RuleBase.defaultCacheDir();
    }

    /** An advisor over rules loaded with {@link Rules} and the questions of {@code questionnaire}. */
    public static Advisor of(Questionnaire questionnaire, Rules rules) {
        return new Advisor(new Engine(questionnaire, rules.ruleBase));
    }

    /** The rules this advisor applies (their origin, version and descriptions). */
    public Rules rules() {
        return new Rules(engine.rules());
    }

    /**
     * The policy and questionnaire packaged in the ragft jar. The rules come precompiled in the jar (no DRL
     * compile at start) when its rules are the ones the build compiled; otherwise they are compiled here.
     */
    public static Advisor fromClasspath() {
        // The questionnaire (a JSON read, Jackson's first use in the JVM) is read on another core while the
        // precompiled rules load: a cold start's two longest steps, independent of each other.
        // (A fork-join task's join rethrows the questionnaire's own exception, unwrapped.)
        ForkJoinTask<Questionnaire> questionnaire = ForkJoinPool.commonPool().submit(Questionnaire::fromClasspath);
        RuleBase rules = RuleBase.packaged(Advisor.class.getClassLoader(), null);
        return new Advisor(new Engine(questionnaire.join(), rules));
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
     * The open questions that provably cannot change the recommended strategy, whatever the open questions
     * are answered, given {@code answersSoFar}: what the console's adaptive interview skips. Required
     * questions and those whose answer can rule an option out ({@link #alwaysAsked}) are never listed. The
     * check gives up (an empty map) when the open questions allow too many combinations.
     *
     * @param open ids of the questions not answered yet
     * @return each skippable id with the value used when it stays unanswered ({@code null}: none), in
     *     questionnaire order
     */
    public Map<String, Object> irrelevant(Answers answersSoFar, Collection<String> open) {
        return skipping(answersSoFar, open).skippable();
    }

    /**
     * What {@link #irrelevant} finds, with the check's own account of how it decided (for a front end's
     * debug output).
     *
     * @param skippable each skippable id with the value used when it stays unanswered ({@code null}: none),
     *     in questionnaire order
     * @param reason how the check reached it (e.g. how many combinations it evaluated, or why it gave up)
     */
    public record Skipping(Map<String, Object> skippable, String reason) {
    }

    /** {@link #irrelevant} with the check's reason; see there. */
    public Skipping skipping(Answers answersSoFar, Collection<String> open) {
        Relevance.Result result;
        synchronized (this) {
            if (oracle == null) {
                oracle = DecisionOracle.of(engine.rules()); // shared with analyze()
            }
            result = Relevance.check(engine, oracle, answersSoFar, open);
        }
        Map<String, Object> skippable = new LinkedHashMap<>();
        for (String id : result.skippable()) {
            skippable.put(id, result.defaults().get(id));
        }
        return new Skipping(Collections.unmodifiableMap(skippable), result.reason());
    }

    /**
     * Whether the answer to {@code questionId} can rule an option out or raise a conflict in these rules,
     * so it is always asked.
     */
    public boolean alwaysAsked(String questionId) {
        synchronized (this) {
            if (neverSkipped == null) {
                neverSkipped = Relevance.neverSkipped(engine);
            }
            return neverSkipped.contains(questionId);
        }
    }

    /**
     * The full report of {@code advice} as the command line and the console write it, dated now. Here
     * rather than in the front ends because it needs the engine (its questionnaire and rule files) and
     * the analysis, which the front ends reach only through the facade.
     *
     * @param withAnalysis whether to include what would change the decision
     * @param skipped ids of the questions the console skipped (their defaults were used without asking)
     */
    public Report report(Advice advice, boolean withAnalysis, Set<String> skipped) {
        Analysis analysis = withAnalysis ? Counterfactuals.analyze(engine, advice) : null;
        return Report.of(engine.questionnaire(), rulesVersion(engine.rules().source()), advice, analysis, skipped,
                Instant.now());
    }

    /**
     * The full report of {@code advice} with {@code analysis} (or none), dated now: what the command line
     * writes for the same answers, for front ends that hold an advisor (the web page's downloads).
     */
    public Report report(Advice advice, Analysis analysis) {
        return Report.of(engine.questionnaire(), rulesVersion(engine.rules().source()), advice, analysis, Set.of(),
                Instant.now());
    }

    /**
     * The rules version reports print: {@link RuleSource#version()}, a hash of every rule file, the
     * policy and the criteria file (never where they live), so two rule sets are told apart.
     */
    public static String rulesVersion(RuleSource source) {
        return source.version();
    }

    /** The questions this advisor asks, with their types, ranges and defaults. */
    public Questionnaire questionnaire() {
        return engine.questionnaire();
    }
}
