package dev.ragft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import dev.ragft.facts.Caveat;
import dev.ragft.facts.Confidence;
import dev.ragft.facts.Favor;
import dev.ragft.facts.Scores;
import dev.ragft.facts.Strategy;
import dev.ragft.questionnaire.Answers;
import dev.ragft.testing.Fixtures;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 11, "What to build" 5, over the real rules: the hybrid is a candidate of its own. Its score is what
 * its halves serve less its premium; it wins only when that score leads the best single strategy; its
 * confidence comes from that lead, like the others'. The numbers are read from what the report tells the
 * user (the summary takes the hybrid's score apart), so these tests also hold the report to its word.
 */
class HybridCandidateTest {

    static Advisor advisor;
    static Properties policy;

    // "the hybrid scores 18 against RAG's 14"
    static final Pattern LEAD = Pattern.compile("the hybrid scores ([0-9.]+) against (RAG|fine-tuning)'s ([0-9.]+)");

    @BeforeAll
    static void loadRules() throws IOException {
        advisor = Advisor.fromDirectory(Path.of("rules"), Path.of("questionnaires/advisor.json"));
        policy = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of("rules/policy.properties"))) {
            policy.load(reader);
        }
    }

    /** Every price stated, so the findings rest on answers: a settled domain the documents hold only in part, with weekly facts. */
    static Answers domainDepthWithWeeklyFacts() {
        return Answers.of(Map.ofEntries(Map.entry("knowledge_change", "WEEKLY"),
                Map.entry("domain_consistency", "CONSISTENT"), Map.entry("documents_cover_answers", "PARTLY"),
                Map.entry("query_variety", "MIXED"), Map.entry("monthly_queries", 20_000L),
                Map.entry("audit_trail_required", true), Map.entry("hosting_infrastructure", true),
                Map.entry("training_examples", 10_000L), Map.entry("examples_labeled", true), Map.entry("model_size", "7B"),
                Map.entry("fine_tune_cost_usd", 100), Map.entry("data_prep_cost_usd", 1000),
                Map.entry("inference_monthly_usd", 50), Map.entry("retrains_per_year", 52),
                Map.entry("vector_db_monthly_usd", 50), Map.entry("retrieval_cost_per_query_usd", new BigDecimal("0.01")),
                Map.entry("generation_cost_per_query_usd", new BigDecimal("0.005"))));
    }

    /** A style need with daily facts, but everything else RAG's own: wide queries, no hosting, pay per use. */
    static Answers styleWithRagsOwnReasons(long monthlyQueries) {
        return Answers.of(Map.ofEntries(Map.entry("knowledge_change", "DAILY"), Map.entry("query_variety", "WIDE"),
                Map.entry("style_format_needs", true), Map.entry("monthly_queries", monthlyQueries),
                Map.entry("hosting_infrastructure", false), Map.entry("cost_model_preference", "PAY_PER_USE"),
                Map.entry("training_examples", 1000L), Map.entry("examples_labeled", true), Map.entry("model_size", "7B"),
                Map.entry("fine_tune_cost_usd", 100), Map.entry("data_prep_cost_usd", 1000),
                Map.entry("inference_monthly_usd", 50), Map.entry("vector_db_monthly_usd", 50),
                Map.entry("retrieval_cost_per_query_usd", new BigDecimal("0.01")),
                Map.entry("generation_cost_per_query_usd", new BigDecimal("0.01"))));
    }

    record Lead(double hybrid, String runnerUp, double runnerUpScore) {
        double fraction(Scores scores) {
            return (hybrid - runnerUpScore) / scores.total();
        }
    }

    static Lead lead(Advice advice) {
        Matcher matcher = LEAD.matcher(advice.recommendation().summary());
        assertThat(matcher.find()).as("the summary states the hybrid's score and its runner-up's: "
                + advice.recommendation().summary()).isTrue();
        return new Lead(Double.parseDouble(matcher.group(1)), matcher.group(2), Double.parseDouble(matcher.group(3)));
    }

    static double threshold(String key) {
        return Double.parseDouble(policy.getProperty(key).trim());
    }

    // The band a margin alone earns (before coverage, robustness and the premium can only lower it).
    static Confidence bandOf(double margin) {
        if (margin >= threshold("confidence.high-margin")) {
            return Confidence.HIGH;
        }
        return margin >= threshold("confidence.medium-margin") ? Confidence.MEDIUM : Confidence.LOW;
    }

    static CriterionResult criterion(Advice advice, String id) {
        return advice.criteria().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void domainDepthWithFreshFactsWinsAsAHybridWithConfidenceFromItsLead() {
        Advice advice = advisor.advise(domainDepthWithWeeklyFacts());
        assertThat(advice.strategy()).as(advice.recommendation().summary()).isEqualTo(Strategy.HYBRID);
        assertThat(criterion(advice, "hybrid.style-plus-fresh-facts").favors()).isEqualTo(Favor.HYBRID);
        Scores scores = advice.recommendation().scores();
        Lead lead = lead(advice);
        assertThat(lead.runnerUp()).isEqualTo("RAG");
        assertThat(lead.runnerUpScore()).isEqualTo(scores.bestSingle());
        // Every answer given: the margin is the whole lead over the best single strategy, over the weight in play.
        assertThat(advice.recommendation().coverage()).isEqualTo(1.0);
        assertThat(advice.recommendation().margin()).isCloseTo(lead.fraction(scores), offset(0.005));
        assertThat(advice.confidence()).isEqualTo(bandOf(advice.recommendation().margin()));
        // It wins on its own score although its own criterion weighs less than RAG's sum, and says why.
        assertThat(scores.hybrid()).isLessThan(scores.rag());
        assertThat(advice.recommendation().summary()).contains("its own criterion weighs only",
                "a hybrid also serves what each single strategy is chosen for", "fine-tuning half", "retrieval half",
                "− premium");
    }

    @Test
    void aLargePremiumLosesToTheSingleStrategyThatLeads() {
        // At 15,000 queries a month the hybrid costs no more than RAG (it pays no generation per query) and leads.
        Advice cheap = advisor.advise(styleWithRagsOwnReasons(15_000L));
        assertThat(cheap.strategy()).as(cheap.recommendation().summary()).isEqualTo(Strategy.HYBRID);
        assertThat(lead(cheap).runnerUp()).isEqualTo("RAG");
        // At 1,000 it costs about three times what RAG does: the premium's weight leaves RAG ahead.
        Advice dear = advisor.advise(styleWithRagsOwnReasons(1_000L));
        assertThat(dear.costs().hybrid().totalUsd()).isGreaterThan(dear.costs().rag().totalUsd().multiply(BigDecimal.valueOf(2)));
        assertThat(criterion(dear, "hybrid.style-plus-fresh-facts").favors()).isEqualTo(Favor.HYBRID);
        assertThat(dear.strategy()).as(dear.recommendation().summary()).isEqualTo(Strategy.RAG);
        assertThat(dear.caveats()).extracting(Caveat::id).doesNotContain("hybrid.premium");
        // The hybrid was the runner-up, close behind: RAG's confidence reflects it.
        assertThat(dear.confidence()).isNotEqualTo(Confidence.HIGH);
    }

    @Test
    void aHybridsConfidenceNeverExceedsWhatItsLeadGives() {
        List<Answers> bases = new ArrayList<>();
        Fixtures.consultations().forEach(c -> bases.add(c.answers()));
        bases.add(domainDepthWithWeeklyFacts());
        bases.add(styleWithRagsOwnReasons(15_000L));
        int hybrids = 0;
        for (Answers base : bases) {
            for (Answers answers : List.of(base, base.with("style_format_needs", true),
                    base.with("style_format_needs", true).with("audit_trail_required", true),
                    base.with("domain_consistency", "CONSISTENT").with("documents_cover_answers", "PARTLY")
                            .with("knowledge_change", "MONTHLY"))) {
                Advice advice;
                try {
                    advice = advisor.advise(answers);
                } catch (InvalidAnswersException e) {
                    continue; // a variant a fixture's answers do not allow
                }
                if (advice.strategy() != Strategy.HYBRID) {
                    continue;
                }
                hybrids++;
                Scores scores = advice.recommendation().scores();
                Lead lead = lead(advice);
                String trace = answers + "\n" + advice.recommendation().summary();
                assertThat(lead.hybrid()).as(trace).isGreaterThan(lead.runnerUpScore());
                assertThat(lead.runnerUpScore()).as(trace).isEqualTo(scores.bestSingle());
                assertThat(advice.recommendation().margin()).as(trace).isLessThanOrEqualTo(lead.fraction(scores) + 0.005);
                assertThat(advice.confidence().compareTo(bandOf(lead.fraction(scores)))).as(trace).isLessThanOrEqualTo(0);
            }
        }
        assertThat(hybrids).as("consultations that came out HYBRID").isGreaterThanOrEqualTo(5);
    }
}
