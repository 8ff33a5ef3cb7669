package dev.ragft.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ragft.questionnaire.Answers;
import dev.ragft.testing.RagftProcess;
import dev.ragft.testing.Tmux;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No answer is ever lost in the console (issue 12), with real processes in a real terminal (tmux):
 * {@code kill -9} at random points leaves a whole draft holding every answer given, and resuming from
 * it ends with the same answers as an uninterrupted consultation; a draft in use is not written by a
 * second console; an earlier draft is offered, never overwritten.
 */
class DraftSafetyTest {

    /** The answers of {@link ConsoleProcessTest#ANSWERS}; each of the first 17 adds one key to the draft. */
    static final List<String> ANSWERS = ConsoleProcessTest.ANSWERS;
    /** Kills per run of the test: each at a random answer and a random moment around it. */
    static final int KILLS = 3;

    @TempDir
    Path dir;

    private static String lines(List<String> lines) {
        return String.join("\n", lines) + "\n";
    }

    private static void kill9(long pid) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-9", Long.toString(pid)).inheritIO().start();
        assertThat(kill.waitFor(1, TimeUnit.MINUTES)).isTrue();
        assertThat(kill.exitValue()).isZero();
    }

    @Test
    void killNineAtRandomPointsLosesNoAnswerAndResumingGivesTheUninterruptedResult() throws Exception {
        assumeTrue(Tmux.available(), "tmux is not installed");
        long seed = System.nanoTime();
        Random random = new Random(seed);
        String why = "seed " + seed;
        Path draft = dir.resolve("draft.json");
        int given = 0;
        for (int kill = 0; kill < KILLS; kill++) {
            // Leave at least one answer for each later round, and keep clear of the last (cost) gate.
            int room = 16 - given - (KILLS - 1 - kill);
            int answering = 1 + random.nextInt(Math.max(1, room));
            boolean waitForNext = random.nextBoolean();
            List<String> command = given == 0
                    ? RagftProcess.command("--all-questions", "--draft", draft.toString())
                    : RagftProcess.command("--all-questions", "--resume", draft.toString());
            int confirmed;
            try (Tmux tmux = Tmux.start(command, dir)) {
                for (int i = given; i < given + answering; i++) {
                    tmux.waitFor("[" + (i + 1) + "/");
                    tmux.type(ANSWERS.get(i));
                }
                if (waitForNext) {
                    // The next question is asked only once the draft holds the answer before it.
                    tmux.waitFor("[" + (given + answering + 1) + "/");
                    confirmed = given + answering;
                } else {
                    Thread.sleep(random.nextInt(300));
                    confirmed = given + answering - 1;
                }
                kill9(tmux.pid());
                tmux.waitFor("[exit 137]");
            }
            // Whole JSON (never torn), and every confirmed answer in it.
            Answers saved = Answers.fromJson(Files.readString(draft), draft.toString());
            assertThat(saved.size()).as(why).isBetween(confirmed, given + answering);
            given = saved.size();
        }

        Path resumed = dir.resolve("resumed.json");
        try (Tmux tmux = Tmux.start(RagftProcess.command("--all-questions", "--resume", draft.toString()), dir)) {
            for (int i = given; i < ANSWERS.size(); i++) {
                tmux.waitFor("[" + (i + 1) + "/");
                tmux.type(ANSWERS.get(i));
            }
            tmux.waitFor("ragft> ");
            tmux.type("save " + resumed);
            tmux.waitFor("answers written to");
            tmux.type("quit");
            tmux.waitFor("[exit 0]");
        }
        // A consultation that ended normally removes its draft.
        assertThat(draft).doesNotExist();

        Path straight = dir.resolve("straight.json");
        List<String> script = new ArrayList<>(ANSWERS);
        script.add("save " + straight);
        RagftProcess.Result run = RagftProcess.runWithInput(lines(script), "--all-questions", "--draft",
                dir.resolve("straight-draft.json").toString());
        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(Files.readString(resumed)).as(why).isEqualTo(Files.readString(straight));
    }

    @Test
    void aDraftInUseIsNotWrittenByASecondConsoleAndAnEarlierDraftIsOfferedNotOverwritten() throws Exception {
        assumeTrue(Tmux.available(), "tmux is not installed");
        Path draft = dir.resolve("draft.json");
        try (Tmux first = Tmux.start(RagftProcess.command("--all-questions", "--draft", draft.toString()), dir)) {
            first.waitFor("[1/");
            first.type(ANSWERS.get(0));
            first.waitFor("[2/");
            first.type(ANSWERS.get(1));
            first.waitFor("[3/");
            String held = Files.readString(draft);

            // A second console on the same draft, while the first runs: it says so and writes a copy.
            RagftProcess.Result second = RagftProcess.runWithInput(lines(List.of("daily", "quit")),
                    "--all-questions", "--draft", draft.toString());
            assertThat(second.all()).contains("is in use by another ragft console", dir.resolve("draft-2.json").toString());
            assertThat(Files.readString(draft)).isEqualTo(held);
            assertThat(Files.readString(dir.resolve("draft-2.json"))).contains("\"knowledge_change\": \"DAILY\"");

            first.type("quit");
            first.waitFor("[exit 0]");
        }
        String earlier = Files.readString(draft);
        assertThat(earlier).contains("\"knowledge_change\": \"WEEKLY\"");

        // Without a terminal: the earlier draft is kept and named, this consultation writes a copy.
        RagftProcess.Result piped = RagftProcess.runWithInput(lines(List.of("rarely", "quit")),
                "--all-questions", "--draft", draft.toString());
        assertThat(piped.all()).contains("a draft of an earlier consultation is in " + draft, "it is kept");
        assertThat(Files.readString(draft)).isEqualTo(earlier);

        // On a terminal: it is offered, and accepting it continues where it stopped.
        try (Tmux tmux = Tmux.start(RagftProcess.command("--all-questions", "--draft", draft.toString()), dir)) {
            tmux.waitFor("Continue it? [Y/n]");
            tmux.type("y");
            tmux.waitFor("[3/");
            tmux.type("quit");
            tmux.waitFor("[exit 0]");
        }
        assertThat(Files.readString(draft)).isEqualTo(earlier);
    }
}
