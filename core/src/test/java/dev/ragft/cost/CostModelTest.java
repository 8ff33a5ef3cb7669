package dev.ragft.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ragft.facts.CostFacts;
import dev.ragft.facts.Strategy;
import dev.ragft.questionnaire.Answers;
import dev.ragft.questionnaire.Questionnaire;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Every expected figure here was worked out by hand from SPEC §4, not with the model's own code, so a slip in the
 * formulas shows up as a mismatch rather than being reproduced.
 */
class CostModelTest {

    /** The guide's small-company scenario, with horizon and retraining rate left open. */
    private static CostInputs small(int h, int r) {
        return inputs(h, 1_000, r, "100", "1000", "50", "50", "0.10", "0.01");
    }

    private static CostInputs inputs(int h, long q, int r, String fineTune, String dataPrep, String inference,
            String vectorDb, String retrieval, String generation) {
        return new CostInputs(h, q, r, new BigDecimal(fineTune), new BigDecimal(dataPrep), new BigDecimal(inference),
                new BigDecimal(vectorDb), new BigDecimal(retrieval), new BigDecimal(generation));
    }

    private static BigDecimal usd(String amount) {
        return new BigDecimal(amount);
    }

    private static void assertCumulative(StrategyCost cost, int month, String expected) {
        assertThat(cost.cumulativeUsd().get(month))
                .as("%s cumulative at month %d", cost.strategy(), month)
                .isEqualByComparingTo(expected);
    }

    // ---- guide scenarios ----
    @Test
    void smallCompanyTotals() {
        CostReport report = CostModel.compute(small(12, 1));

        StrategyCost ft = report.fineTune();
        assertThat(ft.strategy()).isEqualTo(Strategy.FINE_TUNE);
        assertThat(ft.trainings()).isEqualTo(1);
        assertThat(ft.upfrontUsd()).isEqualByComparingTo("1100");
        assertThat(ft.retrainingUsd()).isEqualByComparingTo("0");
        assertThat(ft.monthlyUsd()).isEqualByComparingTo("50");
        assertThat(ft.totalUsd()).isEqualByComparingTo("1700");

        StrategyCost rag = report.rag();
        assertThat(rag.strategy()).isEqualTo(Strategy.RAG);
        assertThat(rag.trainings()).isZero();
        assertThat(rag.upfrontUsd()).isEqualByComparingTo("0");
        assertThat(rag.retrainingUsd()).isEqualByComparingTo("0");
        assertThat(rag.monthlyUsd()).isEqualByComparingTo("160");
        assertThat(rag.totalUsd()).isEqualByComparingTo("1920");

        StrategyCost hybrid = report.hybrid();
        assertThat(hybrid.strategy()).isEqualTo(Strategy.HYBRID);
        assertThat(hybrid.trainings()).isEqualTo(1);
        assertThat(hybrid.upfrontUsd()).isEqualByComparingTo("1100");
        assertThat(hybrid.monthlyUsd()).isEqualByComparingTo("200");
        assertThat(hybrid.totalUsd()).isEqualByComparingTo("3500");

        assertThat(report.horizonMonths()).isEqualTo(12);
        assertThat(report.monthlyQueries()).isEqualTo(1_000L);
    }

    @Test
    void smallCompanyBreakEven() {
        CostReport report = CostModel.compute(small(12, 1));

        // 1,100 + 50m ≤ 160m first holds at m = 10 (1,600 each); at m = 9 it is 1,550 vs 1,440.
        assertThat(report.breakEvenMonth()).isEqualTo(10);
        assertCumulative(report.fineTune(), 9, "1550");
        assertCumulative(report.rag(), 9, "1440");
        assertCumulative(report.fineTune(), 10, "1600");
        assertCumulative(report.rag(), 10, "1600");

        // (1,700 − 12 × 50) / (12 × 0.11) = 833.33…
        assertThat(report.breakEvenMonthlyQueries()).isEqualTo(usd("833.33"));
    }

    @Test
    void smallCompanyPerQuery() {
        CostReport report = CostModel.compute(small(12, 1));

        // 1,700 / 12,000 = 0.1416666…; 1,920 / 12,000 = 0.16; 3,500 / 12,000 = 0.2916666…
        assertThat(report.fineTune().perQueryUsd()).isEqualTo(usd("0.141667"));
        assertThat(report.rag().perQueryUsd()).isEqualTo(usd("0.160000"));
        assertThat(report.hybrid().perQueryUsd()).isEqualTo(usd("0.291667"));
    }

