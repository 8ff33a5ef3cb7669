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
        EarlyPrompter early = new EarlyPrompter(opening, new PrintStream(bytes, true, StandardCharsets.UTF_8), true,
                "xterm-256color");

        early.println("[1/16] How often does the knowledge change?");
        assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("[1/16] How often");

        InterviewTest.ScriptedPrompter terminal = new InterviewTest.ScriptedPrompter(List.of("daily"));
        CompletableFuture<String> read = readWhileOpening(early);
        // The prompt is already on screen, and the terminal is told so rather than repeating it.
        assertThat(bytes.toString(StandardCharsets.UTF_8)).endsWith("> ");
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
        CompletableFuture<String> read = readWhileOpening(early);
        assertThat(bytes.toString(StandardCharsets.UTF_8)).doesNotContain("> ");
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

    /** Reads one line on a thread of its own; returns once that read waits for the terminal to open. */
    private static CompletableFuture<String> readWhileOpening(EarlyPrompter early) throws InterruptedException {
        CompletableFuture<String> line = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try {
                line.complete(early.readLine("> ", List.of()));
            } catch (Prompter.EndOfInput | Prompter.Interrupted | RuntimeException e) {
                line.completeExceptionally(e);
            }
        });
        reader.start();
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (reader.getState() != Thread.State.WAITING && !line.isDone()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the read did not start waiting for the terminal within 10 s");
            }
            Thread.sleep(5);
        }
        assertThat(line).as("reading waits for the terminal").isNotDone();
        return line;
    }

    @Test
    void aTerminalThatFailsToOpenSurfacesItsError() {
        CompletableFuture<Prompter> opening = CompletableFuture.failedFuture(new IllegalStateException("no tty"));
        EarlyPrompter early = new EarlyPrompter(opening, new PrintStream(new ByteArrayOutputStream()), true);
        assertThatThrownBy(early::terminal).hasMessage("no tty");
    }
}
