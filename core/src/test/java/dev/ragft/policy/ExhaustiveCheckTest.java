package dev.ragft.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ragft.Advice;
import dev.ragft.questionnaire.Answers;
import dev.ragft.engine.Engine;
import dev.ragft.engine.RuleBase;
import dev.ragft.engine.RuleSource;
import dev.ragft.facts.Strategy;
import dev.ragft.questionnaire.Questionnaire;
import dev.ragft.testing.RulesCopy;
import dev.ragft.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code rules check --exhaustive} in-process. The shipped rules get the FULL case space (this is the
 * CI run of it); the deliberately broken copy gets a subset (training_examples 99 and 100, model_size
 * 7B, monthly_queries 10,000, knowledge_change RARELY or DAILY; 2,304 cases), enough to trip the broken rule.
 */
class ExhaustiveCheckTest {

    static final Questionnaire QUESTIONNAIRE = Questionnaire.load(Path.of("questionnaires/advisor.json"));
    static final int THREADS = Runtime.getRuntime().availableProcessors();

    @TempDir
    Path tmp;

    @Test
    void theShippedRulesPassEveryCase() throws IOException {
        RuleBase rules = Fixtures.ruleBase();
        ExhaustiveCheck.Report report = new ExhaustiveCheck(QUESTIONNAIRE, rules).run(THREADS, tmp.resolve("violations"));

        assertThat(report.violations()).as("violations").isEmpty();
        assertThat(report.cases()).isEqualTo(CaseSpace.standard(QUESTIONNAIRE, rules).size());
        long counted = report.outcomes().values().stream().flatMap(row -> row.values().stream()).mapToLong(Long::longValue).sum();
        assertThat(counted).isEqualTo(report.cases());
        // All three strategies occur somewhere in the space.
        assertThat(report.outcomes()).allSatisfy((strategy, row) ->
                assertThat(row.values().stream().mapToLong(Long::longValue).sum()).as(strategy.name()).isPositive());
        assertThat(tmp.resolve("violations")).doesNotExist();
    }

    @Test
    void aRuleThatFineTunesWithTooFewExamplesIsCaughtWithAReproducingAnswersFile() throws IOException {
        Path rules = RulesCopy.of(tmp);
        Files.writeString(rules.resolve("92-broken.drl"), """
                package dev.ragft.rules;

                import dev.ragft.facts.Profile;
                import dev.ragft.facts.Recommendation;
                import dev.ragft.facts.Strategy;

                // Deliberately wrong: overrides the decision for small data sets, ignoring the blocker.
                rule "Small data sets: fine-tune anyway"
                    @criterion("decision") @section("Decision")
                    salience -250
                when
                    Profile(trainingExamples >= 10, trainingExamples < 100)
                    $recommendation : Recommendation(strategy != Strategy.FINE_TUNE)
                then
                    delete($recommendation);
                    insert(new Recommendation(Strategy.FINE_TUNE, $recommendation.confidence(), $recommendation.deployment(),
                        $recommendation.deploymentNote(), $recommendation.summary(), $recommendation.margin(),
                        $recommendation.decidingCriteria(), $recommendation.scores(), "Small data sets: fine-tune anyway"));
                end
                """);
        RuleBase broken = RuleBase.compile(RuleSource.fromDirectory(rules));
        assertThat(PolicyLint.lint(broken, QUESTIONNAIRE)).noneMatch(p -> p.severity() == Problem.Severity.ERROR);
        CaseSpace subset = CaseSpace.standard(QUESTIONNAIRE, broken)
                .restrict("training_examples", List.of(99L, 100L))
                .restrict("model_size", List.of("7B"))
                .restrict("monthly_queries", List.of(10000L))
                .restrict("knowledge_change", List.of("RARELY", "DAILY"));
        Path violations = tmp.resolve("violations");

        ExhaustiveCheck.Report report = new ExhaustiveCheck(QUESTIONNAIRE, broken).run(subset, THREADS, violations);

        assertThat(report.violations()).extracting(ExhaustiveCheck.Violation::kind)
                .containsExactly("blocker ignored: FINE_TUNE");
        ExhaustiveCheck.Violation violation = report.violations().get(0);
        assertThat(violation.cases()).isEqualTo(subset.size() / 2); // every case with 99 examples
        assertThat(violation.file()).exists().hasParent(violations);
        // The file holds only what is needed (the required answers), and replaying it reproduces the violation.
        Answers reproduce = Answers.fromJson(Files.readString(violation.file()), violation.file().toString());
        assertThat(reproduce.ids()).containsExactlyInAnyOrder("knowledge_change", "query_variety", "monthly_queries",
                "hosting_infrastructure", "training_examples");
        assertThat(reproduce.get("training_examples")).isEqualTo(99L);
        Advice advice = new Engine(QUESTIONNAIRE, broken).advise(reproduce);
        assertThat(advice.strategy()).isEqualTo(Strategy.FINE_TUNE);
        assertThat(new Engine(QUESTIONNAIRE, Fixtures.ruleBase())
                .advise(reproduce).strategy()).isNotEqualTo(Strategy.FINE_TUNE);
    }
}
