package dev.ragft.examples;

import dev.ragft.Advice;
import dev.ragft.Advisor;
import dev.ragft.questionnaire.Answers;
import dev.ragft.InvalidAnswersException;
import dev.ragft.facts.Caveat;
import dev.ragft.Facts;
import dev.ragft.facts.Finding;
import dev.ragft.facts.KnowledgeChange;
import dev.ragft.facts.QueryVariety;
import dev.ragft.facts.Recommendation;
import dev.ragft.facts.Strategy;
import java.util.Collection;
import java.util.List;
import org.kie.api.KieServices;
import org.kie.api.command.KieCommands;
import org.kie.api.runtime.ExecutionResults;
import org.kie.api.runtime.StatelessKieSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An application embedding ragft two ways: through the {@link Advisor} facade, and through the plain
 * KIE API over the kjar's kbase. Every result is checked; a wrong one exits with status 1.
 */
public final class EmbeddingExample {

    // The host application's logging (logback here); ragft and Drools log through it too.
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddingExample.class);

    private EmbeddingExample() {
    }

    public static void main(String[] args) {
        Advice advice = facade();
        plainKie(advice);
        LOG.info("embedding example: all checks passed");
    }

    static Advice facade() {
        // The facade: load the packaged policy once (precompiled in the jar), then advise from any thread.
        Advisor advisor = Advisor.fromClasspath();
        Answers answers = Answers.builder()
                .knowledgeChange(KnowledgeChange.DAILY)
                .queryVariety(QueryVariety.WIDE)
                .monthlyQueries(50_000)
                .hostingInfrastructure(false)
                .trainingExamples(500)
                .build();
        Advice advice = advisor.advise(answers);
        System.out.println(advice.strategy() + " (" + advice.confidence() + "): " + advice.recommendation().summary());
        String report = advice.toJson(); // the JSON report of `ragft advise --format json`

        check(advice.strategy() == Strategy.RAG, "daily changes, wide queries, no hosting: expected RAG, got "
                + advice.strategy());
        check(advice.criteria().size() >= 23, "every criterion of the catalog is reported");
        check(report.contains("\"strategy\" : \"RAG\""), "the JSON report carries the strategy");

        // Bad input names the field, as the CLI does.
        try {
            Answers.builder().set("monthly_querys", 50_000);
            check(false, "a misspelt question id is rejected");
        } catch (InvalidAnswersException e) {
            System.out.println("rejected: " + e.errors());
            check(e.errors().get(0).field().equals("monthly_querys"), "the error names the field");
        }
        return advice;
    }

    static void plainKie(Advice fromFacade) {
        // The plain KIE API: the jar's META-INF/kmodule.xml declares kbase "ragft" and this session.
        KieServices kie = KieServices.get();
        StatelessKieSession session = kie.getKieClasspathContainer().newStatelessKieSession("ragft-stateless");
        KieCommands commands = kie.getCommands();
        // In: Policy, Profile and CostFacts (Facts.of builds all three from answers).
        List<Object> in = Facts.of(Answers.fromJson("{\"knowledge_change\": \"DAILY\", \"query_variety\": \"WIDE\","
                + " \"monthly_queries\": 50000, \"hosting_infrastructure\": false, \"training_examples\": 500}",
                "answers.json"));
        ExecutionResults results = session.execute(commands.newBatchExecution(List.of(
                commands.newInsertElements(in),
                commands.newFireAllRules(),
                commands.newGetObjects("out"))));
        // Out: one Recommendation, the Findings, the Caveats.
        Collection<?> out = (Collection<?>) results.getValue("out");
        Recommendation recommendation = Facts.recommendation(out);
        List<Finding> findings = Facts.findings(out);
        List<Caveat> caveats = Facts.caveats(out);
        System.out.println("KIE: " + recommendation.strategy() + ", " + findings.size() + " findings, "
                + caveats.size() + " caveats");

        check(recommendation.equals(fromFacade.recommendation()), "the KIE session agrees with the facade");
        check(caveats.equals(fromFacade.caveats()), "the KIE session gives the facade's caveats");
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            System.err.println("embedding example: FAILED: " + what);
            System.exit(1);
        }
    }
}
