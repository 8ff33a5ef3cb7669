package dev.ragft.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ragft.Advice;
import dev.ragft.Advisor;
import dev.ragft.Analysis;
import dev.ragft.CriterionResult;
import dev.ragft.analysis.Counterfactuals;
import dev.ragft.engine.Engine;
import dev.ragft.engine.RuleSource;
import dev.ragft.facts.Caveat;
import dev.ragft.testing.Fixtures;
import dev.ragft.testing.RulesCopy;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The report model and its four renderers over the real rules, questionnaire and shipped examples. */
class ReportTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant WHEN = Instant.parse("2026-01-02T03:04:05Z");

    static Stream<Fixtures.Consultation> examples() {
        return Fixtures.consultations().stream().filter(c -> c.name().startsWith("examples/"));
    }

    static Report report(Fixtures.Consultation consultation) {
        Engine engine = Fixtures.engine();
        Advice advice = engine.advise(consultation.answers());
        Analysis analysis = Counterfactuals.analyze(engine, advice);
        return Report.of(engine.questionnaire(), Advisor.rulesVersion(engine.rules().source()), advice, analysis,
                Set.of(), WHEN);
    }

    static Fixtures.Consultation example(String file) {
        return examples().filter(c -> c.name().equals("examples/" + file)).findFirst().orElseThrow();
    }

    /** The $66,600 surprise of issue 13: a retrieval price and retrains nobody was asked about must show as defaults. */
    @Test
    void everyFormatListsTheAnswersUsedWithDefaultsMarkedAndTheGuidesRange() throws IOException {
        Report report = report(example("customer-support.json"));
        Report.AnswerUsed retrieval = report.answersUsed().stream()
                .filter(a -> a.id().equals("retrieval_cost_per_query_usd")).findFirst().orElseThrow();
        assertThat(retrieval.source()).isEqualTo(Report.Source.DEFAULT);
        assertThat(retrieval.guideRange()).isEqualTo("guide: $0.01-0.10 per query");
        assertThat(report.answersUsed()).hasSize(Fixtures.engine().questionnaire().questions().size());

        // 17: cost model v2 adds the serving instance, throughput, peak, self-hosting and answer-length defaults.
        assertThat(TextReport.render(report)).contains("ANSWERS USED (17 defaulted, marked *;")
                .containsPattern("\\n  \\* retrieval_cost_per_query_usd +\\$0\\.05/query +guide: \\$0\\.01-0\\.10 per query")
                .containsPattern("\\n  \\* retrains_per_year +1 per year +guide: yearly for stable domains")
                .containsPattern("\\n    monthly_queries +20,000 queries/month +guide:");
        assertThat(MarkdownReport.render(report))
                .contains("| `retrieval_cost_per_query_usd` | \\$0.05/query | *default* | guide: \\$0.01-0.10 per query |")
                .contains("| `monthly_queries` | 20,000 queries/month | answered |");
        assertThat(HtmlReport.render(report))
                .containsPattern("<tr class=\"default\"><th scope=\"row\"><code>retrieval_cost_per_query_usd</code>"
                        + "[^\\n]*<td class=\"num\">\\$0\\.05/query</td><td><em>default</em></td><td>guide: \\$0\\.01-0\\.10 per query");
        JsonNode used = JSON.readTree(JsonReport.render(report)).get("answersUsed");
        JsonNode row = null;
        for (JsonNode candidate : used) {
            if (candidate.get("id").asText().equals("retrieval_cost_per_query_usd")) {
                row = candidate;
            }
        }
        assertThat(row).isNotNull();
        assertThat(row.get("source").asText()).isEqualTo("DEFAULT");
        assertThat(row.get("value").decimalValue()).isEqualByComparingTo("0.05");
        assertThat(row.get("guideRange").asText()).isEqualTo("guide: $0.01-0.10 per query");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void everyFormatShowsEveryPartOfTheReport(Fixtures.Consultation consultation) {
        Report report = report(consultation);
        Advice advice = report.advice();
        for (String rendered : List.of(TextReport.render(report), MarkdownReport.render(report), HtmlReport.render(report),
                JsonReport.render(report))) {
            assertThat(rendered).contains(advice.strategy().name(), advice.confidence().name(), report.rulesVersion(),
                    "2026-01-02", "retrieval_cost_per_query_usd");
            for (String deciding : advice.recommendation().decidingCriteria()) {
                assertThat(rendered).contains(deciding);
            }
            for (CriterionResult c : advice.criteria()) {
                assertThat(rendered).contains(c.id());
            }
            for (Caveat caveat : advice.caveats()) {
                assertThat(rendered).contains(caveat.id());
            }
            for (var flip : report.analysis().flips()) {
                assertThat(rendered).contains(flip.question());
            }
        }
        // The human formats: break-even and the trace grouped under each guide section.
        String text = TextReport.render(report);
        String markdown = MarkdownReport.render(report);
        String html = HtmlReport.render(report);
        for (String rendered : List.of(text, markdown, html)) {
            assertThat(rendered).contains("Break-even month", "Break-even volume");
        }
        for (String section : report.criteriaBySection().keySet()) {
            assertThat(text).contains("\n  " + section + "\n");
            assertThat(markdown).contains("\n### " + MarkdownReport.escape(section) + "\n");
            assertThat(html).contains("<h3>" + HtmlReport.escape(section) + "</h3>");
        }
        // The sentence that justifies the recommendation, as written (wrapping aside).
        assertThat(text.replaceAll("\\s+", " ")).contains(advice.recommendation().summary().replaceAll("\\s+", " "));
        assertThat(html).contains(HtmlReport.escape(advice.recommendation().summary()));
        assertThat(markdown).contains(MarkdownReport.escape(advice.recommendation().summary()));
        assertThat(text).contains("WHAT WOULD CHANGE THIS", "DECIDING CRITERIA", "ANSWERS USED");
        assertThat(markdown).contains("## What would change this", "## Deciding criteria",
                "## Answers used", "## Criteria trace by guide section");
        assertThat(html).contains("<h2>What would change this</h2>", "<h2>Deciding criteria</h2>",
                "Answers used</h2>", "Criteria trace by guide section");
    }

    @Test
    void caveatsComeMostSevereFirstInEveryFormat() {
        Report report = examples().map(ReportTest::report)
                .filter(r -> r.caveatsBySeverity().size() >= 2).findFirst().orElseThrow();
        List<String> order = new ArrayList<>();
        report.caveatsBySeverity().values().forEach(list -> list.forEach(c -> order.add(c.id())));
        for (String rendered : List.of(TextReport.render(report), MarkdownReport.render(report), HtmlReport.render(report))) {
            int last = -1;
            for (String id : order) {
                int at = rendered.indexOf(id, rendered.indexOf(rendered.contains("CAVEATS") ? "CAVEATS" : "Caveats"));
                assertThat(at).as(id).isGreaterThan(last);
                last = at;
            }
        }
    }

    /** Existing consumers read the JSON report: every key it had stays, with the same value, in the same order. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void jsonKeepsEveryExistingFieldAndAddsAfterThem(Fixtures.Consultation consultation) throws IOException {
        Report report = report(consultation);
        JsonNode before = JSON.readTree(JsonReport.render(report.advice(), report.analysis()));
        JsonNode after = JSON.readTree(JsonReport.render(report));
        List<String> beforeKeys = new ArrayList<>();
        before.fieldNames().forEachRemaining(beforeKeys::add);
        List<String> afterKeys = new ArrayList<>();
        after.fieldNames().forEachRemaining(afterKeys::add);
        assertThat(afterKeys.subList(0, beforeKeys.size())).isEqualTo(beforeKeys);
        assertThat(afterKeys.subList(beforeKeys.size(), afterKeys.size()))
                .containsExactly("answersUsed", "rulesVersion", "generated");
        for (Iterator<String> keys = before.fieldNames(); keys.hasNext(); ) {
            String key = keys.next();
            assertThat(after.get(key)).as(key).isEqualTo(before.get(key));
        }
        assertThat(after.get("generated").asText()).isEqualTo("2026-01-02T03:04:05Z");
        assertThat(after.get("rulesVersion").asText()).matches("sha256:[0-9a-f]{16}");
        // The facade's JSON (the HTTP answer, batch lines) stays exactly as it was: no date in it.
        assertThat(report.advice().toJson()).isEqualTo(JsonReport.render(report.advice()));
    }

    @Test
    void rulesVersionIsAHashOfTheRuleFilesAndChangesWithThem(@TempDir Path dir) throws IOException {
        Path rules = RulesCopy.of(dir);
        String shipped = Advisor.rulesVersion(RuleSource.fromDirectory(Path.of("rules")));
        assertThat(Advisor.rulesVersion(RuleSource.fromDirectory(rules))).isEqualTo(shipped)
                .isEqualTo(Advisor.rulesVersion(Fixtures.engine().rules().source()));
        RulesCopy.edit(rules, "policy.properties", "=", "= ");
        assertThat(Advisor.rulesVersion(RuleSource.fromDirectory(rules))).isNotEqualTo(shipped).matches("sha256:[0-9a-f]{16}");
    }

    @Test
    void theFormatComesFromTheExtension() {
        assertThat(Report.Format.forFile(Path.of("r.html"))).contains(Report.Format.HTML);
        assertThat(Report.Format.forFile(Path.of("dir/R.HTM"))).contains(Report.Format.HTML);
        assertThat(Report.Format.forFile(Path.of("r.md"))).contains(Report.Format.MARKDOWN);
        assertThat(Report.Format.forFile(Path.of("r.json"))).contains(Report.Format.JSON);
        assertThat(Report.Format.forFile(Path.of("r.txt"))).contains(Report.Format.TEXT);
        assertThat(Report.Format.forFile(Path.of("r.pdf"))).isEmpty();
        assertThat(Report.Format.forFile(Path.of("html"))).isEmpty();
    }
}
