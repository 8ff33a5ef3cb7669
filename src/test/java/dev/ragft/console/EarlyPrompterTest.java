package dev.ragft.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class EarlyPrompterTest {

    @Test
    void linesGoStraightOutUntilTheTerminalIsOpenThenThroughIt() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CompletableFuture<Prompter> opening = new CompletableFuture<>();
        EarlyPrompter early = new EarlyPrompter(opening, new PrintStream(bytes, true, StandardCharsets.UTF_8), true,
                "xterm-256color");

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
        // ...but the prompt is already on screen, and the terminal is told so rather than repeating it
        waitFor(() -> bytes.toString(StandardCharsets.UTF_8).endsWith("> "));
        opening.complete(terminal);
        assertThat(read.get()).isEqualTo("daily");
        assertThat(terminal.promptsShownEarly).containsExactly("> ");
        assertThat(terminal.output).doesNotContain("> ");

        early.println("[2/16] next");
        assertThat(terminal.output).contains("[2/16] next");
        assertThat(bytes.toString(StandardCharsets.UTF_8)).doesNotContain("[2/16]");
        assertThat(early.style()).isEqualTo(Style.PLAIN);
    }

    @Test
    void aDumbTerminalGetsItsPromptOnlyFromTheTerminalSinceItCannotClearTheEarlyOne() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CompletableFuture<Prompter> opening = new CompletableFuture<>();
        EarlyPrompter early = new EarlyPrompter(opening, new PrintStream(bytes, true, StandardCharsets.UTF_8), true,
                "dumb");
        InterviewTest.ScriptedPrompter terminal = new InterviewTest.ScriptedPrompter(List.of("daily"));
        CompletableFuture<String> read = CompletableFuture.supplyAsync(() -> {
            try {
                return early.readLine("> ", List.of());
            } catch (Prompter.EndOfInput | Prompter.Interrupted e) {
                throw new IllegalStateException(e);
            }
        });
        opening.complete(terminal);
        assertThat(read.get()).isEqualTo("daily");
        assertThat(terminal.output).containsExactly("> ", "daily");
        assertThat(terminal.promptsShownEarly).isEmpty();
        assertThat(bytes.toString(StandardCharsets.UTF_8)).doesNotContain("> ");
    }

    @Test
    void onceTheTerminalIsOpenPromptsAreItsAlone() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        InterviewTest.ScriptedPrompter terminal = new InterviewTest.ScriptedPrompter(List.of("daily"));
        EarlyPrompter early = new EarlyPrompter(CompletableFuture.completedFuture(terminal),
                new PrintStream(bytes, true, StandardCharsets.UTF_8), true, "xterm-256color");
        assertThat(early.readLine("> ", List.of())).isEqualTo("daily");
        assertThat(terminal.output).containsExactly("> ", "daily");
        assertThat(terminal.promptsShownEarly).isEmpty();
        assertThat(bytes.size()).isZero();
    }

    private static void waitFor(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 10 s");
            }
            Thread.sleep(5);
        }
    }

    @Test
    void aTerminalThatFailsToOpenSurfacesItsError() {
        CompletableFuture<Prompter> opening = CompletableFuture.failedFuture(new IllegalStateException("no tty"));
        EarlyPrompter early = new EarlyPrompter(opening, new PrintStream(new ByteArrayOutputStream()), true);
        assertThatThrownBy(early::terminal).hasMessage("no tty");
    }
}