    @Test
    void enterprise() {
        CostReport report = CostModel.compute(
                inputs(12, 1_000_000, 1, "1500", "15000", "1000", "500", "0.10", "0.01"));

        assertThat(report.fineTune().upfrontUsd()).isEqualByComparingTo("16500");
        assertThat(report.fineTune().totalUsd()).isEqualByComparingTo("28500");
        assertThat(report.rag().monthlyUsd()).isEqualByComparingTo("110500");
        assertThat(report.rag().totalUsd()).isEqualByComparingTo("1326000");
        // 16,500 + 12 × (1,000 + 500 + 1,000,000 × 0.10)
        assertThat(report.hybrid().totalUsd()).isEqualByComparingTo("1234500");
        // 17,500 ≤ 110,500 already in the first month.
        assertThat(report.breakEvenMonth()).isEqualTo(1);
        // (28,500 − 6,000) / 1.32 = 17,045.4545…
        assertThat(report.breakEvenMonthlyQueries()).isEqualTo(usd("17045.45"));
    }

    // ---- retraining ----
    @Test
    void neverRetraining() {
        CostReport report = CostModel.compute(small(24, 0));

        assertThat(report.fineTune().trainings()).isEqualTo(1);
        assertThat(report.fineTune().retrainingUsd()).isEqualByComparingTo("0");
        assertThat(report.fineTune().totalUsd()).isEqualByComparingTo("2300");
        assertCumulative(report.fineTune(), 0, "1100");
        assertCumulative(report.fineTune(), 13, "1750");
        assertCumulative(report.fineTune(), 24, "2300");

        assertThat(report.hybrid().trainings()).isEqualTo(1);
        assertThat(report.hybrid().retrainingUsd()).isEqualByComparingTo("0");
        assertThat(report.hybrid().totalUsd()).isEqualByComparingTo("5900");
    }

    @Test
    void yearlyWithinOneYearIsASingleTraining() {
        CostReport report = CostModel.compute(small(12, 1));

        // The second training would fall at month 12, which is the end of the horizon, not inside it.
        assertThat(report.fineTune().trainings()).isEqualTo(1);
        assertCumulative(report.fineTune(), 12, "1700");
    }

    @Test
    void yearlyOverTwoYears() {
        CostReport report = CostModel.compute(small(24, 1));

        assertThat(report.fineTune().trainings()).isEqualTo(2);
        assertThat(report.fineTune().retrainingUsd()).isEqualByComparingTo("100");
        assertThat(report.fineTune().totalUsd()).isEqualByComparingTo("2400");
        // The retraining is scheduled at month 12, so it is paid by the end of month 12 only from m = 13 on.
        assertCumulative(report.fineTune(), 12, "1700");
        assertCumulative(report.fineTune(), 13, "1850");
        assertCumulative(report.fineTune(), 24, "2400");
    }

    @Test
    void yearlyJustPastOneYear() {
        CostReport report = CostModel.compute(small(13, 1));

        assertThat(report.fineTune().trainings()).isEqualTo(2);
        assertCumulative(report.fineTune(), 12, "1700");
        assertCumulative(report.fineTune(), 13, "1850");
        assertThat(report.fineTune().totalUsd()).isEqualByComparingTo("1850");
    }

    @Test
    void monthlyRetraining() {
        CostReport report = CostModel.compute(small(12, 12));

        StrategyCost ft = report.fineTune();
        assertThat(ft.trainings()).isEqualTo(12);
        assertThat(ft.retrainingUsd()).isEqualByComparingTo("1100");
        assertThat(ft.totalUsd()).isEqualByComparingTo("2800");
        // Retrainings at months 1 … 11, each counted from the following month.
        assertThat(ft.cumulativeUsd()).hasSize(13);
        assertCumulative(ft, 0, "1100");
        assertCumulative(ft, 1, "1150");
        assertCumulative(ft, 2, "1300");
        assertCumulative(ft, 5, "1750");
        assertCumulative(ft, 11, "2650");
        assertCumulative(ft, 12, "2800");
    }

    @Test
    void weeklyRetraining() {
        CostReport report = CostModel.compute(small(12, 52));

        StrategyCost ft = report.fineTune();
        assertThat(ft.trainings()).isEqualTo(52);
        assertThat(ft.retrainingUsd()).isEqualByComparingTo("5100");
        assertThat(ft.totalUsd()).isEqualByComparingTo("6800");
        // Retrainings 1–4 fall in month 0 (12k/52 < 1) and 5–8 in month 1; none is paid at m = 0.
        assertCumulative(ft, 0, "1100");
        assertCumulative(ft, 1, "1550");
        assertCumulative(ft, 2, "2000");
        // 12k/52 < 3 for k = 1 … 12.
        assertCumulative(ft, 3, "2450");
        assertCumulative(ft, 12, "6800");
    }

