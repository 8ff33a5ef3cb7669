package dev.ragft.policy;

import dev.ragft.Advice;
import dev.ragft.engine.Engine;
import dev.ragft.engine.RuleBase;
import dev.ragft.engine.RuleSource;
import dev.ragft.questionnaire.Answers;
import dev.ragft.questionnaire.Questionnaire;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * Not API. The files of a policy (its DRL files, {@code policy.properties} and criteria), read from a
 * rules folder or from the jar, as the policy commands and the reloading front ends hold them: by what
 * they are, without the engine's types.
 */
public final class RuleFiles {

    private final RuleSource source;

    private RuleFiles(RuleSource source) {
        this.source = source;
    }

    /**
     * Reads the rule files of {@code rulesDir}, or the rules packaged in the jar when it is null.
     *
     * @throws IOException when the folder cannot be read (the message names it)
     */
    public static RuleFiles read(Path rulesDir) throws IOException {
        return new RuleFiles(rulesDir == null ? RuleSource.fromClasspath(RuleFiles.class.getClassLoader())
                : RuleSource.fromDirectory(rulesDir));
    }

    /** Where the files were read from: the folder, or a {@code classpath:} name for the packaged rules. */
    public String origin() {
        return source.origin();
    }

    /** Whether these are the rules packaged in the jar (which never change), not a folder's. */
    public boolean packaged() {
        return origin().startsWith("classpath:");
    }

    /** How many DRL files the policy has. */
    public int drlCount() {
        return source.drl().size();
    }

    /** The rules version reports print: a hash of the files' contents, never where they live. */
    public String version() {
        return source.version();
    }

    /**
     * Compiles these files (no cache: the policy commands report every error afresh).
     *
     * @throws dev.ragft.RulesException listing every compile error and policy problem, each with file and line
     */
    public Compiled compile() {
        return new Compiled(RuleBase.compile(source));
    }

    RuleSource source() {
        return source;
    }

    /** Not API. A policy's rules compiled, as the policy commands hand them from one check to the next. */
    public static final class Compiled {
        private final RuleBase rules;

        private Compiled(RuleBase rules) {
            this.rules = rules;
        }

        /** How many rules the policy has. */
        public int ruleCount() {
            return rules.rules().size();
        }

        /** Where the rules were read from (see {@link RuleFiles#origin()}). */
        public String origin() {
            return rules.source().origin();
        }

        /**
         * Advice by these rules on the questions of {@code questionnaire}, for {@link OutcomeDiff} and
         * {@link ScenarioRun} (a compile error never reaches here: it was thrown by {@link #compile()}).
         */
        public Function<Answers, Advice> adviser(Questionnaire questionnaire) {
            return new Engine(questionnaire, rules)::advise;
        }

        RuleBase ruleBase() {
            return rules;
        }
    }
}
