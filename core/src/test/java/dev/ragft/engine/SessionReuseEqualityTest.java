package dev.ragft.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ragft.policy.CaseSpace;
import dev.ragft.questionnaire.Questionnaire;
import dev.ragft.testing.Fixtures;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Reused sessions and the per-fact-set memo change no report: a stride of the exhaustive case space
 * (about 60 cases, each advised fresh, then reused, then from the memo) gives byte-identical JSON.
 * {@code bench/equality.sh} runs the whole space.
 */
class SessionReuseEqualityTest {

    @Test
    void reusedSessionsAndTheMemoGiveTheSameReportsAsFreshSessions() throws Exception {
        Questionnaire questionnaire = Questionnaire.load(Path.of("questionnaires/advisor.json"));
        RuleBase rules = Fixtures.engine().rules();
        CaseSpace space = CaseSpace.standard(questionnaire, rules);
        long stride = Math.max(1, space.size() / 60);

        SessionReuseEquality.Result result = SessionReuseEquality.compare(questionnaire, rules, space, stride, 2);

        assertThat(result.compared()).isGreaterThanOrEqualTo(50);
        assertThat(result.mismatches()).isEmpty();
    }
}
