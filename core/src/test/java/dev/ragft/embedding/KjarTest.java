package dev.ragft.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ragft.Advice;
import dev.ragft.Advisor;
import dev.ragft.questionnaire.Answers;
import dev.ragft.facts.Caveat;
import dev.ragft.Facts;
import dev.ragft.facts.Finding;
import dev.ragft.facts.Policy;
import dev.ragft.facts.Recommendation;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kie.api.KieServices;
import org.kie.api.command.Command;
import org.kie.api.runtime.ExecutionResults;
import org.kie.api.runtime.KieContainer;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.StatelessKieSession;
import org.kie.internal.command.CommandFactory;

/**
 * The jar is a kjar: the classpath container's kbase {@code ragft} and its sessions give the same
 * decision as the facade, with only the KIE API and the documented fact types.
 */
class KjarTest {

    static KieContainer container;
    static Advisor advisor;

    static final List<Answers> CASES = List.of(
            Answers.of(Map.of("knowledge_change", "DAILY", "query_variety", "WIDE", "monthly_queries", 50_000,
                    "hosting_infrastructure", false, "training_examples", 500)),
            Answers.of(Map.of("knowledge_change", "RARELY", "query_variety", "REPETITIVE", "monthly_queries", 1_000_000,
                    "hosting_infrastructure", true, "training_examples", 20_000, "model_size", "70B")),
            Answers.of(Map.of("knowledge_change", "WEEKLY", "query_variety", "MIXED", "monthly_queries", 20_000,
                    "hosting_infrastructure", true, "training_examples", 5_000, "style_format_needs", true,
                    "audit_trail_required", true)),
            Answers.of(Map.of("knowledge_change", "MONTHLY", "query_variety", "MIXED", "monthly_queries", 800,
                    "hosting_infrastructure", false, "training_examples", 40, "on_prem_required", true)));

    @BeforeAll
    static void load() {
        container = KieServices.get().getKieClasspathContainer();
        advisor = Advisor.fromClasspath();
    }

    @Test
    void kmoduleDeclaresTheKbaseAndBothSessions() {
        assertThat(container.verify().getMessages()).isEmpty();
        assertThat(container.getKieBaseNames()).contains("ragft");
        assertThat(container.getKieSessionNamesInKieBase("ragft")).contains("ragft-stateless", "ragft-session");
        // policy.properties sits beside the DRL; it must not become (or break) a rule resource.
        assertThat(container.getKieBase("ragft").getKiePackage("dev.ragft.rules").getRules()).hasSizeGreaterThan(20);
    }

    @Test
    void statelessSessionMatchesTheFacade() {
        StatelessKieSession session = container.newStatelessKieSession("ragft-stateless");
        for (Answers answers : CASES) {
            List<Command<?>> commands = new ArrayList<>();
            commands.add(CommandFactory.newInsertElements(Facts.of(answers)));
            commands.add(CommandFactory.newFireAllRules());
            commands.add(CommandFactory.newGetObjects("facts"));
            ExecutionResults results = session.execute(CommandFactory.newBatchExecution(commands));
            Collection<?> facts = (Collection<?>) results.getValue("facts");

            Advice advice = advisor.advise(answers);
            Recommendation recommendation = Facts.recommendation(facts);
            assertThat(recommendation).as(answers.toString()).isEqualTo(advice.recommendation());
            assertThat(Facts.caveats(facts)).as(answers.toString()).isEqualTo(advice.caveats());
            assertThat(Facts.findings(facts)).extracting(Finding::criterion).as(answers.toString())
                    .containsAll(advice.criteria().stream().map(c -> c.id()).distinct().toList());
        }
    }

    @Test
    void statefulSessionWithHandBuiltFactsMatchesTheFacade() {
        Answers answers = CASES.get(1);
        List<Object> facts = Facts.of(answers);
        assertThat(facts.get(0)).isEqualTo(Facts.shippedPolicy());
        KieSession session = container.newKieSession("ragft-session");
        try {
            facts.forEach(session::insert);
            session.fireAllRules();
            Collection<?> out = session.getObjects();
            assertThat(Facts.recommendation(out)).isEqualTo(advisor.advise(answers).recommendation());
            List<Caveat> caveats = Facts.caveats(out);
            assertThat(caveats).isEqualTo(advisor.advise(answers).caveats());
        } finally {
            session.dispose();
        }
    }
}
