package dev.ragft.engine;

import dev.ragft.Advice;
import dev.ragft.CriterionResult;
import dev.ragft.RuleFaultException;
import dev.ragft.cost.CostModel;
import dev.ragft.cost.CostReport;
import dev.ragft.facts.Favor;
import dev.ragft.facts.Finding;
import dev.ragft.questionnaire.Answers;
import dev.ragft.questionnaire.Criterion;
import dev.ragft.questionnaire.Questionnaire;
import dev.ragft.questionnaire.ResolvedAnswers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Not API. Questionnaire + cost model + rules: turns answers into {@link Advice}. Immutable and
 * thread-safe; the CLI, console and HTTP service share one.
 */
public final class Engine {

    static final String NO_RULE = "(no rule)";

    private final Questionnaire questionnaire;
    private final RuleBase rules;

    /**
     * An engine for these answers and rules; the catalog is the questionnaire's plus the entries of the
     * rules folder's {@code criteria.json}.
     *
     * @throws dev.ragft.RulesException when those entries do not fit the questionnaire
     */
    public Engine(Questionnaire questionnaire, RuleBase rules) {
        this.questionnaire = rules.catalog(questionnaire);
        this.rules = rules;
    }

    /**
     * Validates and resolves the answers, computes the costs and runs the rules.
     *
     * @throws dev.ragft.InvalidAnswersException naming every field that is wrong
     * @throws RuleFaultException when a rule fails on these answers (which it carries)
     */
    public Advice advise(Answers answers) {
        ResolvedAnswers resolved = questionnaire.resolve(answers);
        CostReport costs = CostModel.compute(resolved.costs());
        RuleBase.Evaluation evaluation;
        try {
            evaluation = rules.evaluate(resolved.profile(), CostModel.toFacts(costs));
        } catch (RuleFaultException fault) {
            throw fault.withAnswers(resolved.normalized().asMap()); // the report names what triggered it
        }
        return new Advice(evaluation.recommendation(), criteria(evaluation.findings(), resolved.effective()), costs,
                evaluation.caveats(), evaluation.firedRules(), resolved.normalized(), resolved.effective());
    }

    // Catalog order, every catalog criterion present: a criterion no rule spoke to is listed as neutral
    // rather than dropped, so a gap in the policy shows in the report instead of hiding.
    private List<CriterionResult> criteria(List<Finding> findings, Map<String, Object> effective) {
        Map<String, List<Finding>> byCriterion = new LinkedHashMap<>();
        for (Finding finding : findings) {
            byCriterion.computeIfAbsent(finding.criterion(), id -> new ArrayList<>()).add(finding);
        }
        List<CriterionResult> results = new ArrayList<>();
        for (Criterion criterion : questionnaire.criteria()) {
            Map<String, Object> answers = new LinkedHashMap<>();
            for (String questionId : criterion.drivenBy()) {
                answers.put(questionId, effective.get(questionId));
            }
            List<Finding> found = byCriterion.remove(criterion.id());
            if (found == null) {
                results.add(new CriterionResult(criterion.id(), criterion.section(), criterion.title(), answers,
                        Favor.NEUTRAL, 0, "No rule produced a finding for this criterion", NO_RULE));
                continue;
            }
            for (Finding finding : found) {
                results.add(new CriterionResult(criterion.id(), finding.section(), criterion.title(), answers,
                        finding.favors(), finding.weight(), finding.reason(), finding.rule()));
            }
        }
        // Criteria a policy owner added beyond the catalog still show, after it.
        byCriterion.forEach((id, found) -> found.forEach(finding -> results.add(new CriterionResult(id,
                finding.section(), id, Map.of(), finding.favors(), finding.weight(), finding.reason(), finding.rule()))));
        return results;
    }

    public Questionnaire questionnaire() {
        return questionnaire;
    }

    public RuleBase rules() {
        return rules;
    }
}
