package dev.ragft.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ragft.Advice;
import dev.ragft.Advisor;
import dev.ragft.Analysis;
import dev.ragft.CriterionResult;
import dev.ragft.Flip;
import dev.ragft.engine.RuleBase;
import dev.ragft.engine.RuleSource;
import dev.ragft.facts.Strategy;
import dev.ragft.policy.CaseSpace;
import dev.ragft.policy.ExhaustiveCheck;
import dev.ragft.policy.PolicyLint;
import dev.ragft.questionnaire.Answers;
import dev.ragft.questionnaire.Questionnaire;
import dev.ragft.testing.RulesCopy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Adding a question takes three places (docs/adding-a-question.md): {@code advisor.json}, the fact field,
 * the rules that use it. A test cannot add a component to the {@code Profile} record, and every component
 * already has its question; so, in a copy, the question {@code style_format_needs} is deleted from
 * {@code advisor.json} and written again from scratch (new prompt, a different default, a new criterion of
 * its own), with a new rule file and a weight that use it. No Java changes: the copy's answers resolve,
 * advise gives the new rule's finding, the analysis reports a flip on it, and the exhaustive check crosses it.
 */
class AddingAQuestionTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String ID = "style_format_needs";
    static final String CRITERION = "ft.house-style";

    @TempDir
    Path tmp;

    /** The answers of the case the new rule is meant to turn around; style_format_needs left to its default. */
    static Answers answers(Boolean style) {
        // Wide queries and no hosting: RAG's own reasons, which a hybrid does not share, so the shipped rules'
        // hybrid (style plus monthly facts) stays behind RAG whatever the style answer.
        Map<String, Object> values = new LinkedHashMap<>(Map.of("knowledge_change", "MONTHLY", "query_variety", "WIDE",
                "monthly_queries", 1_000, "hosting_infrastructure", false, "training_examples", 5_000));
        if (style != null) {
            values.put(ID, style);
        }
        return Answers.of(values);
    }

    /** Deletes the question from a copy of advisor.json and writes it again, as a policy owner adds one. */
    Path questionnaireCopy() throws IOException {
        ObjectNode root = (ObjectNode) JSON.readTree(Path.of("questionnaires/advisor.json").toFile());
        ArrayNode questions = (ArrayNode) root.get("questions");
        int at = -1;
        for (int i = 0; i < questions.size(); i++) {
            if (questions.get(i).get("id").asText().equals(ID)) {
                at = i;
            }
        }
        assertThat(at).as("the shipped questionnaire has " + ID).isNotNegative();
        questions.remove(at);
        ObjectNode fresh = JSON.createObjectNode();
        fresh.put("id", ID);
        fresh.put("section", "constraints");
        fresh.put("prompt", "Must answers follow a house style (tone, template, output format)?");
        fresh.put("help", "A house style is learnt from examples by fine-tuning; retrieval does not teach it.");
        fresh.put("guideSection", "When to choose fine-tuning");
        fresh.put("type", "boolean");
        fresh.put("required", false);
        fresh.put("default", true); // the shipped question defaults to false: the copy's own definition is read
        fresh.putArray("criteria").add(CRITERION).add("hybrid.style-plus-fresh-facts");
        questions.insert(at, fresh);
        ((ArrayNode) root.get("criteria")).addObject().put("id", CRITERION).put("section", "When to choose fine-tuning")
                .put("title", "A house style to learn").set("drivenBy", JSON.createArrayNode().add(ID));
        Path file = tmp.resolve("advisor.json");
        JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), root);
        return file;
    }

    /** The new rules and their weight, in a copy of rules/. */
    Path rulesCopy() throws IOException {
        Path rules = RulesCopy.of(tmp);
        Files.writeString(rules.resolve("15-house-style.drl"), """
                package dev.ragft.rules;

                import dev.ragft.facts.Profile;
                import dev.ragft.facts.Policy;
                import dev.ragft.facts.Favor;
                import dev.ragft.facts.Findings;

                rule "A house style favours fine-tuning"
                    @criterion("ft.house-style") @section("When to choose fine-tuning")
                when
                    $policy : Policy()
                    Profile(styleFormatNeeds == true)
                then
                    insertLogical(Findings.of(drools, $policy, Favor.FINE_TUNE, "A house style is learnt by fine-tuning"));
                end

                rule "No house style: nothing for fine-tuning to learn"
                    @criterion("ft.house-style") @section("When to choose fine-tuning")
                when
                    $policy : Policy()
                    Profile(styleFormatNeeds == false)
                then
                    insertLogical(Findings.of(drools, $policy, Favor.NEUTRAL, "No house style to learn"));
                end
                """);
        Files.writeString(rules.resolve("policy.properties"),
                Files.readString(rules.resolve("policy.properties")) + "\nweight.ft.house-style = 10\n");
        return rules;
    }

    @Test
    void theShippedRulesDoNotTurnThisCaseOnTheQuestion() {
        Advisor shipped = Advisor.fromClasspath();
        assertThat(shipped.advise(answers(false)).strategy()).isEqualTo(Strategy.RAG);
        assertThat(shipped.advise(answers(true)).strategy()).isEqualTo(Strategy.RAG);
        assertThat(shipped.analyze(shipped.advise(answers(false))).flips()).extracting(Flip::question).doesNotContain(ID);
    }

    @Test
    void aQuestionWrittenAgainFromScratchIsResolvedAdvisedAnalysedAndExhaustivelyChecked() throws IOException {
        Path questionnaireFile = questionnaireCopy();
        Path rules = rulesCopy();
        Questionnaire questionnaire = Questionnaire.load(questionnaireFile);
        RuleBase compiled = RuleBase.compile(RuleSource.fromDirectory(rules));
        // rules check's quick part accepts the copy: the criterion has its weight and its catalog entry.
        assertThat(PolicyLint.lint(compiled, questionnaire)).isEmpty();

        // Resolved: the copy's definition, including its new default, reaches the fact field of the same name.
        assertThat(questionnaire.resolve(answers(null)).profile().styleFormatNeeds()).isTrue();
        assertThat(questionnaire.resolve(answers(false)).profile().styleFormatNeeds()).isFalse();
        assertThat(Bindings.of(questionnaire).of(ID).orElseThrow().profileField()).isEqualTo("styleFormatNeeds");

        // Advised: the new rule's finding is in the trace, and it turns the decision.
        Advisor advisor = Advisor.fromDirectory(rules, questionnaireFile);
        Advice withStyle = advisor.advise(answers(true));
        assertThat(withStyle.criteria()).filteredOn(c -> c.id().equals(CRITERION)).extracting(CriterionResult::reason)
                .containsExactly("A house style is learnt by fine-tuning");
        assertThat(withStyle.criteria()).filteredOn(c -> c.id().equals(CRITERION))
                .allSatisfy(c -> assertThat(c.answers()).containsEntry(ID, true));
        // The house style speaks for fine-tuning alone (a hybrid's score does not carry it): FINE_TUNE.
        assertThat(withStyle.strategy()).isEqualTo(Strategy.FINE_TUNE);
        Advice without = advisor.advise(answers(false));
        assertThat(without.strategy()).isEqualTo(Strategy.RAG);

        // Analysed: "what would change this" names the new question, confirmed by the engine above.
        Analysis analysis = advisor.analyze(without);
        assertThat(analysis.flips()).filteredOn(f -> f.question().equals(ID))
                .singleElement().satisfies(f -> {
                    assertThat(f.to()).isEqualTo(true);
                    assertThat(f.strategy()).isEqualTo(Strategy.FINE_TUNE);
                });

        // Exhaustively checked: the case space crosses both answers of the question; every other question is
        // pinned to one value so the run stays small, and the check passes with the question deciding.
        CaseSpace space = CaseSpace.standard(questionnaire, compiled);
        assertThat(space.crossed()).filteredOn(d -> d.question().equals(ID)).singleElement()
                .satisfies(d -> assertThat(d.values()).containsExactly(false, true));
        // Besides the case's answers, labeled examples, monthly retraining and a year's horizon: the first
        // values of those dimensions (unlabeled, never retrained, one month) would each hand RAG the decision.
        Map<String, Object> base = Map.ofEntries(Map.entry("knowledge_change", "MONTHLY"), Map.entry("query_variety", "WIDE"),
                Map.entry("monthly_queries", 1_000L), Map.entry("hosting_infrastructure", false),
                Map.entry("training_examples", 5_000L), Map.entry("examples_labeled", true),
                Map.entry("retrains_per_year", 12L), Map.entry("horizon_months", 12L));
        for (CaseSpace.Dimension d : Stream.concat(space.crossed().stream(), space.paired().stream()).toList()) {
            if (!d.question().equals(ID)) {
                space = space.restrict(d.question(), Collections.singletonList(
                        base.containsKey(d.question()) ? base.get(d.question()) : d.values().get(0)));
            }
        }
        assertThat(space.size()).isEqualTo(2);
        assertThat(space.answers(0)).containsEntry(ID, false);
        assertThat(space.answers(1)).containsEntry(ID, true);
        ExhaustiveCheck.Report report = new ExhaustiveCheck(questionnaire, compiled).run(space, 1, tmp.resolve("violations"));
        assertThat(report.violations()).isEmpty();
        assertThat(report.cases()).isEqualTo(2);
        Strategy first = advisor.advise(Answers.of(space.answers(0))).strategy();
        Strategy second = advisor.advise(Answers.of(space.answers(1))).strategy();
        assertThat(first).isNotEqualTo(second);
        assertThat(report.outcomes()).containsKeys(first, second);
    }
}
