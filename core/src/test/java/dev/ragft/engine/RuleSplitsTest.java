package dev.ragft.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ragft.facts.CostFacts;
import dev.ragft.facts.KnowledgeChange;
import dev.ragft.facts.Profile;
import dev.ragft.facts.QueryVariety;
import dev.ragft.testing.Fixtures;
import dev.ragft.testing.RulesCopy;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading the rules as written: the comparisons on the input facts, their split points, and what cannot be read. */
class RuleSplitsTest {

    @Test
    void theShippedRulesSplitWhereTheirConditionsDo() {
        RuleSplits splits = Fixtures.engine().rules().splits();
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
        // The freshness rules compare Profile.stalenessRatio = (365 / retrains) / days between changes with the lag
        // bands 1.5, 3 and 6 and the full-weight lag: computed at every value of retrains_per_year against every
        // knowledge_change, its band edges join the component splits (daily: 365/r/1 > 6 up to r = 60 ...; monthly,
        // 30 days: 365/r/30 <= 1.5 from r = 9, <= 3 from r = 5, <= 6 from r = 3).
        long[] retrains = splits.integerSplits(Profile.class, "retrainsPerYear", 0, 52);
        assertThat(retrains).contains(1, 2, 12, 3, 5, 9);
        assertThat(splits.integerSplits(Profile.class, "retrainsPerYear", 0, 1_000_000)).isNull();
        assertThat(splits.anyOpaque(CostFacts.class)).isFalse();
        assertThat(splits.blockerFields()).containsExactlyInAnyOrder("Profile.trainingExamples", "Profile.onPremRequired",
                "Profile.hostingInfrastructure");
    }

    @Test
    void aKeptScanIsTheScanOfItsOwnHeldAnswers() {
        // The scan over a derived value is kept per rule base; held sources (the answers already given) are part
        // of what it is kept by, so a daily and a monthly consultation each get their own splits, again and again,
        // equal to what a fresh reading of the rules finds.
        RuleBase rules = Fixtures.engine().rules();
        RuleSplits kept = rules.splits();
        Set<String> held = Set.of("knowledgeChange");
        Profile daily = RuleBaseTest.profile(KnowledgeChange.DAILY, QueryVariety.MIXED, 1000, true, 1000, false, false);
        Profile monthly = RuleBaseTest.profile(KnowledgeChange.MONTHLY, QueryVariety.MIXED, 1000, true, 1000, false,
                false);
        long[] forDaily = kept.integerSplits(Profile.class, "retrainsPerYear", 0, 52, daily, held);
        long[] forMonthly = kept.integerSplits(Profile.class, "retrainsPerYear", 0, 52, monthly, held);
        assertThat(forDaily).isNotEqualTo(forMonthly);
        RuleSplits fresh = RuleSplits.read(rules.source(), rules.policy(), List.of(Profile.class, CostFacts.class));
        for (int round = 0; round < 2; round++) {
            assertThat(kept.integerSplits(Profile.class, "retrainsPerYear", 0, 52, daily, held))
                    .containsExactly(fresh.integerSplits(Profile.class, "retrainsPerYear", 0, 52, daily, held));
            assertThat(kept.integerSplits(Profile.class, "retrainsPerYear", 0, 52, monthly, held))
                    .containsExactly(fresh.integerSplits(Profile.class, "retrainsPerYear", 0, 52, monthly, held));
            assertThat(kept.integerSplits(Profile.class, "retrainsPerYear", 0, 52))
                    .containsExactly(fresh.integerSplits(Profile.class, "retrainsPerYear", 0, 52));
        }
        // What the caller does with the splits it got does not change what the next caller gets.
        kept.integerSplits(Profile.class, "retrainsPerYear", 0, 52)[0] = -1;
        assertThat(kept.integerSplits(Profile.class, "retrainsPerYear", 0, 52))
                .containsExactly(fresh.integerSplits(Profile.class, "retrainsPerYear", 0, 52));
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
        RuleSplits splits = base.splits();
        assertThat(splits.opaque(Profile.class, "trainingExamples")).isTrue();
        assertThat(splits.opaque(Profile.class, "monthlyQueries")).isTrue();
        assertThat(splits.opaque(Profile.class, "horizonMonths")).isTrue();
        assertThat(splits.opaque(Profile.class, "latencyBudgetMs")).isFalse();
    }

