package dev.ragft.console;

import dev.ragft.Advice;
import dev.ragft.Advisor;
import dev.ragft.CriterionResult;
import dev.ragft.InputError;
import dev.ragft.InvalidAnswersException;
import dev.ragft.RuleDescription;
import dev.ragft.questionnaire.Answers;
import dev.ragft.questionnaire.Question;
import dev.ragft.questionnaire.Questionnaire;
import dev.ragft.questionnaire.Values;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What {@code why} shows at a question, worked out by a given advisor: its rules, and the recommendation
 * with each answer to the question. Holds no state: the interview asks it through the {@link Session}'s
 * advisor (which may still be compiling), {@code all} after the result through the {@link FollowUps}' one
 * (which a reload may have replaced).
 */
final class WhyByAdvisor {

    private WhyByAdvisor() {
    }

    /** The rules of {@code advisor}, for {@code why}. */
    static List<RuleRef> rules(Advisor advisor) {
        List<RuleRef> refs = new ArrayList<>();
        for (RuleDescription rule : advisor.rules().descriptions()) {
            refs.add(new RuleRef(rule.name(), rule.file(), rule.criterion(), rule.section()));
        }
        return refs;
    }

    /**
     * For {@code why}: the recommendation with each of {@code values} for {@code question}, from the answers
     * so far. Questions still to come take their defaults; those without one (required answers) are tried
     * at each of their choices, or a few magnitudes of a number, and every outcome found is shown.
     */
    static ChoiceOutcomes.Outcomes outcomes(Advisor current, Questionnaire questionnaire, Answers soFar,
                                            Question question, List<Object> values) {
        Answers base = soFar.without(question.id());
        Set<String> open = new LinkedHashSet<>();
        for (Object value : values) {
            for (InputError error : questionnaire.validate(base.with(question.id(), value))) {
                if (!error.field().equals(question.id()) && questionnaire.question(error.field()).isPresent()) {
                    open.add(error.field());
                }
            }
        }
        List<Answers> variants = List.of(Answers.empty());
        for (String id : open) {
            List<Answers> next = new ArrayList<>();
            for (Answers variant : variants) {
                for (Object sample : samples(questionnaire.question(id).orElseThrow())) {
                    next.add(variant.with(id, sample));
                }
            }
            variants = next;
        }
        List<String> lines = new ArrayList<>();
        int width = values.stream().mapToInt(v -> Values.show(question, v).length()).max().orElse(0);
        for (Object value : values) {
            Set<String> strategies = new TreeSet<>();
            Map<String, Set<String>> criteria = new LinkedHashMap<>();
            question.criteria().forEach(id -> criteria.put(id, new TreeSet<>()));
            for (Answers variant : variants) {
                Answers tried = base.with(question.id(), value);
                for (String id : variant.ids()) {
                    tried = tried.with(id, variant.get(id));
                }
                Advice advice;
                try {
                    advice = current.advise(tried);
                } catch (InvalidAnswersException notAdvisable) {
                    continue;
                }
                strategies.add(advice.strategy() + (variants.size() == 1 ? " (" + advice.confidence() + ")" : ""));
                for (CriterionResult c : advice.criteria()) {
                    if (criteria.containsKey(c.id())) {
                        criteria.get(c.id()).add(c.favors().name());
                    }
                }
            }
            List<String> fed = new ArrayList<>();
            criteria.forEach((id, favours) -> {
                if (!favours.isEmpty()) {
                    fed.add(id + " " + String.join("/", favours));
                }
            });
            String shown = Values.show(question, value);
            lines.add(shown + " ".repeat(width - shown.length() + 2)
                    + (strategies.isEmpty() ? "cannot be advised" : String.join(" or ", strategies))
                    + (fed.isEmpty() ? "" : "; " + String.join(", ", fed)));
        }
        String assumption = open.isEmpty() ? "from the answers so far; the questions still to come at their defaults"
                : "from the answers so far; " + String.join(", ", open) + " (no default) tried at each of "
                + (open.size() == 1 ? "its" : "their") + " values, " + variants.size() + " combinations; the rest at "
                + "their defaults";
        return new ChoiceOutcomes.Outcomes(lines, assumption);
    }

    /** The values {@code why} tries for a question still to come that has no default. */
    private static List<Object> samples(Question q) {
        return switch (q.type()) {
            case ENUM -> q.choices().stream().map(c -> (Object) c.value()).toList();
            case BOOLEAN -> List.of(Boolean.TRUE, Boolean.FALSE);
            default -> List.of(100L, 10_000L, 1_000_000L);
        };
    }
}
