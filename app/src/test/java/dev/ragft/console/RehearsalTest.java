package dev.ragft.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ragft.Advisor;
import dev.ragft.questionnaire.Questionnaire;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The launcher's class-archive training runs {@link Console#rehearse}; if its canned answers stopped
 * fitting the questionnaire, the archive would silently lose the console's classes and the first
 * question would come slower.
 */
class RehearsalTest {

    @Test
    void theCannedConsultationReachesTheFollowUpsWithTheShippedFiles() throws IOException {
        boolean reached = Console.rehearse(RehearsalTest::repoRules,
                () -> Questionnaire.load(Path.of("questionnaires/advisor.json")));
        assertThat(reached).isTrue();
    }

    /** The repo's rules, as the launcher's training run compiles them (no compiled-rules cache). */
    private static Advisor.Rules repoRules() {
        try {
            return Advisor.Rules.load(Path.of("rules"), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