    @Test
    void horizonNotAMultipleOfTwelve() {
        CostReport monthly = CostModel.compute(small(7, 12));
        assertThat(monthly.fineTune().trainings()).isEqualTo(7);
        assertThat(monthly.fineTune().retrainingUsd()).isEqualByComparingTo("600");
        assertThat(monthly.fineTune().totalUsd()).isEqualByComparingTo("2050");
        assertThat(monthly.fineTune().cumulativeUsd()).hasSize(8);
        assertCumulative(monthly.fineTune(), 6, "1900");
        assertCumulative(monthly.fineTune(), 7, "2050");

        // 7 × 52 / 12 = 30.33…, rounded up.
        assertThat(CostModel.compute(small(7, 52)).fineTune().trainings()).isEqualTo(31);
        assertThat(CostModel.compute(small(7, 1)).fineTune().trainings()).isEqualTo(1);
    }

    @Test
    void ragNeverTrains() {
        CostReport report = CostModel.compute(small(36, 52));

        assertThat(report.rag().trainings()).isZero();
        assertThat(report.rag().retrainingUsd()).isEqualByComparingTo("0");
        assertThat(report.rag().totalUsd()).isEqualByComparingTo("5760");
        assertCumulative(report.rag(), 0, "0");
        assertCumulative(report.rag(), 1, "160");
    }

    // ---- hybrid ----
    @Test
    void hybridPaysRetrievalButNotGeneration() {
        CostReport report = CostModel.compute(inputs(6, 2_000, 4, "200", "300", "40", "25", "0.06", "0.03"));

        StrategyCost hybrid = report.hybrid();
        assertThat(hybrid.trainings()).isEqualTo(1);
        assertThat(hybrid.upfrontUsd()).isEqualByComparingTo("500");
        // 40 + 25 + 2,000 × 0.06
        assertThat(hybrid.monthlyUsd()).isEqualByComparingTo("185");
        assertThat(hybrid.totalUsd()).isEqualByComparingTo("1610");
        assertThat(hybrid.perQueryUsd()).isEqualTo(usd("0.134167"));

        // For comparison: fine-tuning retrains once at month 3; RAG pays generation too.
        assertThat(report.fineTune().trainings()).isEqualTo(2);
        assertThat(report.fineTune().totalUsd()).isEqualByComparingTo("940");
        assertCumulative(report.fineTune(), 3, "620");
        assertCumulative(report.fineTune(), 4, "860");
        assertThat(report.rag().monthlyUsd()).isEqualByComparingTo("205");
        assertThat(report.rag().totalUsd()).isEqualByComparingTo("1230");
    }

    @Test
    void hybridRetrainsAtMostYearlyEvenWhenFineTuningRetrainsMonthly() {
        CostReport report = CostModel.compute(small(36, 12));

        assertThat(report.fineTune().trainings()).isEqualTo(36);
        assertThat(report.fineTune().totalUsd()).isEqualByComparingTo("6400");

        StrategyCost hybrid = report.hybrid();
        assertThat(hybrid.trainings()).isEqualTo(3);
        assertThat(hybrid.retrainingUsd()).isEqualByComparingTo("200");
        assertThat(hybrid.totalUsd()).isEqualByComparingTo("8500");
        // Yearly schedule: retrainings at months 12 and 24.
        assertCumulative(hybrid, 12, "3500");
        assertCumulative(hybrid, 13, "3800");
        assertCumulative(hybrid, 24, "6000");
        assertCumulative(hybrid, 25, "6300");
        assertCumulative(hybrid, 36, "8500");
    }

    // ---- per query ----
    @Test
    void perQueryRoundsHalfToEven() {
        // RAG total 0.0125 over 1,000 queries = 0.0000125: the 7th place is an exact 5 after an even digit.
        CostReport down = CostModel.compute(inputs(1, 1_000, 0, "0", "0", "0", "0.0125", "0", "0"));
        assertThat(down.rag().perQueryUsd()).isEqualTo(usd("0.000012"));

        // 0.0000135: exact 5 after an odd digit.
        CostReport up = CostModel.compute(inputs(1, 1_000, 0, "0", "0", "0", "0.0135", "0", "0"));
        assertThat(up.rag().perQueryUsd()).isEqualTo(usd("0.000014"));
    }

    @Test
    void perQueryHasSixDecimalPlaces() {
        CostReport report = CostModel.compute(small(12, 1));

        assertThat(report.rag().perQueryUsd().scale()).isEqualTo(6);
        assertThat(report.fineTune().perQueryUsd().scale()).isEqualTo(6);
        assertThat(report.hybrid().perQueryUsd().scale()).isEqualTo(6);
    }

    // ---- break even ----
    @Test
    void breakEvenMonthIsNullWhenRagStaysCheaper() {
        // RAG at 51.10/month against 1,100 + 50/month would need 1,000 months.
        CostReport report = CostModel.compute(inputs(12, 10, 1, "100", "1000", "50", "50", "0.10", "0.01"));

        assertThat(report.breakEvenMonth()).isNull();
    }

