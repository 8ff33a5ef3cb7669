package dev.ragft.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class EarlyPrompterTest {

    @Test
    void linesGoStraightOutUntilTheTerminalIsOpenThenThroughIt() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CompletableFuture<Prompter> opening = new CompletableFuture<>();
        EarlyPrompter early = new EarlyPrompter(opening, new PrintStream(bytes, true, StandardCharsets.UTF_8), true);

        early.println("[1/16] How often does the knowledge change?");
        assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("[1/16] How often");

        InterviewTest.ScriptedPrompter terminal = new InterviewTest.ScriptedPrompter(List.of("daily"));
        CompletableFuture<String> read = CompletableFuture.supplyAsync(() -> {
            try {
                return early.readLine("> ", List.of());
            } catch (Prompter.EndOfInput | Prompter.Interrupted e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(read).isNotDone(); // reading waits for the terminal
        opening.complete(terminal);
        assertThat(read.get()).isEqualTo("daily");

        early.println("[2/16] next");
        assertThat(terminal.output).contains("[2/16] next");
        assertThat(bytes.toString(StandardCharsets.UTF_8)).doesNotContain("[2/16]");
        assertThat(early.style()).isEqualTo(Style.PLAIN);
    }

    @Test
    void aTerminalThatFailsToOpenSurfacesItsError() {
        CompletableFuture<Prompter> opening = CompletableFuture.failedFuture(new IllegalStateException("no tty"));
        EarlyPrompter early = new EarlyPrompter(opening, new PrintStream(new ByteArrayOutputStream()), true);
        assertThatThrownBy(early::terminal).hasMessage("no tty");
    }
}
