package dev.ragft.engine;

import dev.ragft.InvalidAnswersException;
import dev.ragft.Advice;
import dev.ragft.questionnaire.Answers;
import dev.ragft.Assumption;
import dev.ragft.CriterionResult;
import dev.ragft.RuleFaultException;
import dev.ragft.cost.CostModel;
import dev.ragft.cost.CostReport;
import dev.ragft.facts.AssumptionFlip;
import dev.ragft.facts.CostFacts;
import dev.ragft.facts.Favor;
import dev.ragft.facts.Finding;
import dev.ragft.facts.Strategy;
import dev.ragft.questionnaire.GuideRange;
import dev.ragft.questionnaire.Question;
import java.math.BigDecimal;
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
     * The robustness check's outcome per normalized answers (a map, so values compare exactly as written):
     * it re-resolves and re-costs every guide-range end, which costs more than the advice itself, and the
     * same answers always give the same flips. Null when the rules run without memo (the baseline).
     */
    private final RuleBase.Bounded<Map<String, Object>, List<AssumptionFlip>> flipsMemo;

    /**
     * An engine for these answers and rules; the catalog is the questionnaire's plus the entries of the
     * rules folder's {@code criteria.json}.
     *
     * @throws dev.ragft.RulesException when those entries do not fit the questionnaire
     */
    public Engine(Questionnaire questionnaire, RuleBase rules) {
        this.questionnaire = rules.catalog(questionnaire);
        this.rules = rules;
        this.flipsMemo = rules.memoizes() ? new RuleBase.Bounded<>(4096) : null;
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
        CostFacts costFacts = CostModel.toFacts(costs);
        RuleBase.Evaluation evaluation;
        try {
            evaluation = rules.evaluate(resolved.profile(), costFacts);
            List<AssumptionFlip> flips = flipsMemo == null ? null : flipsMemo.get(resolved.normalized().asMap());
            if (flips == null) {
                flips = robustness(resolved, evaluation.recommendation().strategy());
                if (flipsMemo != null) {
                    flipsMemo.put(resolved.normalized().asMap(), flips);
                }
            }
            if (!flips.isEmpty()) {
                // Same facts plus the flips: the strategy cannot change, only the confidence and the caveats.
                evaluation = rules.evaluate(resolved.profile(), costFacts, flips);
            }
        } catch (RuleFaultException fault) {
            throw fault.withAnswers(resolved.normalized().asMap()); // the report names what triggered it
        }
        return new Advice(evaluation.recommendation(), criteria(evaluation.findings(), resolved.effective()), costs,
                evaluation.caveats(), evaluation.firedRules(), resolved.normalized(), resolved.effective(),
                assumptions(resolved));
    }

    /**
     * The robustness check: each value the guide only bounds (a default, or an estimate the guide marks
     * uncertain) is set to the low and the high end of the guide's range, one at a time, and the rules
     * decide again over the re-computed costs with the same profile (so what counts as answered does not
     * change). Every end at which the strategy differs is returned.
     *
     * <p>An end whose cost facts look the same to every rule condition as the consultation's own, or as those
     * of an end or a consultation seen before (equal {@linkplain RuleSplits#view views}), cannot change the
     * strategy, so the rule base's memo answers it without a rule session ({@link RuleBase#strategy}); most
     * ends are such. The rules without memo (the baseline) run a session for every end, so the equality proof
     * compares the two ways.
     */
    private List<AssumptionFlip> robustness(ResolvedAnswers resolved, Strategy strategy) {
        List<AssumptionFlip> flips = new ArrayList<>();
        for (GuideRange range : questionnaire.guideRanges()) {
            String id = range.question();
            if (!range.uncertain() && !resolved.defaulted().contains(id)) {
                continue;
            }
            Object on = range.dependsOn() == null ? null : resolved.effective().get(range.dependsOn());
            List<BigDecimal> ends = range.endsFor(on).orElse(List.of());
            Object current = resolved.effective().get(id);
            for (BigDecimal end : ends) {
                if (current instanceof BigDecimal value && value.compareTo(end) == 0) {
                    continue;
                }
                CostFacts variantCosts;
                try {
                    ResolvedAnswers variant = questionnaire.resolve(resolved.normalized().with(id, end));
                    variantCosts = CostModel.facts(variant.costs());
                } catch (InvalidAnswersException | IllegalArgumentException beyondLimits) {
                    // At this end a computed figure leaves the questionnaire's limits (serving derived from a
                    // huge volume at the slow end of the throughput range): no consultation ragft could advise,
                    // so it cannot flip this one either.
                    continue;
                }
                Strategy other = rules.strategy(resolved.profile(), variantCosts);
                if (other != strategy) {
                    flips.add(new AssumptionFlip(id, end.toPlainString(), other));
                }
            }
        }
        return List.copyOf(flips);
    }

    private List<Assumption> assumptions(ResolvedAnswers resolved) {
        List<Assumption> assumed = new ArrayList<>();
        for (Question question : questionnaire.questions()) {
            if (resolved.defaulted().contains(question.id())) {
                assumed.add(new Assumption(question.id(), resolved.effective().get(question.id()),
                        questionnaire.guideRange(question.id()).map(GuideRange::text).orElse(null)));
            }
        }
        return assumed;
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
                        finding.favors(), finding.weight(), finding.reason(), finding.rule(), finding.assumed()));
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
