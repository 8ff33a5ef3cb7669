package dev.ragft.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ragft.Advice;
import dev.ragft.CriterionResult;
import dev.ragft.RulesException;
import dev.ragft.answers.Consultations;
import dev.ragft.engine.Engine;
import dev.ragft.engine.RuleBase;
import dev.ragft.engine.RuleSource;
import dev.ragft.questionnaire.Questionnaire;
import dev.ragft.testing.RulesCopy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rules folder adds a criterion of its own (rules, a weight, a {@code criteria.json} entry) without
 * touching the questionnaire: it is linted, reported and weighed like the catalog's; its entry is
 * checked against the questionnaire. Real rules copied, real compile, real sessions.
 */
class CatalogExtensionTest {

    static final Questionnaire QUESTIONNAIRE = Questionnaire.load(Path.of("questionnaires/advisor.json"));

    static final String TEAM_RULES = """
            package dev.ragft.rules;

            import dev.ragft.facts.Profile;
            import dev.ragft.facts.Policy;
            import dev.ragft.facts.Favor;
            import dev.ragft.facts.Findings;

            rule "A team that hosts models can run a fine-tuned one"
                @criterion("team.ml-operations") @section("When to choose fine-tuning")
            when
                $policy : Policy()
                Profile(hostingInfrastructure == true)
            then
                insertLogical(Findings.of(drools, $policy, Favor.FINE_TUNE, "The team already runs model hosting"));
            end

            rule "A team without hosting is neutral on ML operations"
                @criterion("team.ml-operations") @section("When to choose fine-tuning")
            when
                $policy : Policy()
                Profile(hostingInfrastructure == false)
            then
                insertLogical(Findings.of(drools, $policy, Favor.NEUTRAL, "No model hosting to build on"));
            end
            """;

    static final String ENTRY = """
            {"criteria": [
              {"id": "team.ml-operations", "section": "When to choose fine-tuning",
               "title": "Team runs ML operations", "drivenBy": ["%s"]}
            ]}
            """;

    @TempDir
    Path tmp;

    Path extended(String drivenBy) throws IOException {
        Path rules = RulesCopy.of(tmp);
        Files.writeString(rules.resolve("85-team.drl"), TEAM_RULES);
        RulesCopy.edit(rules, "policy.properties", "weight.ft.predictable-volume = 1",
                "weight.ft.predictable-volume = 1\nweight.team.ml-operations = 4");
        Files.writeString(rules.resolve("criteria.json"), ENTRY.formatted(drivenBy));
        return rules;
    }

    @Test
    void aCriterionAddedBesideTheRulesIsLintedReportedAndWeighed() throws IOException {
        RuleBase rules = RuleBase.compile(RuleSource.fromDirectory(extended("hosting_infrastructure")));
        Questionnaire catalog = rules.catalog(QUESTIONNAIRE);
        assertThat(catalog.criteria()).hasSize(QUESTIONNAIRE.criteria().size() + 1);

        List<Problem> problems = PolicyLint.lint(rules, catalog);
        assertThat(problems).as("%s", problems).isEmpty();

        Engine engine = new Engine(QUESTIONNAIRE, rules);
        Advice advice = engine.advise(Consultations.read(Path.of("questionnaires/examples/small-company.json")).answers());
        CriterionResult team = advice.criteria().stream().filter(c -> c.id().equals("team.ml-operations")).findFirst()
                .orElseThrow();
        assertThat(team.title()).isEqualTo("Team runs ML operations");
        assertThat(team.weight()).isEqualTo(4.0);
        assertThat(team.answers()).containsOnlyKeys("hosting_infrastructure");

        SmokeCheck.Report smoke = SmokeCheck.run(engine, SmokeCheck.cases(catalog, Path.of("questionnaires/examples")),
                false, Path.of(rules.source().origin()));
        assertThat(smoke.problems()).isEmpty();
    }

    @Test
    void withoutItsEntryTheCriterionIsALintErrorAndItsWeightUnused() throws IOException {
        Path folder = extended("hosting_infrastructure");
        Files.delete(folder.resolve("criteria.json"));
        RuleBase rules = RuleBase.compile(RuleSource.fromDirectory(folder));
        List<String> problems = PolicyLint.lint(rules, rules.catalog(QUESTIONNAIRE)).stream().map(Problem::toString).toList();
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith(folder.resolve("85-team.drl") + ":8:1: error: rule"
                + " \"A team that hosts models can run a fine-tuned one\" has @criterion(\"team.ml-operations\"), which is"
                + " not in the criteria catalog"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("warning: 'weight.team.ml-operations' weighs a"
                + " criterion that is not in the catalog"));
    }

    @Test
    void anEntryNamingAnUnknownQuestionIsAnErrorAtItsLine() throws IOException {
        RuleBase rules = RuleBase.compile(RuleSource.fromDirectory(extended("team_size")));
        assertThatThrownBy(() -> new Engine(QUESTIONNAIRE, rules)).isInstanceOf(RulesException.class)
                .satisfies(e -> assertThat(((RulesException) e).errors()).singleElement().satisfies(error -> {
                    assertThat(error.file()).isEqualTo(Path.of(rules.source().origin()).resolve("criteria.json"));
                    assertThat(error.line()).isEqualTo(2);
                    assertThat(error.message()).contains("driven by 'team_size', which is not a question of");
                }));
    }

    @Test
    void malformedEntriesDoNotLoad() throws IOException {
        Path folder = extended("hosting_infrastructure");
        Files.writeString(folder.resolve("criteria.json"), "{\"criteria\": [\n  {\"id\": \"team.ml-operations\"}\n]}\n");
        assertThatThrownBy(() -> RuleBase.compile(RuleSource.fromDirectory(folder))).isInstanceOf(RulesException.class)
                .hasMessageContaining(folder.resolve("criteria.json") + ":2:1: criterion 'team.ml-operations': each entry"
                        + " needs a non-empty \"id\", \"section\", \"title\" and \"drivenBy\"");
    }
}
