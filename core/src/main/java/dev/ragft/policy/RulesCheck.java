package dev.ragft.policy;

import dev.ragft.RuleError;
import dev.ragft.RulesException;
import dev.ragft.engine.Engine;
import dev.ragft.engine.RuleBase;
import dev.ragft.questionnaire.Questionnaire;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Not API. What {@code rules check} runs on rules that compiled: the catalog extended by the folder's
 * {@code criteria.json}, the lint, and the smoke set under the time limit.
 */
public final class RulesCheck {

    /**
     * The findings.
     *
     * @param loadErrors errors that keep the rules from being used at all (a bad {@code criteria.json}); when
     *     present, nothing else was run
     * @param catalog the questionnaire with the folder's catalog entries
     * @param problems the lint's and the smoke set's, errors first
     * @param smoke the smoke set's run
     * @param timeLimit the time limit each smoke consultation ran under, in words
     */
    public record Report(List<RuleError> loadErrors, Questionnaire catalog, List<Problem> problems,
                         SmokeCheck.Report smoke, String timeLimit) {
    }

    private RulesCheck() {
    }

    /** Lints and smoke-checks compiled rules. */
    /** {@link #run(RuleBase, Questionnaire, Path)} for rules a policy command compiled with {@link RuleFiles}. */
    public static Report run(RuleFiles.Compiled rules, Questionnaire questionnaire, Path examples) {
        return run(rules.ruleBase(), questionnaire, examples);
    }

    public static Report run(RuleBase rules, Questionnaire questionnaire, Path examples) {
        Questionnaire catalog;
        try {
            catalog = rules.catalog(questionnaire);
        } catch (RulesException e) {
            return new Report(e.errors(), questionnaire, List.of(), null, rules.limits().timeLimitText());
        }
        List<Problem> problems = new ArrayList<>(PolicyLint.lint(rules, catalog));
        SmokeCheck.Report smoke = SmokeCheck.run(new Engine(questionnaire, rules),
                SmokeCheck.cases(questionnaire, examples), true, Path.of(rules.source().origin()));
        problems.addAll(smoke.problems());
        return new Report(List.of(), catalog, List.copyOf(problems), smoke, rules.limits().timeLimitText());
    }
}