    @Test
    void breakEvenMonthIsNullWhenFineTuningCostsMoreEveryMonth() {
        CostReport report = CostModel.compute(inputs(12, 1_000, 0, "100", "1000", "500", "50", "0.10", "0.01"));

        assertThat(report.breakEvenMonth()).isNull();
    }

    @Test
    void breakEvenMonthIsSearchedBeyondTheHorizonUpToTenYears() {
        // Upfront 1,200, fine-tuning 50/month, RAG 60/month: equal at month 120 exactly.
        CostReport atLimit = CostModel.compute(inputs(12, 1_000, 0, "100", "1100", "50", "50", "0.01", "0"));
        assertThat(atLimit.breakEvenMonth()).isEqualTo(120);

        // Upfront 1,210 would need month 121.
        CostReport pastLimit = CostModel.compute(inputs(12, 1_000, 0, "100", "1110", "50", "50", "0.01", "0"));
        assertThat(pastLimit.breakEvenMonth()).isNull();
    }

    @Test
    void breakEvenMonthCountsRetrainingsScheduledBeyondTheHorizon() {
        // Monthly retraining: fine-tuning costs 1,000 + 150m from m = 1 against RAG's 160m: equal at m = 100.
        CostReport report = CostModel.compute(small(12, 12));

        assertThat(report.breakEvenMonth()).isEqualTo(100);
    }

    @Test
    void breakEvenMonthIsZeroWhenFineTuningCostsNothingUpfront() {
        CostReport report = CostModel.compute(inputs(12, 1_000, 0, "0", "0", "50", "50", "0.10", "0.01"));

        assertThat(report.breakEvenMonth()).isZero();
    }

    @Test
    void breakEvenVolumeIsNullWithoutPerQueryCosts() {
        CostReport report = CostModel.compute(inputs(12, 1_000, 1, "100", "1000", "50", "50", "0", "0"));

        assertThat(report.breakEvenMonthlyQueries()).isNull();
    }

    @Test
    void breakEvenVolumeIsNullWhenTheVectorDatabaseAloneCostsMore() {
        // 1,700 over the horizon against 2,400 of vector database: RAG is cheaper at any volume.
        CostReport report = CostModel.compute(inputs(12, 1_000, 1, "100", "1000", "50", "200", "0.10", "0.01"));

        assertThat(report.breakEvenMonthlyQueries()).isNull();
    }

    @Test
    void breakEvenVolumeIsNullWhenTotalsAreEqualWithoutQueries() {
        // Both total 600 with no queries at all: Q* = 0, not a positive volume.
        CostReport report = CostModel.compute(inputs(12, 1_000, 0, "0", "0", "50", "50", "0.10", "0"));

        assertThat(report.breakEvenMonthlyQueries()).isNull();
    }

    @Test
    void breakEvenVolumeIsNullWhenItRoundsToZero() {
        // (1,700 − 12 × 141.6666) / 1.2 = 0.000666…: positive, but 0.00 at two decimal places.
        CostReport report = CostModel.compute(inputs(12, 1_000, 1, "100", "1000", "50", "141.6666", "0.10", "0"));

        assertThat(report.breakEvenMonthlyQueries()).isNull();
    }

    @Test
    void breakEvenVolumeHasTwoDecimalPlaces() {
        // (2,400 − 24 × 50) / (24 × 0.11) = 454.5454…
        CostReport report = CostModel.compute(small(24, 1));

        assertThat(report.breakEvenMonthlyQueries()).isEqualTo(usd("454.55"));
    }

    // ---- cumulative ----
    @Test
    void cumulativeLastMonthEqualsTotalForRandomInputs() {
        Random random = new Random(20_240_601L);
        for (int i = 0; i < 300; i++) {
            CostInputs in = new CostInputs(
                    1 + random.nextInt(120),
                    1 + random.nextInt(2_000_000),
                    random.nextInt(53),
                    cents(random, 1_000_000),
                    cents(random, 5_000_000),
                    cents(random, 500_000),
                    cents(random, 200_000),
                    micros(random, 1_000_000),
                    micros(random, 100_000));
            CostReport report = CostModel.compute(in);
            for (StrategyCost cost : List.of(report.fineTune(), report.rag(), report.hybrid())) {
                List<BigDecimal> cumulative = cost.cumulativeUsd();
                assertThat(cumulative).as("%s for %s", cost.strategy(), in).hasSize(in.horizonMonths() + 1);
                assertThat(cumulative.get(0)).as("%s for %s", cost.strategy(), in)
                        .isEqualByComparingTo(cost.upfrontUsd());
                assertThat(cumulative.get(in.horizonMonths())).as("%s for %s", cost.strategy(), in)
                        .isEqualByComparingTo(cost.totalUsd());
                for (int m = 1; m < cumulative.size(); m++) {
                    assertThat(cumulative.get(m)).as("%s month %d for %s", cost.strategy(), m, in)
                            .isGreaterThanOrEqualTo(cumulative.get(m - 1));
                }
            }
        }
    }

