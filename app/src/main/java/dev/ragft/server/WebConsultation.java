package dev.ragft.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ragft.Advice;
import dev.ragft.Advisor;
import dev.ragft.Analysis;
import dev.ragft.Flip;
import dev.ragft.InputError;
import dev.ragft.InvalidAnswersException;
import dev.ragft.questionnaire.Answers;
import dev.ragft.questionnaire.Question;
import dev.ragft.questionnaire.QuestionDefault;
import dev.ragft.questionnaire.Questionnaire;
import dev.ragft.report.CostChartSvg;
import dev.ragft.report.JsonReport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One consultation as the web page sends it: every answer as the text typed in its field, parsed by
 * the same code as the console and {@code --set} ({@link Questionnaire#parseText}), so a bad value gets
 * the CLI's message, named by its question. When the answers are complete and valid the result carries
 * the JSON report with the analysis (as {@code ragft advise --format json}), the cost chart, and which
 * open questions the page shows collapsed: those not asked (an {@code askWhen} that fails) and those
 * {@link Advisor#irrelevant} proves cannot change the strategy, as the console skips them.
 */
final class WebConsultation {

    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    /**
     * The answers parsed from typed text, with what was wrong.
     *
     * @param answers the values that parsed, in questionnaire order
     * @param typed ids the user gave any text for, valid or not
     * @param fieldErrors errors to show next to a field (bad text, out of range, a needed answer with no default)
     * @param missing required questions left empty
     * @param unknown keys that are no question of this questionnaire
     */
    record Parsed(Answers answers, Set<String> typed, List<InputError> fieldErrors, List<String> missing,
                  List<InputError> unknown) {

        boolean valid() {
            return fieldErrors.isEmpty() && missing.isEmpty() && unknown.isEmpty();
        }

        /** Every problem, as the CLI would list them. */
        List<InputError> errors(Questionnaire questionnaire) {
            List<InputError> all = new ArrayList<>(fieldErrors);
            for (String id : missing) {
                all.add(new InputError(id, "a required answer is missing ("
                        + questionnaire.question(id).map(Question::prompt).orElse(id) + ")"));
            }
            all.addAll(unknown);
            return all;
        }
    }

    private WebConsultation() {
    }

    /** Parses the typed texts ({@code id → text}; blank text means unanswered). */
    static Parsed parse(Questionnaire questionnaire, Map<String, String> texts) {
        Map<String, Object> values = new LinkedHashMap<>();
        Set<String> typed = new LinkedHashSet<>();
        Map<String, InputError> parseErrors = new LinkedHashMap<>();
        List<InputError> unknown = new ArrayList<>();
        for (Map.Entry<String, String> entry : texts.entrySet()) {
            String id = entry.getKey();
            String text = entry.getValue() == null ? "" : entry.getValue().trim();
            if (questionnaire.question(id).isEmpty()) {
                try {
                    questionnaire.parseText(id, text);
                } catch (InvalidAnswersException e) {
                    unknown.addAll(e.errors());
                }
                continue;
            }
            if (text.isEmpty()) {
                continue;
            }
            typed.add(id);
            try {
                values.put(id, questionnaire.parseText(id, text));
            } catch (InvalidAnswersException e) {
                parseErrors.put(id, e.errors().get(0));
            }
        }
        Map<String, Object> ordered = new LinkedHashMap<>();
        for (Question q : questionnaire.questions()) {
            if (values.containsKey(q.id())) {
                ordered.put(q.id(), values.get(q.id()));
            }
        }
        Answers answers = Answers.of(ordered);
        List<InputError> fieldErrors = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        Map<String, List<InputError>> checked = new LinkedHashMap<>();
        for (InputError error : questionnaire.validate(answers)) {
            checked.computeIfAbsent(error.field(), id -> new ArrayList<>()).add(error);
        }
        for (Question q : questionnaire.questions()) {
            InputError parseError = parseErrors.get(q.id());
            if (parseError != null) {
                fieldErrors.add(parseError);
                continue;
            }
            for (InputError error : checked.getOrDefault(q.id(), List.of())) {
                if (q.required() && !typed.contains(q.id())) {
                    missing.add(q.id());
                } else {
                    fieldErrors.add(error);
                }
            }
        }
        return new Parsed(answers, typed, fieldErrors, missing, unknown);
    }

    /** Advice for valid answers; throws {@link InvalidAnswersException} listing every problem otherwise. */
    static Advice advise(Advisor advisor, Parsed parsed) {
        if (!parsed.valid()) {
            throw new InvalidAnswersException(parsed.errors(advisor.questionnaire()));
        }
        return advisor.advise(parsed.answers());
    }

    /** The page's view of a consultation. */
    static ObjectNode consult(Advisor advisor, Map<String, String> texts) {
        Questionnaire questionnaire = advisor.questionnaire();
        Parsed parsed = parse(questionnaire, texts);
        ObjectNode root = NODES.objectNode();
        errors(root.putArray("fieldErrors"), parsed.fieldErrors());
        ArrayNode missing = root.putArray("missing");
        for (String id : parsed.missing()) {
            missing.addObject().put("field", id)
                    .put("prompt", questionnaire.question(id).map(Question::prompt).orElse(id));
        }
        errors(root.putArray("unknown"), parsed.unknown());

        ObjectNode defaults = root.putObject("defaults");
        ObjectNode notAsked = root.putObject("notAsked");
        for (Question q : questionnaire.questions()) {
            if (parsed.typed().contains(q.id())) {
                continue;
            }
            if (!questionnaire.isAsked(q, parsed.answers())) {
                notAsked.put(q.id(), QuestionnairePage.askedWhen(q) + "; not asked with your answers so far");
            }
            if (q.defaultValue() != null) {
                Optional<Object> value = questionnaire.defaultFor(q.id(), parsed.answers());
                value.ifPresent(v -> defaults.put(q.id(), QuestionnairePage.valueText(q, v)));
            }
        }
        ObjectNode irrelevant = root.putObject("irrelevant");
        if (!parsed.valid()) {
            root.putNull("report");
            root.putNull("chartSvg");
            root.putArray("flips");
            return root;
        }
        Advice advice = advisor.advise(parsed.answers());
        Analysis analysis = advisor.analyze(advice);
        ObjectNode report = JsonReport.tree(advice);
        JsonReport.addAnalysis(report, analysis);
        root.set("report", report);
        root.put("chartSvg", standalone(CostChartSvg.svg(advice)));
        ArrayNode flips = root.putArray("flips");
        for (Flip flip : analysis.flips()) {
            Question q = questionnaire.question(flip.question()).orElse(null);
            if (q == null) {
                continue;
            }
            flips.addObject().put("question", flip.question()).put("text", flip.text())
                    .put("strategy", flip.strategy().name())
                    .put("value", QuestionnairePage.valueText(q, flip.to()));
        }
        relevance(advisor, parsed, notAsked, irrelevant);
        stable(advisor, parsed, notAsked, advice, analysis, irrelevant);
        return root;
    }

    // As the console's interview: the open questions are those not answered and still asked (or whose
    // condition is itself open); those that must be answered are never collapsed.
    private static void relevance(Advisor advisor, Parsed parsed, ObjectNode notAsked, ObjectNode irrelevant) {
        Questionnaire questionnaire = advisor.questionnaire();
        Set<String> remaining = new LinkedHashSet<>();
        for (Question q : questionnaire.questions()) {
            if (parsed.typed().contains(q.id())) {
                continue;
            }
            boolean conditionOpen = q.askWhen() != null && remaining.contains(q.askWhen().question());
            if (conditionOpen || !notAsked.has(q.id())) {
                remaining.add(q.id());
            }
        }
        if (remaining.isEmpty()) {
            return;
        }
        Map<String, Object> skippable = advisor.irrelevant(parsed.answers(), remaining);
        for (String id : skippable.keySet()) {
            Question q = questionnaire.question(id).orElse(null);
            if (q == null || q.required() || notAsked.has(id) || mustAnswer(questionnaire, q, parsed.answers())) {
                continue;
            }
            Object fallback = skippable.get(id);
            irrelevant.put(id, "Cannot change the outcome: however the other open questions are answered, no"
                    + " answer here changes the recommendation" + (fallback == null ? "; it is left unanswered"
                    : "; the default (" + QuestionnairePage.valueText(q, fallback) + ") is used"));
        }
    }

    // The exhaustive check gives up when many questions are open (as on a page where only the required
    // ones are answered); the analysis still proves, for each question alone, that none of its answers
    // changes the strategy while the other answers stay as they are. The page re-checks after every change,
    // so such a question opens again as soon as another answer makes it matter.
    private static void stable(Advisor advisor, Parsed parsed, ObjectNode notAsked, Advice advice,
                               Analysis analysis, ObjectNode irrelevant) {
        Questionnaire questionnaire = advisor.questionnaire();
        for (String id : analysis.stable()) {
            Question q = questionnaire.question(id).orElse(null);
            if (q == null || parsed.typed().contains(id) || notAsked.has(id) || irrelevant.has(id) || q.required()
                    || advisor.alwaysAsked(id) || mustAnswer(questionnaire, q, parsed.answers())) {
                continue;
            }
            irrelevant.put(id, "No answer here changes the outcome (" + advice.strategy()
                    + ") while your other answers stay as they are");
        }
    }

    /**
     * The chart as a document of its own: the page shows it as an image (an SVG data URL), which keeps any
     * style inside the chart out of reach of the page's Content-Security-Policy; an image needs the SVG
     * namespace, which a chart written for pasting into HTML may leave out.
     */
    static String standalone(String svg) {
        String start = svg.stripLeading();
        int tagEnd = start.indexOf('>');
        if (!start.startsWith("<svg") || tagEnd < 0 || start.substring(0, tagEnd).contains("xmlns=")) {
            return start;
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\"" + start.substring("<svg".length());
    }

    private static boolean mustAnswer(Questionnaire questionnaire, Question q, Answers answers) {
        QuestionDefault d = q.defaultValue();
        return d != null && d.isDependent() && questionnaire.defaultFor(q.id(), answers).isEmpty();
    }

    private static void errors(ArrayNode into, List<InputError> errors) {
        for (InputError error : errors) {
            into.addObject().put("field", error.field()).put("message", error.message());
        }
    }
}
