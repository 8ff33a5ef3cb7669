package dev.ragft.console;

import dev.ragft.Advice;
import dev.ragft.Advisor;
import dev.ragft.InputError;
import dev.ragft.InvalidAnswersException;
import dev.ragft.RuleFaultException;
import dev.ragft.questionnaire.Answers;
import dev.ragft.questionnaire.Question;
import dev.ragft.questionnaire.Questionnaire;
import java.io.PrintStream;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * One consultation from the greeting to the result: owns the questionnaire, the rules compiling in the
 * background and the advisor made from them, the answers supplied up front, and the questions the
 * interview skipped. It runs the interview (answering {@code why} as it goes), tells the {@link Drafts}
 * when to save, shows the result, and then hands the advisor and what was skipped to the {@link FollowUps}.
 */
final class Session {

    private final Questionnaire questionnaire;
    /** The background compilation started by {@link ConsoleStart}; the advisor is made from it once done. */
    private final CompletableFuture<Advisor.Rules> pending;
    private final Prompter prompter;
    private final Style style;
    private final boolean terminal;
    private final PrintStream err;
    private final boolean allQuestions;
    /** Handed on to the follow-ups for {@code reload}; null in rehearsals, which never reload. */
    private final Console.Reloads reloads;
    private final Drafts drafts;
    /** Null until the rules have compiled and been asked for. */
    private Advisor advisor;
    private Answers given = Answers.empty();
    /** The questions the interview skipped and that are still unanswered. */
    private List<Question> skipped = List.of();

    Session(Questionnaire questionnaire, CompletableFuture<Advisor.Rules> pending, Prompter prompter, Style style,
            boolean terminal, PrintStream err, boolean allQuestions, Console.Reloads reloads, Drafts drafts) {
        this.questionnaire = questionnaire;
        this.pending = pending;
        this.prompter = prompter;
        this.style = style;
        this.terminal = terminal;
        this.err = err;
        this.allQuestions = allQuestions;
        this.reloads = reloads;
        this.drafts = drafts;
    }

    Outcome consult(Answers given, Answers resumed) {
        Answers usableGiven = usable(given, "--answers");
        Answers usableResumed = usable(resumed, "the draft");
        prompter.println(style.bold("ragft") + " - fine-tune, RAG or hybrid? A few questions about your project.");
        prompter.println(style.dim("Type help, why, back, skip or quit at any question. Enter accepts the [default]."));
        this.given = usableGiven;
        String debug = System.getenv("RAGFT_DEBUG");
        // Answers supplied up front (--answers, --resume) make the same skips as the run that produced them
        // only if the first question waits for the rules and its check: otherwise, on a terminal, the
        // questions that run skipped would be asked while Drools is still compiling.
        boolean waitForRules = !terminal || usableGiven.size() > 0 || usableResumed.size() > 0;
        RelevanceFilter relevance = allQuestions ? null : new RelevanceFilter(() -> readyAdvisor(waitForRules),
                waitForRules ? Long.MAX_VALUE : RelevanceFilter.TERMINAL_WAIT_MS,
                debug != null && !debug.isBlank() && !"0".equals(debug) ? err : null);
        Interview interview = new Interview(questionnaire, prompter, relevance == null ? QuestionFilter.ALL : relevance,
                this::ruleRefs, this::outcomes, usableGiven, usableResumed);
        if (drafts.everyAnswer()) {
            // Every answer reaches the draft as it is given, so even kill -9 loses nothing answered.
            interview.onChange(drafts::writeQuietly);
        }
        Thread saver = drafts.saveOnShutdown(interview::answers);
        Interview.Result result;
        try {
            result = interview.run();
        } finally {
            Drafts.stopSavingOnShutdown(saver);
            if (relevance != null) {
                relevance.close();
            }
        }
        skipped = result.skipped().stream().map(id -> questionnaire.question(id).orElseThrow()).toList();
        switch (result.outcome()) {
            case COMPLETE:
                return finish(result.answers());
            case QUIT:
                drafts.save(result.answers(), "Stopped");
                return Outcome.COMPLETED;
            case INTERRUPTED:
                drafts.save(result.answers(), "Interrupted");
                return Outcome.INTERRUPTED;
            default:
                drafts.save(result.answers(), "The input ended before the last question");
                return terminal ? Outcome.COMPLETED : Outcome.BAD_INPUT;
        }
    }

