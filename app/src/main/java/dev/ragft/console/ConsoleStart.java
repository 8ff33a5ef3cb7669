package dev.ragft.console;

import dev.ragft.Advisor;
import dev.ragft.questionnaire.Answers;
import dev.ragft.questionnaire.Questionnaire;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * How a consultation starts: owns the start-up threading (the rules compile and the terminal opens on
 * background threads, both held back until the first question is on screen), the signal that releases
 * them, the lock on the draft for this run, and the canned rehearsal for the launcher's class archive.
 * It builds the {@link Drafts} and the {@link Session} and hands the consultation to them.
 */
final class ConsoleStart {

    /** What {@link #rehearse} types: a whole consultation, a few commands on the way, then the follow-ups. */
    private static final List<String> REHEARSAL = List.of("help", "why", "sometimes", "weekly", "1", "", "3", "skip",
            "10k", "medium", "800", "no", "yes", "yes", "", "", "5,000", "", "70b", "24", "y",
            "how audit", "what-if monthly_queries=1M", "help", "quit");

    /** The longest the rule compilation waits for the first question to be shown. */
    private static final long START_DELAY_MS = 250;

    private ConsoleStart() {
    }

    /** See {@link Console#rehearse}. */
    static boolean rehearse(Supplier<Advisor.Rules> compiler, Supplier<Questionnaire> questionnaire)
            throws IOException {
        JLinePrompter.loadClasses();
        ByteArrayOutputStream shown = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(shown, false, StandardCharsets.UTF_8);
        Prompter plain = new PlainPrompter(new BufferedReader(new StringReader(String.join("\n", REHEARSAL))), out,
                true);
        EarlyPrompter early = new EarlyPrompter(CompletableFuture.completedFuture(plain), out, false);
        Path draft = Files.createTempFile("ragft-rehearsal-", ".json");
        try {
            Prompter prompter = new StartSignal(early, new CountDownLatch(1));
            Style style = prompter.style();
            // No lock and no draft after every answer: a rehearsal writes only to its own temporary file.
            Drafts drafts = new Drafts(draft, null, prompter, style, out);
            Session session = new Session(questionnaire.get(), compileAsync(compiler, new CountDownLatch(0)), prompter,
                    style, false, out, true, null, drafts);
            Outcome code = session.consult(Answers.empty(), Answers.empty());
            out.flush();
            return code == Outcome.COMPLETED && shown.toString(StandardCharsets.UTF_8).contains(FollowUps.PROMPT);
        } finally {
            Files.deleteIfExists(draft);
        }
    }

    /** See {@link Console#run}. */
    static Outcome run(Supplier<Advisor.Rules> compiler, Console.Reloads reloads, Supplier<Questionnaire> questionnaire,
                       Answers given, Answers resumed, Path draft, boolean allQuestions) {
        // Started now, but it begins compiling once the first question is on screen (or after a
        // moment at the latest): on a small machine Drools would otherwise compete with the first question.
        CountDownLatch firstPrompt = new CountDownLatch(1);
        CompletableFuture<Advisor.Rules> compiling = compileAsync(compiler, firstPrompt);
        boolean tty = System.console() != null;
        String noColour = System.getenv("NO_COLOR");
        // The first question and its prompt are printed before JLine is open (EarlyPrompter), so opening the
        // terminal, like compiling the rules, waits until they are on screen instead of competing with them
        // for the two cores; keys typed meanwhile wait in the terminal's buffer.
        CompletableFuture<Prompter> opening = new CompletableFuture<>();
        if (tty) {
            Thread open = new Thread(new Runnable() {
                @Override
                public void run() {
                    try {
                        firstPrompt.await(START_DELAY_MS, TimeUnit.MILLISECONDS);
                        opening.complete(JLinePrompter.open(noColour != null && !noColour.isEmpty()));
                    } catch (Throwable failure) {
                        opening.completeExceptionally(failure);
                    }
                }
            }, "ragft-terminal");
            open.setDaemon(true);
            open.start();
        } else {
            opening.complete(new PlainPrompter(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)),
                    System.out, true));
        }
        Questionnaire loaded = questionnaire.get();
        // On a terminal the first question is printed while JLine is still opening; reading waits for it.
        EarlyPrompter early = new EarlyPrompter(opening, System.out, noColour != null && !noColour.isEmpty());
        Prompter prompter = tty ? early : early.terminal();
        String debug = System.getenv("RAGFT_DEBUG");
        if (debug != null && !debug.isBlank() && !"0".equals(debug)) {
            opening.thenAccept(opened -> {
                if (opened instanceof JLinePrompter jline) {
                    System.err.println("ragft: terminal " + jline.terminalType());
                }
            });
        }
        DraftFile locked = null;
        try {
            locked = DraftFile.lock(draft);
        } catch (IOException e) {
            System.err.println("ragft: cannot lock the draft " + draft + " (" + e.getMessage()
                    + "); answers are saved only when the consultation stops");
        }
        if (locked != null && locked.isCopyOf(draft)) {
            System.err.println("ragft: the draft " + draft + " is in use by another ragft console; this consultation"
                    + " saves its answers to " + locked.path());
        }
        Prompter started = new StartSignal(prompter, firstPrompt);
        // Taken once, before the terminal may have opened, and shared: every part of the consultation shows
        // the same style, as it did when one object held it.
        Style style = started.style();
        Drafts drafts = new Drafts(draft, locked, started, style, System.err);
        Session session = new Session(loaded, compiling, started, style, tty, System.err, allQuestions, reloads, drafts);
        try {
            Answers fromDraft = resumed.size() == 0 && locked != null && !locked.isCopyOf(draft)
                    ? drafts.offerExisting(tty) : resumed;
            return session.consult(given, fromDraft);
        } finally {
            prompter.close();
            drafts.close();
        }
    }

    /** See {@link Console#forTest}. */
    static Session forTest(Supplier<Advisor.Rules> compiler, Questionnaire questionnaire, Prompter prompter, Path draft) {
        Style style = prompter.style();
        Drafts drafts = new Drafts(draft, null, prompter, style, System.err);
        return new Session(questionnaire, compileAsync(compiler, new CountDownLatch(0)), prompter, style, false,
                System.err, false, null, drafts);
    }

    private static CompletableFuture<Advisor.Rules> compileAsync(Supplier<Advisor.Rules> compiler, CountDownLatch start) {
        CompletableFuture<Advisor.Rules> future = new CompletableFuture<>();
        Thread thread = new Thread(new Runnable() {
            @Override
            public void run() {
                try {
                    start.await(START_DELAY_MS, TimeUnit.MILLISECONDS);
                    future.complete(compiler.get());
                } catch (Throwable failure) {
                    future.completeExceptionally(failure);
                }
            }
        }, "ragft-rules");
        thread.setDaemon(true);
        thread.start();
        return future;
    }

    /** Passes everything through, and signals the rule compilation when the first prompt is shown. */
    private static final class StartSignal implements Prompter {
        private final Prompter delegate;
        private final CountDownLatch shown;

        StartSignal(Prompter delegate, CountDownLatch shown) {
            this.delegate = delegate;
            this.shown = shown;
        }

        @Override
        public String readLine(String prompt, List<String> completions) throws EndOfInput, Interrupted {
            shown.countDown();
            return delegate.readLine(prompt, completions);
        }

        @Override
        public void println(String text) {
            delegate.println(text);
        }

        @Override
        public Style style() {
            return delegate.style();
        }

        @Override
        public int width() {
            return delegate.width();
        }

        @Override
        public void close() {
            delegate.close();
        }
    }
}
