package dev.ragft.console;

import dev.ragft.Advisor;
import dev.ragft.policy.CheckedRules;
import dev.ragft.questionnaire.Answers;
import dev.ragft.questionnaire.Questionnaire;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * The interactive consultation ({@code ragft} with no subcommand): asks the questionnaire, then shows
 * the advice and takes follow-up commands. Rules compile on a background thread from the first moment,
 * so the first question does not wait for Drools.
 *
 * <p>This is the package's public entry only; the work is split by responsibility: {@link ConsoleStart}
 * (threads, terminal, draft lock, rehearsal), {@link Session} (the interview up to the result),
 * {@link Drafts} (the answers on disk) and {@link FollowUps} (the commands after the result).
 */
public final class Console {

    /** Set by the launcher on the run that records its class archive; see {@link #rehearse}. */
    public static final String CDS_TRAINING_PROPERTY = "ragft.cds.training";

    /** Set by the launcher script to the command as the user typed it ({@code ./ragft}), for the resume hint. */
    static final String LAUNCHER_PROPERTY = "ragft.launcher";

    private Console() {
    }

    /**
     * Makes what {@code reload} goes through: the one reload-and-keep-last-good holder, which reads the
     * rules again, compiles them and checks them (the lint, the smoke set and the answers {@code current}
     * gives) before the console takes them.
     */
    @FunctionalInterface
    public interface Reloads {
        CheckedRules over(Questionnaire questionnaire, Supplier<Answers> current);
    }

    /**
     * Runs a consultation on canned answers, printing nothing, and builds a JLine terminal and line reader
     * on null streams: for the launcher's class-archive training run, so that the classes of the console
     * (from the first question to the follow-up prompt) come from the archive instead of the jar, where
     * each would be read, checked and linked while the user waits for the first question.
     *
     * @return whether the consultation went through to the follow-up prompt and ended there normally
     * @throws IOException when no temporary file can be made for the draft
     */
    public static boolean rehearse(Supplier<Advisor.Rules> compiler, Supplier<Questionnaire> questionnaire)
            throws IOException {
        return ConsoleStart.rehearse(compiler, questionnaire);
    }

    /**
     * Runs a consultation on this process's standard input and output.
     *
     * @param compiler compiles the rules (called on a background thread at once)
     * @param reloads makes the holder that reads, compiles and checks the rules again on {@code reload}
     * @param questionnaire loads the questionnaire definition (on the calling thread, after the compile started)
     * @param given answers supplied up front ({@code --answers}); not asked
     * @param resumed answers of an interrupted consultation ({@code --resume}); not asked again
     * @param draft where the answers so far are saved when the consultation is interrupted
     * @param allQuestions ask every question, even those that provably cannot change the outcome
     * @return the exit code
     */
    public static Outcome run(Supplier<Advisor.Rules> compiler, Reloads reloads, Supplier<Questionnaire> questionnaire,
                          Answers given, Answers resumed, Path draft, boolean allQuestions) {
        return ConsoleStart.run(compiler, reloads, questionnaire, given, resumed, draft, allQuestions);
    }

    /** For tests: a consultation over a given prompter, with the rules compiled on the calling thread's demand. */
    static Session forTest(Supplier<Advisor.Rules> compiler, Questionnaire questionnaire, Prompter prompter, Path draft) {
        return ConsoleStart.forTest(compiler, questionnaire, prompter, draft);
    }
}
