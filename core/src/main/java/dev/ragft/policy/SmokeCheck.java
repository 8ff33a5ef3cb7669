package dev.ragft.policy;

import dev.ragft.Advice;
import dev.ragft.InputError;
import dev.ragft.InvalidAnswersException;
import dev.ragft.RuleError;
import dev.ragft.RuleFaultException;
import dev.ragft.analysis.Counterfactuals;
import dev.ragft.answers.Consultation;
import dev.ragft.answers.Consultations;
import dev.ragft.engine.Engine;
import dev.ragft.questionnaire.Answers;
import dev.ragft.questionnaire.Question;
import dev.ragft.questionnaire.QuestionType;
import dev.ragft.questionnaire.Questionnaire;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Not API. Advises a small set of consultations with the rules under their time limit: the example
 * consultations beside the questionnaire and a handful of generated extremes (every answer at its
 * lowest, at its highest, alternating, only the required ones). A rule that throws, loops, runs away
 * or leaves a consultation without exactly one recommendation, or an analysis that cannot explain the
 * advice, fails it. {@code rules check} runs it, and reloads swap new rules in only after it passes.
 */
public final class SmokeCheck {

    /** One consultation of the set: its name (a file name, or which extreme) and its answers. */
    public record Case(String name, Answers answers) {
    }

    /**
     * What the run found.
     *
     * @param cases the consultations in the set
     * @param advised how many were advised without a problem
     * @param problems errors (rule faults, internal errors) and warnings (examples that are not valid answers)
     */
    public record Report(int cases, int advised, List<Problem> problems) {

        /** Whether no error was found (warnings allowed). */
        public boolean passed() {
            return problems.stream().noneMatch(p -> p.severity() == Problem.Severity.ERROR);
        }

        /** The errors as rule errors (file:line:column: message), for reloads that refuse the rules. */
        public List<RuleError> errors() {
            return problems.stream().filter(p -> p.severity() == Problem.Severity.ERROR)
                    .map(p -> new RuleError(p.file(), p.line(), p.column(), p.message())).toList();
        }
    }

    /** Integers without a maximum are tried this high: far beyond any real answer, far from any overflow. */
    private static final BigDecimal HIGH_INTEGER = new BigDecimal("100000000");
    /** Amounts without a maximum are tried this high. */
    private static final BigDecimal HIGH_NUMBER = new BigDecimal("1000000");

    private SmokeCheck() {
    }

    /**
     * The smoke set: every example consultation in {@code examples} (when it is a folder), then the generated extremes.
     *
     * @param examples a folder of example consultations, or null
     */
    public static List<Case> cases(Questionnaire questionnaire, Path examples) {
        List<Case> cases = new ArrayList<>();
        if (examples != null && Files.isDirectory(examples)) {
            try {
                for (Consultation consultation : Consultations.readFolder(examples)) {
                    cases.add(new Case(examples.relativize(consultation.file()).toString(), consultation.answers()));
                }
            } catch (IOException | RuntimeException unreadable) {
                // The examples are a bonus; the extremes below are always there.
            }
        }
        cases.add(extreme(questionnaire, "every answer at its lowest", q -> low(q)));
        cases.add(extreme(questionnaire, "every answer at its highest", q -> high(q)));
        int[] index = {0};
        cases.add(extreme(questionnaire, "answers alternating lowest and highest", q -> index[0]++ % 2 == 0 ? low(q) : high(q)));
        int[] other = {0};
        cases.add(extreme(questionnaire, "answers alternating highest and lowest", q -> other[0]++ % 2 == 0 ? high(q) : low(q)));
        cases.add(extreme(questionnaire, "only the required answers", q -> q.required() ? low(q) : null));
        return cases;
    }

