package dev.ragft.policy;

import dev.ragft.RuleError;
import dev.ragft.RulesException;
import dev.ragft.engine.Engine;
import dev.ragft.engine.RuleBaseHolder;
import dev.ragft.questionnaire.Questionnaire;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Not API. What new rules must pass before a reload swaps them in: the errors of {@code rules check}
 * (the lint) and the smoke set, run under the new rules' time limit.
 */
public final class ReloadCheck {

    private ReloadCheck() {
    }

    /**
     * The check for {@link RuleBaseHolder}.
     *
     * @param examples folder of example consultations for the smoke set, or null
     * @param more further consultations to try, asked for at each reload (e.g. the console's current answers)
     */
    public static RuleBaseHolder.Check of(Questionnaire questionnaire, Path examples, Supplier<List<SmokeCheck.Case>> more) {
        List<SmokeCheck.Case> base = SmokeCheck.cases(questionnaire, examples);
        return candidate -> {
            List<RuleError> errors = new ArrayList<>();
            Questionnaire catalog;
            try {
                catalog = candidate.catalog(questionnaire);
            } catch (RulesException e) {
                return e.errors();
            }
            for (Problem problem : PolicyLint.lint(candidate, catalog)) {
                if (problem.severity() == Problem.Severity.ERROR) {
                    errors.add(new RuleError(problem.file(), problem.line(), problem.column(), problem.message()));
                }
            }
            List<SmokeCheck.Case> cases = new ArrayList<>(more == null ? List.of() : more.get());
            cases.addAll(base);
            errors.addAll(SmokeCheck.run(new Engine(questionnaire, candidate), cases, true,
                    Path.of(candidate.source().origin())).errors());
            return errors;
        };
    }
}
