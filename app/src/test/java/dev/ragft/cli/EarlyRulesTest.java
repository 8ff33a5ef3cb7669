package dev.ragft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EarlyRulesTest {

    @AfterEach
    void nothingLeftPending() {
        EarlyRules.claim();
    }

    @Test
    void adviseWithTheDefaultRulesStartsOneLoadThatIsClaimedOnce() {
        EarlyRules.startFor(new String[] {"advise", "--format", "json", "answers.json"});
        assertThat(EarlyRules.claim()).isNotNull();
        assertThat(EarlyRules.claim()).isNull();
    }

    @Test
    void runsThatWillNotUseTheDefaultRulesStartNothing() {
        for (String[] args : new String[][] {
            {"advise", "--rules", "elsewhere", "answers.json"},
            {"advise", "--rules=elsewhere", "answers.json"},
            {"advise", "--help"},
            {"questions"},
            {"rules", "check"},
            {"--version"},
        }) {
            EarlyRules.startFor(args);
            assertThat(EarlyRules.claim()).as(String.join(" ", args)).isNull();
        }
    }
}
