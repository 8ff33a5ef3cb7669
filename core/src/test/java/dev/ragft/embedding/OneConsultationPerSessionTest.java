package dev.ragft.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ragft.Facts;
import dev.ragft.facts.Caveat;
import dev.ragft.facts.Profile;
import dev.ragft.facts.Recommendation;
import dev.ragft.facts.Severity;
import dev.ragft.questionnaire.Answers;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kie.api.KieServices;
import org.kie.api.command.Command;
import org.kie.api.runtime.ExecutionResults;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.StatelessKieSession;
import org.kie.internal.command.CommandFactory;

/**
 * Two consultations inserted into one plain KIE session are reported as an error rather than read
 * back as one recommendation whose scores sum both.
 */
class OneConsultationPerSessionTest {

    static final Answers FIRST = KjarTest.CASES.get(0);
    static final Answers SECOND = KjarTest.CASES.get(1);

    @Test
    void twoProfilesInOneStatelessExecutionAreAnError() {
        StatelessKieSession session = KieServices.get().getKieClasspathContainer().newStatelessKieSession("ragft-stateless");
        List<Object> both = new ArrayList<>(Facts.of(FIRST));
        both.add(Facts.of(SECOND).get(1)); // the second consultation's Profile
        List<Command<?>> commands = new ArrayList<>();
        commands.add(CommandFactory.newInsertElements(both));
        commands.add(CommandFactory.newFireAllRules());
        commands.add(CommandFactory.newGetObjects("facts"));
        ExecutionResults results = session.execute(CommandFactory.newBatchExecution(commands));
        Collection<?> facts = (Collection<?>) results.getValue("facts");

        assertThat(facts.stream().filter(Profile.class::isInstance)).hasSize(2);
        // The packaged rules say so too (rules/05-one-consultation.drl), for apps that read the facts themselves.
        assertThat(facts.stream().filter(Caveat.class::isInstance).map(Caveat.class::cast)
                .filter(c -> c.id().equals("session.several-consultations")))
                .singleElement().satisfies(c -> {
                    assertThat(c.severity()).isEqualTo(Severity.BLOCKER);
                    assertThat(c.message()).startsWith("one consultation per session: found 2 Profile facts");
                });
        assertThatThrownBy(() -> Facts.recommendation(facts)).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("one consultation per session: found 2 Profile facts");
        assertThatThrownBy(() -> Facts.findings(facts)).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("one consultation per session: found 2 Profile facts");
        assertThatThrownBy(() -> Facts.caveats(facts)).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("one consultation per session: found 2 Profile facts");
    }

    @Test
    void twoFullConsultationsInOneStatefulSessionAreAnError() {
        KieSession session = KieServices.get().getKieClasspathContainer().newKieSession("ragft-session");
        try {
            Facts.of(FIRST).forEach(session::insert);
            Facts.of(SECOND).forEach(session::insert);
            session.fireAllRules();
            Collection<?> facts = session.getObjects();
            assertThat(facts.stream().filter(Caveat.class::isInstance).map(c -> ((Caveat) c).id()))
                    .containsOnlyOnce("session.several-consultations");
            assertThatThrownBy(() -> Facts.recommendation(facts))
                    .hasMessageStartingWith("one consultation per session: found 2 Profile facts");
        } finally {
            session.dispose();
        }
    }

    @Test
    void oneConsultationPerSessionStillReads() {
        KieSession session = KieServices.get().getKieClasspathContainer().newKieSession("ragft-session");
        try {
            Facts.of(FIRST).forEach(session::insert);
            session.fireAllRules();
            Recommendation recommendation = Facts.recommendation(session.getObjects());
            assertThat(recommendation).isNotNull();
            assertThat(Facts.findings(session.getObjects())).isNotEmpty();
            assertThat(Facts.caveats(session.getObjects())).extracting(Caveat::id)
                    .doesNotContain("session.several-consultations");
        } finally {
            session.dispose();
        }
    }
}
