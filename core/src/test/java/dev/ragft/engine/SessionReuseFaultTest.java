package dev.ragft.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ragft.RuleFaultException;
import dev.ragft.facts.KnowledgeChange;
import dev.ragft.facts.Profile;
import dev.ragft.facts.QueryVariety;
import dev.ragft.testing.RulesCopy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A session whose evaluation failed is disposed, never reused, and a failure is never remembered: after a
 * rule throws, the next consultation evaluates as in a fresh session, and the failing one fails again.
 */
class SessionReuseFaultTest {

    @Test
    void aFaultedSessionIsNotReusedAndTheFaultIsNotRemembered(@TempDir Path work) throws IOException {
        Path rules = RulesCopy.of(work);
        Files.writeString(rules.resolve("99-fault.drl"), """
                package dev.ragft.rules;
                import dev.ragft.facts.Profile;
                rule "Throws at 777 queries"
                when
                    Profile(monthlyQueries == 777)
                then
                    throw new IllegalStateException("a test fault");
                end
                """, StandardCharsets.UTF_8);
        RuleBase fast = RuleBase.compile(RuleSource.fromDirectory(rules));
        RuleBase fresh = fast.withFreshSessions();
        Profile failing = RuleBaseTest.profile(KnowledgeChange.DAILY, QueryVariety.WIDE, 777, false, 500, false, false);
        Profile fine = RuleBaseTest.profile(KnowledgeChange.DAILY, QueryVariety.WIDE, 778, false, 500, false, false);

        for (int attempt = 0; attempt < 2; attempt++) {
            assertThatThrownBy(() -> fast.evaluate(failing, RuleBaseTest.smallCompanyCosts()))
                    .isInstanceOf(RuleFaultException.class).hasMessageContaining("a test fault");
            assertThat(fast.evaluate(fine, RuleBaseTest.smallCompanyCosts()))
                    .isEqualTo(fresh.evaluate(fine, RuleBaseTest.smallCompanyCosts()));
        }
    }
}
