package dev.ragft.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ragft.engine.RuleBase;
import dev.ragft.engine.RuleSource;
import dev.ragft.facts.CostFacts;
import dev.ragft.facts.Profile;
import dev.ragft.testing.Fixtures;
import dev.ragft.testing.RulesCopy;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading the rules as written: the comparisons on the input facts, their split points, and what cannot be read. */
class RuleSplitsTest {

    @Test
    void theShippedRulesSplitWhereTheirConditionsDo() {
        RuleSplits splits = DecisionOracle.splitsOf(Fixtures.engine().rules());
        // trainingExamples == 0 / > 0, and < or >= 100, 1000, 10000.
        assertThat(splits.integerSplits(Profile.class, "trainingExamples")).containsExactly(0, 1, 100, 1000, 10000);
        assertThat(splits.integerSplits(Profile.class, "monthlyQueries")).containsExactly(10000);
        // latencyBudgetMs <= 200 and > 200: the truth changes between 200 and 201.
        assertThat(splits.integerSplits(Profile.class, "latencyBudgetMs")).containsExactly(201, 2001);
        assertThat(splits.integerSplits(Profile.class, "retrainsPerYear")).containsExactly(1, 2, 12); // 1: a caveat words "never retrained" for 0
        assertThat(splits.comparedWithField(CostFacts.class, "breakEvenMonth")).isTrue();
        for (String field : RuleSplits.fields(Profile.class).keySet()) {
            assertThat(splits.opaque(Profile.class, field)).as(field).isFalse();
        }
        assertThat(splits.anyOpaque(CostFacts.class)).isFalse();
        assertThat(splits.blockerFields()).containsExactlyInAnyOrder("Profile.trainingExamples", "Profile.onPremRequired",
                "Profile.hostingInfrastructure");
    }

    /** Arithmetic on a field, or a bound value compared in another pattern, cannot be read: the field is opaque. */
    @Test
    void whatCannotBeReadIsSaidSo(@TempDir Path tmp) throws Exception {
        Path rules = RulesCopy.of(tmp);
        Files.writeString(rules.resolve("80-odd.drl"), """
                package dev.ragft.rules;
                import dev.ragft.facts.Profile;
                import dev.ragft.facts.CostFacts;
                import dev.ragft.facts.Caveat;
                import dev.ragft.facts.Severity;

                rule "Odd: examples per query"
                    @criterion("data.training-volume") @section("FAQ (how much training data)")
                when
                    Profile(trainingExamples * 10 > monthlyQueries)
                then
                    insertLogical(new Caveat("odd.ratio", Severity.INFO, "odd"));
                end

                rule "Odd: horizon against a bound value"
                    @criterion("cost.payback") @section("Cost analysis")
                when
                    Profile($h : horizonMonths)
                    CostFacts(breakEvenMonth != null, breakEvenMonth < $h)
                then
                    insertLogical(new Caveat("odd.horizon", Severity.INFO, "odd"));
                end
                """);
        RuleBase base = RuleBase.compile(RuleSource.fromDirectory(rules));
        RuleSplits splits = DecisionOracle.splitsOf(base);
        assertThat(splits.opaque(Profile.class, "trainingExamples")).isTrue();
        assertThat(splits.opaque(Profile.class, "monthlyQueries")).isTrue();
        assertThat(splits.opaque(Profile.class, "horizonMonths")).isTrue();
        assertThat(splits.opaque(Profile.class, "latencyBudgetMs")).isFalse();
    }
}
