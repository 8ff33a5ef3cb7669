package dev.ragft.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ragft.RulesException;
import dev.ragft.cost.CostInputs;
import dev.ragft.cost.CostModel;
import dev.ragft.facts.CostPreference;
import dev.ragft.facts.Favor;
import dev.ragft.facts.Finding;
import dev.ragft.facts.KnowledgeChange;
import dev.ragft.facts.ModelSize;
import dev.ragft.facts.Profile;
import dev.ragft.facts.QueryVariety;
import dev.ragft.facts.Strategy;
import dev.ragft.testing.RulesCopy;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuleBaseTest {

    static RuleBase rules;

    @BeforeAll
    static void compile() throws IOException {
        rules = RuleBase.compile(RuleSource.fromDirectory(Path.of("rules")));
    }

    static Profile profile(KnowledgeChange change, QueryVariety variety, long queries, boolean hosting, long examples,
                           boolean style, boolean audit) {
        return new Profile(change, null, null, variety, null, queries, null, null, false, audit, hosting,
                CostPreference.NO_PREFERENCE, style, examples, true, ModelSize.SIZE_7B, 12, 1, Set.of());
    }

    static dev.ragft.facts.CostFacts smallCompanyCosts() {
        return CostModel.toFacts(CostModel.compute(new CostInputs(12, 1000, 1, new BigDecimal("100"),
                new BigDecimal("1000"), new BigDecimal("50"), new BigDecimal("50"), new BigDecimal("0.10"),
                new BigDecimal("0.01"))));
    }

    @Test
    void everyRuleCarriesCriterionAndSectionMetadata() {
        assertThat(rules.rules()).isNotEmpty();
        assertThat(rules.rules()).allSatisfy(rule -> {
            assertThat(rule.criterion()).as(rule.name()).isNotBlank();
            assertThat(rule.section()).as(rule.name()).isNotBlank();
            assertThat(rule.file()).as(rule.name()).endsWith(".drl");
        });
    }

    @Test
    void producesAFindingForEveryCriterionAndOneRecommendation() {
        var result = rules.evaluate(profile(KnowledgeChange.RARELY, QueryVariety.REPETITIVE, 1000, true, 5000, false, false),
                smallCompanyCosts());
        Set<String> criteria = result.findings().stream().map(Finding::criterion).collect(Collectors.toSet());
        assertThat(criteria).hasSize(24);
        assertThat(result.recommendation().strategy()).isEqualTo(Strategy.FINE_TUNE);
        assertThat(result.firedRules()).contains("Score the options");
    }

    @Test
    void tooFewExamplesRuleOutFineTuning() {
        var result = rules.evaluate(profile(KnowledgeChange.RARELY, QueryVariety.REPETITIVE, 1000, true, 10, true, true),
                smallCompanyCosts());
        assertThat(result.recommendation().strategy()).isEqualTo(Strategy.RAG);
        assertThat(result.caveats()).anySatisfy(c -> assertThat(c.id()).isEqualTo("data.below-minimum"));
        assertThat(result.findings()).filteredOn(f -> f.criterion().equals("data.training-volume"))
                .singleElement().extracting(Finding::favors).isEqualTo(Favor.RAG);
    }

    @Test
    void styleWithDailyFactsAndAuditIsHybrid() {
        var result = rules.evaluate(profile(KnowledgeChange.DAILY, QueryVariety.REPETITIVE, 50_000, true, 20_000, true, true),
                smallCompanyCosts());
        assertThat(result.recommendation().strategy()).isEqualTo(Strategy.HYBRID);
    }

    @Test
    void compileErrorsNameTheRealFileAndLine(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("policy.properties"), Files.readString(Path.of("rules/policy.properties")));
        Files.writeString(dir.resolve("10-broken.drl"), """
                package dev.ragft.rules;
                import dev.ragft.facts.Profile;
                rule "Missing paren"
                    @criterion("ft.latency-matters") @section("x")
                when
                    Profile(monthlyQueries > 10
                then
                end
                """);
        assertThatThrownBy(() -> RuleBase.compile(RuleSource.fromDirectory(dir)))
                .isInstanceOf(RulesException.class)
                .satisfies(e -> assertThat(((RulesException) e).errors()).anySatisfy(error -> {
                    assertThat(error.file()).isEqualTo(dir.resolve("10-broken.drl"));
                    assertThat(error.line()).isBetween(6, 7);
                }));
    }

    @Test
    void twoBlockersOfFineTuningStillGiveOneRecommendationNamingBoth(@TempDir Path dir) throws IOException {
        Path rules = RulesCopy.of(dir);
        Files.writeString(rules.resolve("80-audit-blocks-fine-tuning.drl"), """
                package dev.ragft.rules;
                import dev.ragft.facts.Profile;
                import dev.ragft.facts.Blocker;
                import dev.ragft.facts.Option;
                rule "Audit makes fine-tuning a blocker"
                    @criterion("rag.audit-trail") @section("When to choose RAG")
                when
                    Profile(auditTrailRequired == true)
                then
                    insertLogical(new Blocker(Option.FINE_TUNE, "policy requires cited sources"));
                end
                """);
        RuleBase edited = RuleBase.compile(RuleSource.fromDirectory(rules));
        var result = edited.evaluate(profile(KnowledgeChange.RARELY, QueryVariety.REPETITIVE, 1000, true, 10, false, true),
                smallCompanyCosts());
        assertThat(result.recommendation().strategy()).isEqualTo(Strategy.RAG);
        assertThat(result.recommendation().summary()).contains("policy requires cited sources", "10 training examples");
    }

    @Test
    void thePackagedRulesComeWithTheReadingOfTheirComparisons() {
        // The packaged rule base loads the reading of its comparisons stored with its compiled packages; every
        // caller, the copies under other limits or sessions included, gets that one reading, and it is the
        // reading of the rules as written.
        RuleBase packaged = RuleBase.packaged(RuleBaseTest.class.getClassLoader(), null);
        assertThat(packaged.fromCache()).isTrue();
        RuleSplits read = packaged.splits();
        assertThat(packaged.splits()).isSameAs(read);
        assertThat(packaged.withFreshSessions().splits()).isSameAs(read);
        assertSameReading(read, RuleSplits.read(packaged.source(), packaged.policy(), List.of(Profile.class,
                dev.ragft.facts.CostFacts.class)));
    }

    /** Two readings of rules say the same: every comparison, blocker field, missing key and opaque field. */
    static void assertSameReading(RuleSplits stored, RuleSplits fresh) {
        assertThat(stored.atoms()).isNotEmpty().isEqualTo(fresh.atoms());
        assertThat(stored.blockerFields()).isEqualTo(fresh.blockerFields());
        assertThat(stored.missingKeys()).isEqualTo(fresh.missingKeys());
        for (Class<?> type : List.of(Profile.class, dev.ragft.facts.CostFacts.class)) {
            for (String field : RuleSplits.fields(type).keySet()) {
                assertThat(stored.opaque(type, field)).as(type.getSimpleName() + "." + field)
                        .isEqualTo(fresh.opaque(type, field));
            }
        }
        // Its working caches are its own and work: a view and a derived value's splits, as the fresh reading's.
        dev.ragft.facts.CostFacts costs = smallCompanyCosts();
        assertThat(stored.view(costs)).isEqualTo(fresh.view(costs));
        assertThat(stored.integerSplits(Profile.class, "retrainsPerYear", 0, 52))
                .containsExactly(fresh.integerSplits(Profile.class, "retrainsPerYear", 0, 52));
    }
}