    /**
     * A derived value compared in a condition or a consequence makes the components it is computed from opaque
     * ({@link dev.ragft.facts.DerivedFrom}), and only those.
     */
    @Test
    void aDerivedValueIsReadThroughTheAnswersItComesFrom(@TempDir Path tmp) throws Exception {
        Path rules = RulesCopy.of(tmp);
        // Take the shipped freshness rules out so that only the rule below derives anything.
        Files.writeString(rules.resolve("70-faq.drl"), Files.readString(rules.resolve("70-faq.drl"))
                .replace("stalenessRatio", "retrainsPerYear"));
        Files.writeString(rules.resolve("95-caveats.drl"), Files.readString(rules.resolve("95-caveats.drl"))
                .replace("stalenessRatio", "retrainsPerYear"));
        RuleSplits plain = RuleBase.compile(RuleSource.fromDirectory(rules)).splits();
        assertThat(plain.opaque(Profile.class, "retrainsPerYear")).isFalse();

        Files.writeString(rules.resolve("80-window.drl"), """
                package dev.ragft.rules;
                import dev.ragft.facts.Profile;
                import dev.ragft.facts.Caveat;
                import dev.ragft.facts.Severity;

                rule "Window: a month or less"
                    @criterion("ops.retraining-cadence") @section("FAQ (how often to retrain)")
                when
                    Profile(stalenessWindowDays <= 31)
                then
                    insertLogical(new Caveat("window.short", Severity.INFO, "short"));
                end
                """);
        RuleSplits splits = RuleBase.compile(RuleSource.fromDirectory(rules)).splits();
        // Read as a comparison on the derived value: 365 / retrains <= 31 from 12 retrains a year on.
        assertThat(splits.opaque(Profile.class, "retrainsPerYear")).isFalse();
        assertThat(splits.integerSplits(Profile.class, "retrainsPerYear", 0, 52)).contains(12);
        assertThat(splits.opaque(Profile.class, "monthlyQueries")).isFalse();

        Files.writeString(rules.resolve("80-window.drl"), """
                package dev.ragft.rules;
                import dev.ragft.facts.Profile;
                import dev.ragft.facts.Caveat;
                import dev.ragft.facts.Severity;

                rule "Window: against the horizon"
                    @criterion("ops.retraining-cadence") @section("FAQ (how often to retrain)")
                when
                    Profile(stalenessWindowDays * 2 > horizonMonths)
                then
                    insertLogical(new Caveat("window.odd", Severity.INFO, "odd"));
                end
                """);
        RuleSplits arithmetic = RuleBase.compile(RuleSource.fromDirectory(rules)).splits();
        assertThat(arithmetic.opaque(Profile.class, "retrainsPerYear")).isTrue();

        Files.writeString(rules.resolve("80-window.drl"), """
                package dev.ragft.rules;
                import dev.ragft.facts.Profile;
                import dev.ragft.facts.Caveat;
                import dev.ragft.facts.Severity;

                rule "Window: worded by its length"
                    @criterion("ops.retraining-cadence") @section("FAQ (how often to retrain)")
                when
                    $p : Profile()
                then
                    insertLogical(new Caveat("window.worded", Severity.INFO,
                            $p.stalenessWindowDays() > 90 ? "long" : "short"));
                end
                """);
        RuleSplits inConsequence = RuleBase.compile(RuleSource.fromDirectory(rules)).splits();
        assertThat(inConsequence.opaque(Profile.class, "retrainsPerYear")).isTrue();
        assertThat(inConsequence.opaque(Profile.class, "monthlyQueries")).isFalse();
    }

    /**
     * Each {@link dev.ragft.facts.DerivedFrom} is honest: changing any other component of a profile never changes
     * the derived value (so the analysis may trust the answers it does not sweep).
     */
    @Test
    void derivedValuesDependOnlyOnTheComponentsTheyName() throws Exception {
        RecordComponent[] components = Profile.class.getRecordComponents();
        Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType)
                .toArray(Class<?>[]::new);
        Constructor<Profile> canonical = Profile.class.getDeclaredConstructor(types);
        int checked = 0;
        for (Fixtures.Consultation consultation : Fixtures.consultations()) {
            Profile base = Fixtures.engine().questionnaire().resolve(consultation.answers()).profile();
            for (Map.Entry<String, List<String>> derived : RuleSplits.derived(Profile.class).entrySet()) {
                Method accessor = Profile.class.getMethod(derived.getKey());
                Object expected = accessor.invoke(base);
                for (int i = 0; i < components.length; i++) {
                    if (derived.getValue().contains(components[i].getName())) {
                        continue;
                    }
                    for (Object other : alternatives(components[i].getType())) {
                        Object[] args = new Object[components.length];
                        for (int j = 0; j < components.length; j++) {
                            args[j] = components[j].getAccessor().invoke(base);
                        }
                        args[i] = other;
                        assertThat(accessor.invoke(canonical.newInstance(args)))
                                .as(derived.getKey() + " with " + components[i].getName() + " = " + other).isEqualTo(expected);
                        checked++;
                    }
                }
            }
        }
        assertThat(checked).isPositive();
    }

    private static List<Object> alternatives(Class<?> type) {
        if (type == long.class) {
            return List.of(0L, 1L, 99_999L);
        }
        if (type == int.class) {
            return List.of(0, 1, 52, 120);
        }
        if (type == boolean.class) {
            return List.of(true, false);
        }
        if (type == Integer.class) {
            return Arrays.asList(null, 100, 5000);
        }
        if (type.isEnum()) {
            List<Object> values = new ArrayList<>(Arrays.asList(type.getEnumConstants()));
            values.add(null);
            return values;
        }
        return List.of(); // the answered set: not a value a derived number reads
    }
}