    /** Answers with every invalid or unknown entry reported and left out, so those questions get asked. */
    private Answers usable(Answers answers, String from) {
        Set<String> bad = new HashSet<>();
        for (InputError error : questionnaire.validate(answers)) {
            if (answers.contains(error.field())) {
                bad.add(error.field());
                prompter.println(style.warn("ragft: " + from + ": " + error.field() + ": " + error.message()
                        + (questionnaire.question(error.field()).isPresent() ? " - it will be asked" : " - ignored")));
            }
        }
        Answers result = answers;
        for (String id : bad) {
            result = result.without(id);
        }
        return questionnaire.normalize(result);
    }

    /** The rules for `why`, waiting for the background compilation if needed; empty if it failed. */
    private List<RuleRef> ruleRefs() {
        Advisor current = awaitAdvisor(false);
        if (current == null) {
            return List.of();
        }
        return WhyByAdvisor.rules(current);
    }

    /** For {@code why}: see {@link WhyByAdvisor#outcomes}; null while the rules are unusable. */
    private ChoiceOutcomes.Outcomes outcomes(Answers soFar, Question question, List<Object> values) {
        Advisor current = awaitAdvisor(false);
        if (current == null) {
            return null;
        }
        return WhyByAdvisor.outcomes(current, questionnaire, soFar, question, values);
    }

    /**
     * The advisor without any message: null while the rules are still compiling (unless {@code wait}) or when
     * they failed (reported later, when the advice is due).
     */
    private Advisor readyAdvisor(boolean wait) {
        if (advisor != null || (!wait && !pending.isDone())) {
            return advisor;
        }
        try {
            advisor = Advisor.of(questionnaire, pending.get());
            return advisor;
        } catch (ExecutionException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** The advisor, once the rules have compiled; null (errors shown if {@code report}) when they did not. */
    private Advisor awaitAdvisor(boolean report) {
        if (advisor != null) {
            return advisor;
        }
        if (!pending.isDone()) {
            prompter.println(style.dim("  (the rules are still compiling; one moment...)"));
        }
        try {
            advisor = Advisor.of(questionnaire, pending.get());
            return advisor;
        } catch (ExecutionException e) {
            if (report) {
                RuleFailures.showUnusable(prompter, style, e.getCause());
            }
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private Outcome finish(Answers answers) {
        Advisor current = awaitAdvisor(true);
        if (current == null) {
            drafts.save(answers, "The consultation is complete but the rules failed to compile");
            return Outcome.RULES_FAILED;
        }
        Advice advice;
        try {
            advice = current.advise(answers);
        } catch (InvalidAnswersException e) {
            for (InputError error : e.errors()) {
                prompter.println(style.error("  " + error.field() + ": " + error.message()));
            }
            drafts.save(answers, "The answers cannot be used yet");
            return Outcome.BAD_INPUT;
        } catch (RuleFaultException fault) {
            RuleFailures.showFault(prompter, style, fault);
            drafts.save(answers, "The rules failed on the complete consultation");
            return Outcome.RULES_FAILED;
        } catch (RuntimeException | StackOverflowError e) {
            // A fault in the rules (or a bug): the answers are what must not be lost.
            prompter.println(style.error("ragft: the advice failed: " + (e.getMessage() == null
                    ? e.getClass().getSimpleName() : e.getMessage())));
            drafts.save(answers, "The consultation is complete but the advice failed");
            return Outcome.RULES_FAILED;
        }
        try {
            showResult(advice);
        } catch (RuleFaultException fault) {
            // The analysis tries other answers, and one of them reached the faulty rule.
            RuleFailures.showFault(prompter, style, fault);
            drafts.save(answers, "The rules failed while explaining the advice");
            return Outcome.RULES_FAILED;
        }
        // From here the follow-ups own the advisor (a reload replaces it) and the skipped questions (all
        // answers them); the session does not look at either again.
        Outcome code = new FollowUps(questionnaire, prompter, style, reloads, current, given, skipped).run(advice);
        drafts.discard();
        return code;
    }

    /** The full trace, then the summary last, so it is what is on screen when the prompt returns. */
    private void showResult(Advice advice) {
        for (String line : ResultView.render(advice, style, ChangeHints.of(advisor), skipped, prompter.width())) {
            prompter.println(line);
        }
        ResultView.summary(advice, style, prompter.width()).forEach(prompter::println);
    }
}
