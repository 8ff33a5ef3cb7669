package dev.ragft.console;

import dev.ragft.answers.AtomicFiles;
import dev.ragft.answers.TextInput;
import dev.ragft.questionnaire.Answers;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The answers of one consultation on disk: owns the draft path (a free copy when another console holds
 * the draft, or when an earlier draft is kept), its lock, whether the draft is written after every answer
 * (so even kill -9 loses nothing answered), the shutdown hook that saves the answers of a killed
 * consultation, the messages that say where they went, and the resume hint.
 */
final class Drafts implements AutoCloseable {

    /** Where the answers are written as they are given; a free copy when another console holds the draft. */
    private Path draft;
    /** The lock on {@link #draft} (null in rehearsals and tests, which use private temporary drafts). */
    private DraftFile lockedDraft;
    /** Whether the draft is saved after every answer; off until a draft is settled on (and for rehearsals). */
    private boolean draftEveryAnswer;
    /** Whether a write after an answer failed already: the warning is shown once, not at every answer. */
    private boolean draftWriteFailed;
    private final Prompter prompter;
    private final Style style;
    /** Where the shutdown hook reports: the prompter may be gone by then. */
    private final PrintStream err;

    /**
     * @param wanted the draft the user asked for (or a private temporary one)
     * @param locked the lock taken on it or on a free copy beside it; null when none could be taken (or none
     *     is wanted), and then the answers are written only when the consultation stops
     */
    Drafts(Path wanted, DraftFile locked, Prompter prompter, Style style, PrintStream err) {
        this.draft = locked == null ? wanted : locked.path();
        this.lockedDraft = locked;
        this.draftEveryAnswer = locked != null;
        this.prompter = prompter;
        this.style = style;
        this.err = err;
    }

    /** Whether every answer is written as it is given ({@link #writeQuietly}). */
    boolean everyAnswer() {
        return draftEveryAnswer;
    }

    /**
     * An earlier consultation's draft where this one would write: never overwritten silently. On a
     * terminal the user is asked whether to continue it; otherwise (input from a file or pipe, where
     * every line is an answer) it is kept, this consultation writes to a free copy, and the message says
     * how to resume the earlier one.
     *
     * @param terminal whether the user is at a terminal, so can be asked
     * @return the answers to resume, or none
     */
    Answers offerExisting(boolean terminal) {
        Answers earlier;
        try {
            if (!Files.isRegularFile(draft) || Files.size(draft) == 0) {
                return Answers.empty();
            }
            earlier = Answers.fromJson(TextInput.read(draft, TextInput.MAX_ANSWERS_BYTES), draft.toString());
        } catch (IOException | RuntimeException unreadable) {
            earlier = null;
        }
        if (earlier != null && earlier.size() > 0 && terminal) {
            prompter.println("A draft of an earlier consultation is saved in " + draft + " (" + earlier.size()
                    + " answer" + (earlier.size() == 1 ? "" : "s") + ").");
            String reply;
            try {
                reply = prompter.readLine("Continue it? [Y/n] > ", List.of("yes", "no")).trim().toLowerCase(Locale.ROOT);
            } catch (Prompter.EndOfInput | Prompter.Interrupted e) {
                reply = "n";
            }
            if (!reply.startsWith("n")) {
                return earlier;
            }
        }
        try {
            DraftFile copy = DraftFile.freeCopy(draft);
            prompter.println(style.warn("ragft: a draft of an earlier consultation is in " + draft + " (continue it"
                    + " with: ragft --resume " + draft + "); it is kept, and this consultation saves its answers to "
                    + copy.path()));
            lockedDraft.close();
            lockedDraft = copy;
            draft = copy.path();
        } catch (IOException e) {
            prompter.println(style.warn("ragft: a draft of an earlier consultation is in " + draft + "; no copy can"
                    + " be made beside it (" + e.getMessage() + "), so answers are saved only when the consultation"
                    + " stops"));
            draftEveryAnswer = false;
        }
        return Answers.empty();
    }