    /**
     * Advises every case (and, with {@code analysis}, explains it as {@code advise} does). Stops at the first
     * time-limit or runaway fault, which would otherwise cost its time limit on every remaining case.
     *
     * @param rulesOrigin the rules folder, named by errors that belong to no single rule
     */
    public static Report run(Engine engine, List<Case> cases, boolean analysis, Path rulesOrigin) {
        List<Problem> problems = new ArrayList<>();
        Map<String, int[]> seen = new LinkedHashMap<>();
        Map<String, Problem> first = new LinkedHashMap<>();
        int advised = 0;
        for (Case consultation : cases) {
            try {
                Advice advice = engine.advise(consultation.answers());
                if (analysis) {
                    Counterfactuals.analyze(engine, advice);
                }
                advised++;
            } catch (InvalidAnswersException invalid) {
                InputError error = invalid.errors().get(0);
                problems.add(Problem.warning(rulesOrigin, 0, "smoke consultation '" + consultation.name()
                        + "' is not valid for this questionnaire (" + error.field() + ": " + error.message() + "); skipped"));
            } catch (RuleFaultException fault) {
                RuleError error = fault.errors().get(0);
                String key = fault.kind() + "|" + fault.rule() + "|" + error.file() + "|" + error.line();
                int[] count = seen.computeIfAbsent(key, k -> new int[1]);
                if (count[0]++ == 0) {
                    first.put(key, new Problem(Problem.Severity.ERROR, error.file(), error.line(), error.column(),
                            error.message() + "; on the smoke consultation '" + consultation.name() + "' ("
                                    + RuleFaultException.answersText(fault.answers() != null ? fault.answers() : consultation.answers().asMap()) + ")"));
                }
                if (fault.kind() == RuleFaultException.Kind.TIME_LIMIT || fault.kind() == RuleFaultException.Kind.RUNAWAY) {
                    int left = cases.size() - cases.indexOf(consultation) - 1;
                    if (left > 0) {
                        problems.add(Problem.warning(rulesOrigin, 0, left + " smoke consultation" + (left == 1 ? "" : "s")
                                + " not run after a rule had to be stopped"));
                    }
                    break;
                }
            } catch (RuntimeException internal) {
                String key = "internal|" + internal.getClass().getName() + "|" + internal.getMessage();
                int[] count = seen.computeIfAbsent(key, k -> new int[1]);
                if (count[0]++ == 0) {
                    first.put(key, Problem.error(rulesOrigin, 0, (analysis ? "advising or analysing" : "advising")
                            + " the smoke consultation '" + consultation.name() + "' failed with an internal error: "
                            + internal + " (" + RuleFaultException.answersText(consultation.answers().asMap()) + ")"));
                }
            }
        }
        first.forEach((key, problem) -> {
            int more = seen.get(key)[0] - 1;
            problems.add(more == 0 ? problem : new Problem(problem.severity(), problem.file(), problem.line(),
                    problem.column(), problem.message() + ", and " + more + " more smoke consultation" + (more == 1 ? "" : "s")));
        });
        return new Report(cases.size(), advised, List.copyOf(problems));
    }

    // Answers built from the definition, so a question added to the questionnaire is in the extremes at once.
    // A value the questionnaire refuses in this combination (e.g. a rule between two answers) is left out.
    private static Case extreme(Questionnaire questionnaire, String name, Function<Question, Object> pick) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Question question : questionnaire.questions()) {
            Object value = pick.apply(question);
            if (value != null) {
                values.put(question.id(), value);
            }
        }
        Answers answers = Answers.of(values);
        for (int attempt = 0; attempt < values.size(); attempt++) {
            List<InputError> errors = questionnaire.validate(answers);
            if (errors.isEmpty()) {
                break;
            }
            for (InputError error : errors) {
                answers = answers.without(error.field());
            }
        }
        return new Case(name, answers);
    }

    private static Object low(Question question) {
        return switch (question.type()) {
            case ENUM -> question.choices().get(0).value();
            case BOOLEAN -> Boolean.FALSE;
            case INTEGER -> number(question, question.min() != null ? question.min() : BigDecimal.ZERO);
            case NUMBER -> number(question, question.min() != null ? question.min() : BigDecimal.ZERO);
        };
    }

    private static Object high(Question question) {
        return switch (question.type()) {
            case ENUM -> question.choices().get(question.choices().size() - 1).value();
            case BOOLEAN -> Boolean.TRUE;
            case INTEGER -> number(question, question.max() != null ? question.max() : HIGH_INTEGER);
            case NUMBER -> number(question, question.max() != null ? question.max() : HIGH_NUMBER);
        };
    }

    private static Object number(Question question, BigDecimal value) {
        return question.type() == QuestionType.INTEGER ? (Object) value.longValue() : value;
    }
}