    private static BigDecimal cents(Random random, int maxCents) {
        return BigDecimal.valueOf(random.nextInt(maxCents + 1), 2);
    }

    private static BigDecimal micros(Random random, int maxMicros) {
        return BigDecimal.valueOf(random.nextInt(maxMicros + 1), 6);
    }

    // ---- facts ----
    @Test
    void factsWhenFineTuningCheaper() {
        CostFacts facts = CostModel.toFacts(CostModel.compute(small(12, 1)));

        assertThat(facts.horizonMonths()).isEqualTo(12);
        assertThat(facts.fineTuneTotal()).isEqualTo(1700.0);
        assertThat(facts.ragTotal()).isEqualTo(1920.0);
        assertThat(facts.hybridTotal()).isEqualTo(3500.0);
        assertThat(facts.fineTuneUpfront()).isEqualTo(1100.0);
        assertThat(facts.cheaperOverHorizon()).isEqualTo(Strategy.FINE_TUNE);
        // 220 / 1,920
        assertThat(facts.costGapRatio()).isCloseTo(0.1145833333, within(1e-9));
        assertThat(facts.breakEvenMonth()).isEqualTo(10);
        assertThat(facts.breakEvenMonthlyQueries()).isEqualTo(833.33);
    }

    @Test
    void factsWhenRagCheaper() {
        // RAG: 12 × 51.10 = 613.20 against fine-tuning's 1,700.
        CostFacts facts = CostModel.toFacts(
                CostModel.compute(inputs(12, 10, 1, "100", "1000", "50", "50", "0.10", "0.01")));

        assertThat(facts.ragTotal()).isEqualTo(613.2);
        assertThat(facts.cheaperOverHorizon()).isEqualTo(Strategy.RAG);
        // 1,086.80 / 1,700
        assertThat(facts.costGapRatio()).isCloseTo(0.6392941176, within(1e-9));
        assertThat(facts.breakEvenMonth()).isNull();
    }

    @Test
    void factsWithEqualTotalsHaveNoCheaperStrategy() {
        // Both cost 50/month with nothing upfront and no per-query cost.
        CostFacts facts = CostModel.toFacts(
                CostModel.compute(inputs(12, 1_000, 0, "0", "0", "50", "50", "0", "0")));

        assertThat(facts.fineTuneTotal()).isEqualTo(600.0);
        assertThat(facts.ragTotal()).isEqualTo(600.0);
        assertThat(facts.cheaperOverHorizon()).isNull();
        assertThat(facts.costGapRatio()).isZero();
        assertThat(facts.breakEvenMonthlyQueries()).isNull();
    }

    @Test
    void factsWithEqualTotalsOfDifferentScalesHaveNoCheaperStrategy() {
        CostFacts facts = CostModel.toFacts(
                CostModel.compute(inputs(12, 1_000, 0, "0", "0", "50.00", "50", "0", "0")));

        assertThat(facts.cheaperOverHorizon()).isNull();
    }

    @Test
    void factsWhenBothFreeHaveAZeroGap() {
        CostFacts facts = CostModel.toFacts(
                CostModel.compute(inputs(12, 1_000, 0, "0", "0", "0", "0", "0", "0")));

        assertThat(facts.fineTuneTotal()).isZero();
        assertThat(facts.ragTotal()).isZero();
        assertThat(facts.cheaperOverHorizon()).isNull();
        assertThat(facts.costGapRatio()).isZero();
        assertThat(facts.breakEvenMonth()).isZero();
        assertThat(facts.breakEvenMonthlyQueries()).isNull();
    }