    /** After an answer: writes the draft, warning once if it cannot (the answers stay in memory). */
    void writeQuietly(Answers answers) {
        if (answers.size() == 0) {
            return;
        }
        try {
            writeAtomically(draft, answers.toJson());
        } catch (IOException e) {
            if (!draftWriteFailed) {
                draftWriteFailed = true;
                prompter.println(style.warn("ragft: cannot write the draft " + draft + " (" + e.getMessage()
                        + "); the answers are kept in memory and saved when the consultation stops"));
            }
        }
    }

    /** When the consultation stops before its result: saves the answers and says how to continue. */
    void save(Answers answers, String what) {
        if (answers.size() == 0) {
            prompter.println(what + "; nothing was answered, so there is nothing to save.");
            return;
        }
        try {
            writeAtomically(draft, answers.toJson());
            prompter.println("");
            prompter.println(what + ". Answers so far saved to " + draft);
            prompter.println("Continue with: " + launcher() + " --resume " + draft);
        } catch (IOException e) {
            prompter.println(style.error("ragft: could not save the draft " + draft + ": " + e.getMessage()));
            prompter.println("Your answers so far:");
            prompter.println(answers.toJson());
        }
    }

    /**
     * Saves {@code soFar} if the process is killed before {@link #stopSavingOnShutdown} (Ctrl-C without a
     * terminal, SIGTERM, a closed window).
     *
     * @return the registered hook, for {@link #stopSavingOnShutdown}
     */
    Thread saveOnShutdown(Supplier<Answers> soFar) {
        Thread saver = new Thread(new Runnable() {
            @Override
            public void run() {
                // Killed mid-interview (Ctrl-C without a terminal, SIGTERM, a closed window): keep the answers.
                Answers answers = soFar.get();
                if (answers.size() > 0) {
                    try {
                        writeAtomically(draft, answers.toJson());
                        err.println();
                        err.println("ragft: interrupted; answers so far saved to " + draft + " (continue with: "
                                + launcher() + " --resume " + draft + ")");
                    } catch (IOException e) {
                        err.println("ragft: interrupted; could not save the draft " + draft + ": " + e.getMessage());
                    }
                }
            }
        }, "ragft-draft");
        Runtime.getRuntime().addShutdownHook(saver);
        return saver;
    }

    /** The interview is over: its outcome saves the answers from here on, not the hook. */
    static void stopSavingOnShutdown(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // Already running: it saves the draft itself.
        }
    }

    /**
     * The consultation ended normally after its result: the draft has served its purpose (a kill before
     * this point leaves it, complete, for --resume).
     */
    void discard() {
        if (lockedDraft != null && draftEveryAnswer) {
            try {
                lockedDraft.delete();
            } catch (IOException ignored) {
                // A leftover draft is offered next time, never overwritten; nothing is lost.
            }
        }
    }

    /** Releases the lock on the draft (the process ending would too). */
    @Override
    public void close() {
        if (lockedDraft != null) {
            lockedDraft.close();
        }
    }

    /**
     * How the user started ragft, for the resume hint: the launcher script as it was typed ({@code ./ragft},
     * which the launcher passes in {@value Console#LAUNCHER_PROPERTY}), else {@code java -jar} and the jar,
     * else plain {@code ragft}.
     */
    static String launcher() {
        String typed = System.getProperty(Console.LAUNCHER_PROPERTY);
        if (typed != null && !typed.isBlank()) {
            return typed.contains(" ") ? "'" + typed + "'" : typed;
        }
        try {
            // Any class of the package tells the same code source: the jar or the classes folder.
            Path jar = Path.of(Drafts.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (jar.getFileName() != null && jar.getFileName().toString().endsWith(".jar")) {
                Path shown = jar.startsWith(Path.of("").toAbsolutePath()) ? Path.of("").toAbsolutePath().relativize(jar) : jar;
                return "java -jar " + shown;
            }
        } catch (URISyntaxException | RuntimeException unknown) {
            // Fall through to the name of the command.
        }
        return "ragft";
    }

    private static void writeAtomically(Path target, String text) throws IOException {
        AtomicFiles.write(target, text);
    }
}
