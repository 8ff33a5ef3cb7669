package dev.ragft.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ragft.policy.CaseSpace;
import dev.ragft.questionnaire.Questionnaire;
import dev.ragft.testing.Fixtures;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Plain inserts, reused sessions, the memos (strategies kept by cost view) and the robustness check's cost
 * views change no report: over a stride of the exhaustive case space (about 60 cases, each advised with the
 * rules as written in fresh sessions, with plain inserts in fresh sessions, then by the fast engine, then
 * from its memo) the JSON is byte-identical. {@code bench/equality.sh} runs the whole space.
 */
class EngineEqualityTest {

    @Test
    void theFastEngineGivesTheSameReportsAsTheRulesAsWrittenInFreshSessions() throws Exception {
        Questionnaire questionnaire = Questionnaire.load(Path.of("questionnaires/advisor.json"));
        RuleBase rules = Fixtures.engine().rules();
        CaseSpace space = CaseSpace.standard(questionnaire, rules);
        long stride = Math.max(1, space.size() / 60);

        EngineEquality.Result result = EngineEquality.compare(questionnaire, rules, space, stride, 2);

        assertThat(result.compared()).isGreaterThanOrEqualTo(50);
        assertThat(result.mismatches()).isEmpty();
    }
}