    // ---- validation ----
    @Test
    void rejectsOutOfRangeInputs() {
        assertThatThrownBy(() -> CostModel.compute(small(0, 1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CostModel.compute(small(121, 1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CostModel.compute(small(12, 53))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CostModel.compute(small(12, -1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CostModel.compute(
                inputs(12, 0, 1, "100", "1000", "50", "50", "0.10", "0.01")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CostModel.compute(
                inputs(12, 1_000, 1, "-1", "1000", "50", "50", "0.10", "0.01")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    // ---- cost model v2: serving derived from volume and throughput ----

    /**
     * The small company with serving derived rather than stated: one instance at $50 a month, 25 tokens/s, a peak
     * twice the average and 250-token answers, so one instance carries 2,592,000 × 25 ÷ (250 × 2) = 129,600 queries
     * a month.
     */
    private static CostInputs derived(long q, String instance) {
        return inputs(12, q, 1, "100", "1000", "0", "50", "0.10", "0.01")
                .withDerivedServing(new BigDecimal(instance), new BigDecimal("25"), new BigDecimal("2"), 250);
    }

    @Test
    void derivedServingAtTheGuidesSmallVolumeIsTheGuidesFigure() {
        CostReport report = CostModel.compute(derived(1_000, "50"));

        // 1,000 queries need 1,000 × 250 × 2 ÷ (2,592,000 × 25) = 0.0077 of an instance: one instance, $50.
        assertThat(report.basis().servingInstances()).isEqualTo(1L);
        assertThat(report.fineTune().monthlyUsd()).isEqualByComparingTo("50");
        // The golden small-company totals hold with derived serving too.
        assertThat(report.fineTune().totalUsd()).isEqualByComparingTo("1700");
        assertThat(report.rag().totalUsd()).isEqualByComparingTo("1920");
        assertThat(report.breakEvenMonth()).isEqualTo(10);
        assertThat(report.breakEvenMonthlyQueries()).isEqualTo(usd("833.33"));
    }

    @Test
    void derivedServingScalesWithVolume() {
        // The case: a 7B at 3M queries a month is not $50 a month. 3,000,000 × 250 × 2 = 1.5e9 tokens at
        // the peak rate against 64,800,000 per instance: 23.15, so 24 instances × $50 = $1,200 a month.
        CostReport busy = CostModel.compute(derived(3_000_000, "50"));
        assertThat(busy.basis().servingInstances()).isEqualTo(24L);
        assertThat(busy.fineTune().monthlyUsd()).isEqualByComparingTo("1200");
        // 1,100 upfront + 12 × 1,200
        assertThat(busy.fineTune().totalUsd()).isEqualByComparingTo("15500");
        // The hybrid serves the same model: 1,200 + 50 + 3,000,000 × 0.10 a month.
        assertThat(busy.hybrid().monthlyUsd()).isEqualByComparingTo("301250");

        // Exactly one instance's capacity, and one query more.
        assertThat(CostModel.compute(derived(129_600, "50")).basis().servingInstances()).isEqualTo(1L);
        assertThat(CostModel.compute(derived(129_601, "50")).basis().servingInstances()).isEqualTo(2L);
        assertThat(CostModel.compute(derived(129_601, "50")).fineTune().monthlyUsd()).isEqualByComparingTo("100");

        // More volume never costs less to serve.
        long previous = 0;
        for (long q = 1; q <= 10_000_000; q *= 3) {
            long instances = CostModel.compute(derived(q, "50")).basis().servingInstances();
            assertThat(instances).as("instances at %d queries", q).isGreaterThanOrEqualTo(previous);
            previous = instances;
        }
    }

    @Test
    void statedServingStaysExactWhateverTheVolume() {
        CostReport stated = CostModel.compute(inputs(12, 3_000_000, 1, "100", "1000", "50", "50", "0.10", "0.01"));
        assertThat(stated.basis().servingDerived()).isFalse();
        assertThat(stated.fineTune().monthlyUsd()).isEqualByComparingTo("50");
        assertThat(stated.basis().lines().get(0)).isEqualTo("Serving: $50/month, as stated");
    }

    @Test
    void breakEvenVolumeAcrossServingSteps() {
        // $1,000 an instance, 1 token/s, peak 1, 100-token answers: one instance carries 2,592,000 ÷ 100 = 25,920
        // queries a month. Training $100,000, no vector database, $0.11 a query, 12 months.
        CostInputs in = inputs(12, 1_000, 0, "100000", "0", "0", "0", "0.10", "0.01")
                .withDerivedServing(new BigDecimal("1000"), BigDecimal.ONE, BigDecimal.ONE, 100);
        CostReport report = CostModel.compute(in);
        // With 4 instances Q* = (100,000 + 48,000) ÷ 1.32 = 112,121 needs 4.33 instances: too few. With 5,
        // Q* = 160,000 ÷ 1.32 = 121,212.12 needs 4.68: it fits, and there FT = 100,000 + 12 × 5,000 = 160,000
        // = RAG's 12 × 0.11 × 121,212.12.
        assertThat(report.breakEvenMonthlyQueries()).isEqualTo(usd("121212.12"));
        CostReport atBreakEven = CostModel.compute(inputs(12, 121_212, 0, "100000", "0", "0", "0", "0.10", "0.01")
                .withDerivedServing(new BigDecimal("1000"), BigDecimal.ONE, BigDecimal.ONE, 100));
        assertThat(atBreakEven.basis().servingInstances()).isEqualTo(5L);
    }

    // ---- cost model v2: token-based generation ----

    @Test
    void tokenPricingArithmeticExactToTheCent() {
        // (2,000 context + 200 prompt) × $3/M + 250 output × $15/M = 0.0066 + 0.00375 = $0.01035 a query.
        CostInputs in = inputs(12, 100_000, 1, "100", "1000", "50", "50", "0.05", "0")
                .withTokenPricing(2_000, 200, 250, new BigDecimal("3"), new BigDecimal("15"));
        CostReport report = CostModel.compute(in);
        assertThat(report.basis().generationPerQueryUsd()).isEqualByComparingTo("0.01035");
        // 50 + 100,000 × (0.05 + 0.01035) = 6,085 a month; 73,020 over 12 months.
        assertThat(report.rag().monthlyUsd()).isEqualByComparingTo("6085");
        assertThat(report.rag().totalUsd()).isEqualByComparingTo("73020");
        assertThat(report.basis().lines()).contains(
                "Generation per query: (2,000 context + 200 prompt tokens) × $3/M + 250 output tokens × $15/M = $0.01035");
        // The hybrid generates on its own model: no token charge.
        assertThat(report.hybrid().monthlyUsd()).isEqualByComparingTo("5100");

        // Cents that do not come out even: 1,234 input tokens at $2.50/M and 321 output tokens at $10.10/M
        // = 0.003085 + 0.0032421 = $0.0063271 a query; × 7,777 queries = $49.20585... a month, exact.
        CostInputs odd = inputs(1, 7_777, 0, "0", "0", "0", "0", "0", "0")
                .withTokenPricing(1_000, 234, 321, new BigDecimal("2.50"), new BigDecimal("10.10"));
        assertThat(CostModel.compute(odd).rag().totalUsd()).isEqualByComparingTo("49.2058567");
    }

    // ---- cost model v2: deployment ----

    @Test
    void selfHostingChangesRagsCost() {
        // Managed: 50 + 100,000 × 0.055 = 5,550 a month. Self-hosted (per-query prices 0, as the questionnaire
        // sets them when not stated): the vector database plus serving its own model, one instance = 50 + 50.
        CostInputs managed = inputs(12, 100_000, 1, "100", "1000", "0", "50", "0.05", "0.005")
                .withDerivedServing(new BigDecimal("50"), new BigDecimal("25"), new BigDecimal("2"), 250);
        CostInputs selfHosted = inputs(12, 100_000, 1, "100", "1000", "0", "50", "0", "0")
                .withDerivedServing(new BigDecimal("50"), new BigDecimal("25"), new BigDecimal("2"), 250)
                .withSelfHostedRag(true);
        assertThat(CostModel.compute(managed).rag().totalUsd()).isEqualByComparingTo("66600");
        CostReport self = CostModel.compute(selfHosted);
        assertThat(self.rag().totalUsd()).isEqualByComparingTo("1200");
        assertThat(self.basis().selfHostedRag()).isTrue();
        // Its serving grows with volume like the fine-tuned model's: 3M queries need 24 instances.
        CostReport busy = CostModel.compute(inputs(12, 3_000_000, 1, "100", "1000", "0", "50", "0", "0")
                .withDerivedServing(new BigDecimal("50"), new BigDecimal("25"), new BigDecimal("2"), 250)
                .withSelfHostedRag(true));
        assertThat(busy.rag().monthlyUsd()).isEqualByComparingTo("1250");
        // Serving cancels out between the two: fine-tuning's extra is its training, so no break-even volume
        // exists when RAG has no per-query charge.
        assertThat(busy.breakEvenMonthlyQueries()).isNull();
    }

    @Test
    void onPremisesForcesSelfHostingThroughTheQuestionnaire() {
        Questionnaire q = Questionnaire.load(Path.of("questionnaires", "advisor.json"));
        Answers base = Answers.empty()
                .with("knowledge_change", "RARELY").with("query_variety", "REPETITIVE")
                .with("monthly_queries", 100_000L).with("hosting_infrastructure", true)
                .with("training_examples", 1_000L);
        CostReport managed = CostModel.compute(q.resolve(base).costs());
        CostReport chosen = CostModel.compute(q.resolve(base.with("self_hosted_rag", true)).costs());
        CostReport onPrem = CostModel.compute(q.resolve(base.with("on_prem_required", true)
                .with("self_hosted_rag", false)).costs());
        // Managed at the default prices: 50 + 100,000 × (0.05 + 0.005) = 5,550 a month.
        assertThat(managed.rag().totalUsd()).isEqualByComparingTo("66600");
        // Self-hosted, chosen or forced by on premises: 50 + one $50 instance a month.
        assertThat(chosen.rag().totalUsd()).isEqualByComparingTo("1200");
        assertThat(onPrem.rag().totalUsd()).isEqualByComparingTo("1200");
        // Fine-tuning is served the same way whatever RAG's deployment.
        assertThat(onPrem.fineTune().totalUsd()).isEqualByComparingTo(managed.fineTune().totalUsd());
    }

    @Test
    void guideScenariosStayGoldenThroughTheQuestionnaire() throws Exception {
        Questionnaire q = Questionnaire.load(Path.of("questionnaires", "advisor.json"));
        for (String[] scenario : new String[][] {{"small-company", "1700", "1920"}, {"enterprise", "28500", "1326000"}}) {
            Path file = Path.of("questionnaires", "examples", scenario[0] + ".json");
            JsonNode root = new ObjectMapper()
                    .readTree(file.toFile());
            Answers answers = Answers.fromJson(
                    root.get("answers").toString(), file.toString());
            CostReport report = CostModel.compute(q.resolve(answers).costs());
            assertThat(report.fineTune().totalUsd()).as(scenario[0]).isEqualByComparingTo(scenario[1]);
            assertThat(report.rag().totalUsd()).as(scenario[0]).isEqualByComparingTo(scenario[2]);
            assertThat(report.basis().servingDerived()).as(scenario[0]).isFalse();
        }
    }

    @Test
    void theBreakEvenMonthIsTheFirstMonthOfTheCumulativeTablesWhereFineTuningIsNoDearer() {
        // The break-even search starts from a lower bound and carries the gap by addition; the cumulative tables
        // are built month by month on their own. At the longest horizon (120 months, the search's end) the two
        // must agree for every mix of prices, volumes and retraining rates.
        java.util.Random random = new java.util.Random(7);
        String[] prices = {"0", "0.5", "3", "50", "200", "1000", "12345.67"};
        for (int n = 0; n < 2000; n++) {
            CostInputs in = inputs(120, new long[] {1, 1_000, 50_000, 2_000_000}[random.nextInt(4)],
                    random.nextInt(53), prices[random.nextInt(prices.length)], prices[random.nextInt(prices.length)],
                    prices[random.nextInt(prices.length)], prices[random.nextInt(prices.length)],
                    new String[] {"0", "0.001", "0.02"}[random.nextInt(3)], new String[] {"0", "0.004", "0.05"}[random.nextInt(3)]);
            assertBreakEvenIsTheTablesFirstNoDearerMonth(in);
        }
    }

    /** At a 120-month horizon the tables reach the search's end: its answer must be their first month where FINE_TUNE is no dearer. */
    private static void assertBreakEvenIsTheTablesFirstNoDearerMonth(CostInputs in) {
        CostReport report = CostModel.compute(in);
        Integer expected = null;
        for (int m = 0; m <= 120 && expected == null; m++) {
            if (report.fineTune().cumulativeUsd().get(m).compareTo(report.rag().cumulativeUsd().get(m)) <= 0) {
                expected = m;
            }
        }
        assertThat(report.breakEvenMonth()).as(in.toString()).isEqualTo(expected);
    }

    @Test
    void theBreakEvenMonthIsTheTablesFirstNoDearerMonthForRandomCents() {
        // The search walks one year and works out later years by division: break-evens in every month of the
        // ten years, with and without retrainings, and none, must match the month-by-month tables.
        Random random = new Random(2_026_12_02L);
        for (int n = 0; n < 3000; n++) {
            CostInputs in = new CostInputs(120, 1 + random.nextInt(200_000), random.nextInt(53),
                    cents(random, 200_000), cents(random, 2_000_000), cents(random, 100_000), cents(random, 50_000),
                    micros(random, 50_000), micros(random, 50_000));
            assertBreakEvenIsTheTablesFirstNoDearerMonth(in);
        }
    }

    @Test
    void theFactsWithoutTablesAreTheFactsOfTheWholeReport() {
        // CostModel.facts skips the month-by-month tables; every fact must be what the whole report gives.
        java.util.Random random = new java.util.Random(11);
        String[] prices = {"0", "0.5", "3", "50", "200", "1000", "12345.67"};
        for (int n = 0; n < 2000; n++) {
            CostInputs in = inputs(new int[] {1, 6, 12, 36, 120}[random.nextInt(5)],
                    new long[] {1, 1_000, 50_000, 2_000_000}[random.nextInt(4)],
                    random.nextInt(53), prices[random.nextInt(prices.length)], prices[random.nextInt(prices.length)],
                    prices[random.nextInt(prices.length)], prices[random.nextInt(prices.length)],
                    new String[] {"0", "0.001", "0.02"}[random.nextInt(3)], new String[] {"0", "0.004", "0.05"}[random.nextInt(3)]);
            assertThat(CostModel.facts(in)).as(in.toString()).isEqualTo(CostModel.toFacts(CostModel.compute(in)));
        }
    }
}
