package dev.ragft.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ragft.questionnaire.Questionnaire;
import dev.ragft.testing.Fixtures;
import java.io.IOException;
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
        boolean reached = Console.rehearse(() -> Fixtures.advisor().rules(),
                () -> Questionnaire.load(Path.of("questionnaires/advisor.json")));
        assertThat(reached).isTrue();
    }
}
