package dev.ragft.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ragft.Advisor;
import dev.ragft.InputError;
import dev.ragft.facts.Strategy;
import dev.ragft.questionnaire.Answers;
import dev.ragft.questionnaire.Choice;
import dev.ragft.questionnaire.Question;
import dev.ragft.questionnaire.QuestionType;
import dev.ragft.questionnaire.Questionnaire;
import dev.ragft.testing.Fixtures;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The page's consultations over the real rules and questionnaire: typed text read as {@code --set} reads
 * it, problems sorted into field errors and missing answers, and every question the page collapses as
 * unable to change the outcome checked against the engine, answer by answer.
 */
class WebConsultationTest {

    static final Advisor ENGINE = Fixtures.advisor();
    static final Questionnaire QUESTIONNAIRE = ENGINE.questionnaire();

    static Map<String, String> required() {
        Map<String, String> typed = new LinkedHashMap<>();
        typed.put("knowledge_change", "weekly");
        typed.put("query_variety", "3");
        typed.put("monthly_queries", "1.5M");
        typed.put("hosting_infrastructure", "y");
        typed.put("training_examples", "10,000");
        return typed;
    }

    @Test
    void typedTextIsReadAsTheConsoleAndSetReadIt() {
        WebConsultation.Parsed parsed = WebConsultation.parse(QUESTIONNAIRE, required());
        assertThat(parsed.valid()).isTrue();
        assertThat(parsed.answers().get("monthly_queries")).isEqualTo(1_500_000L);
        assertThat(parsed.answers().get("query_variety")).isEqualTo("WIDE");
        assertThat(parsed.answers().get("hosting_infrastructure")).isEqualTo(true);
        assertThat(parsed.answers().get("training_examples")).isEqualTo(10_000L);
    }

    @Test
    void problemsAreSortedIntoFieldErrorsMissingAnswersAndUnknownKeys() {
        Map<String, String> typed = required();
        typed.put("monthly_queries", "lots");
        typed.put("horizon_months", "0");
        typed.put("model_size", "405B"); // the guide has no serving cost for it: one must be entered
        typed.remove("training_examples");
        typed.put("knowledge_chang", "DAILY");
        WebConsultation.Parsed parsed = WebConsultation.parse(QUESTIONNAIRE, typed);
        assertThat(parsed.valid()).isFalse();
        assertThat(parsed.missing()).containsExactly("training_examples");
        assertThat(parsed.fieldErrors()).extracting(InputError::field)
                // Cost model v2: at 405B the missing figure is one serving instance's price (or the stated serving cost).
                .containsExactly("monthly_queries", "horizon_months", "gpu_monthly_usd");
        assertThat(parsed.fieldErrors().get(0).message()).isEqualTo(message("monthly_queries", "lots"));
        assertThat(parsed.fieldErrors().get(2).message()).contains("model_size is 405B");
        assertThat(parsed.unknown()).singleElement()
                .satisfies(e -> assertThat(e.message()).contains("did you mean 'knowledge_change'"));
        // Everything the CLI would list for the same answers, nothing more.
        assertThat(parsed.errors(QUESTIONNAIRE)).hasSize(5);
    }

    @Test
    void everyCollapsedQuestionReallyCannotChangeTheOutcome() {
        List<Map<String, String>> cases = new ArrayList<>();
        cases.add(required());
        for (Fixtures.Consultation example : Fixtures.consultations()) {
            if (QUESTIONNAIRE.validate(example.answers()).isEmpty()) {
                Map<String, String> typed = new LinkedHashMap<>();
                for (String id : example.answers().ids()) {
                    QUESTIONNAIRE.question(id).ifPresent(q ->
                            typed.put(id, QuestionnairePage.valueText(q, example.answers().get(id))));
                }
                cases.add(typed);
            }
        }
        int collapsed = 0;
        for (Map<String, String> typed : cases) {
            ObjectNode page = WebConsultation.consult(ENGINE, typed);
            assertThat(page.get("report").isNull()).as(typed.toString()).isFalse();
            Strategy strategy = Strategy.valueOf(page.at("/report/recommendation/strategy").asText());
            Answers answers = WebConsultation.parse(QUESTIONNAIRE, typed).answers();
            for (Iterator<Map.Entry<String, JsonNode>> it = page.get("irrelevant").fields(); it.hasNext(); ) {
                String id = it.next().getKey();
                Question q = QUESTIONNAIRE.question(id).orElseThrow();
                assertThat(typed).as("an answered question is never collapsed").doesNotContainKey(id);
                assertThat(q.required()).isFalse();
                for (Object value : values(q)) {
                    Strategy changed;
                    try {
                        changed = ENGINE.advise(answers.with(id, value)).strategy();
                    } catch (dev.ragft.InvalidAnswersException needsMore) {
                        // e.g. model_size 405B, whose serving cost the guide leaves to the user: not a
                        // different outcome but a further question, which the page then shows at its field.
                        // Or, cost model v2, an instance price at its maximum times the instances the volume
                        // needs: a serving cost beyond the stated maximum is refused, not a consultation.
                        assertThat(needsMore.errors()).allSatisfy(e -> assertThat(e.message())
                                .satisfiesAnyOf(m -> assertThat(m).startsWith("an answer is required when " + id),
                                        m -> assertThat(m).startsWith("serving worked out at ")));
                        continue;
                    }
                    assertThat(changed).as("%s = %s with %s", id, value, typed).isEqualTo(strategy);
                    collapsed++;
                }
            }
            // The flips the page offers are real: applying one gives its strategy.
            for (JsonNode flip : page.get("flips")) {
                Map<String, String> applied = new LinkedHashMap<>(typed);
                applied.put(flip.get("question").asText(), flip.get("value").asText());
                assertThat(ENGINE.advise(WebConsultation.parse(QUESTIONNAIRE, applied).answers()).strategy().name())
                        .as(flip.get("text").asText()).isEqualTo(flip.get("strategy").asText());
            }
        }
        assertThat(collapsed).as("answers tried on collapsed questions").isPositive();
    }

    @Test
    void aChartWrittenForInlineHtmlGetsTheSvgNamespaceForAnImage() {
        assertThat(WebConsultation.standalone("<svg viewBox=\"0 0 1 1\"><title>t</title></svg>"))
                .startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=");
        String already = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 1 1\"></svg>";
        assertThat(WebConsultation.standalone(already)).isEqualTo(already);
    }

    /** Enum and yes/no answers: every one; numbers: a spread from the minimum to large. */
    static List<Object> values(Question q) {
        List<Object> values = new ArrayList<>();
        if (q.type() == QuestionType.ENUM) {
            q.choices().stream().map(Choice::value).forEach(values::add);
        } else if (q.type() == QuestionType.BOOLEAN) {
            values.add(true);
            values.add(false);
        } else {
            for (String text : List.of("0", "1", "12", "1000", "100000", "10000000")) {
                try {
                    values.add(q.parseText(text));
                } catch (RuntimeException outOfRange) {
                    // not an allowed answer to this question
                }
            }
        }
        return values;
    }

    static String message(String id, String text) {
        try {
            QUESTIONNAIRE.parseText(id, text);
        } catch (dev.ragft.InvalidAnswersException e) {
            return e.errors().get(0).message();
        }
        throw new AssertionError(text + " was accepted");
    }
}
