package dev.ragft.console;

import dev.ragft.Advice;
import dev.ragft.Advisor;
import dev.ragft.Flip;
import dev.ragft.InputError;
import dev.ragft.InvalidAnswersException;
import dev.ragft.RuleError;
import dev.ragft.RuleFaultException;
import dev.ragft.answers.AtomicFiles;
import dev.ragft.policy.CheckedRules;
import dev.ragft.questionnaire.Answers;
import dev.ragft.questionnaire.Criterion;
import dev.ragft.questionnaire.Question;
import dev.ragft.questionnaire.Questionnaire;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The commands at the {@value #PROMPT} prompt after the result ({@code details}, {@code how},
 * {@code what-if}, {@code save}, {@code report}, {@code all}, {@code reload}): owns the advisor that
 * answers them (a good {@code reload} replaces it), the questions still skipped ({@code all} clears them),
 * and the reload holder with the answers its check also tries. A failing command leaves the last good
 * result standing.
 */
final class FollowUps {

    /** The follow-up prompt; the rehearsal looks for it to know the consultation reached this point. */
    static final String PROMPT = "ragft> ";

    /** How many of the new flips {@code what-if} shows. */
    private static final int WHAT_IF_FLIPS = 3;

    private final Questionnaire questionnaire;
    private final Prompter prompter;
    private final Style style;
    /**
     * Makes the holder that reloads and checks the rules for {@code reload} (a rules folder read again, or
     * the packaged rules); null in rehearsals, which never reload.
     */
    private final Console.Reloads reloads;
    /** The answers supplied up front: {@code all} does not ask them either. */
    private final Answers given;
    /** The advisor of the result on screen: the session's, until a reload is taken. */
    private Advisor advisor;
    /** The questions the interview skipped and that are still unanswered. */
    private List<Question> skipped;
    /** Created at the first {@code reload}; keeps the last good rules. */
    private CheckedRules checked;
    /** The advisor over the rules {@link #checked} took at the last reload; null until the first reload. */
    private Supplier<Advisor> checkedAdvisor;
    /** The answers the next reload's check also tries, so a reload never breaks the consultation on screen. */
    private Answers currentAnswers = Answers.empty();

    FollowUps(Questionnaire questionnaire, Prompter prompter, Style style, Console.Reloads reloads, Advisor advisor,
              Answers given, List<Question> skipped) {
        this.questionnaire = questionnaire;
        this.prompter = prompter;
        this.style = style;
        this.reloads = reloads;
        this.advisor = advisor;
        this.given = given;
        this.skipped = skipped;
    }

    /** Takes commands on {@code first} (the result on screen) until quit or the end of the input. */
    Outcome run(Advice first) {
        Advice advice = first;
        prompter.println("");
        prompter.println(style.dim("Next: details (the full trace), how <criterion-id>, what-if <id>=<value>, save <file>, "
                + "report <file>, reload, help, quit"
                + (skipped.isEmpty() ? "" : "; all asks the " + skipped.size() + " skipped question" + (skipped.size() == 1 ? "" : "s"))));
        List<String> words = words(advice);
        while (true) {
            String line;
            try {
                line = prompter.readLine(PROMPT, words).trim();
            } catch (Prompter.EndOfInput | Prompter.Interrupted e) {
                return Outcome.COMPLETED;
            }
            if (line.isEmpty()) {
                continue;
            }
            String[] parts = line.split("\\s+", 2);
            String command = parts[0].toLowerCase(Locale.ROOT);
            String argument = parts.length > 1 ? parts[1].trim() : "";
            if (command.equals("quit") || command.equals("exit") || command.equals("q")) {
                return Outcome.COMPLETED;
            }
            try {
                advice = command(advice, command, argument, parts[0]);
            } catch (RuleFaultException fault) {
                // the rules failed on changed answers; the last good result stands
                RuleFailures.showFault(prompter, style, fault);
            } catch (RuntimeException | StackOverflowError e) {
                // A what-if or reload that trips a fault in the rules: the last good result stands.
                prompter.println(style.error("  ! " + command + " failed: " + (e.getMessage() == null
                        ? e.getClass().getSimpleName() : e.getMessage()) + "; the last result stands"));
            }
        }
    }

    /** What Tab completes at the prompt: the commands, the criteria, and {@code id=} with the allowed values. */
    private List<String> words(Advice advice) {
        List<String> words = new ArrayList<>(List.of("how", "what-if", "details", "save", "report", "reload", "help",
                "quit"));
        for (Criterion c : questionnaire.criteria()) {
            words.add(c.id());
        }
        for (Question q : questionnaire.questions()) {
            words.add(q.id() + "=");
            // The allowed values, offered by Tab once "id=" is typed (see JLinePrompter.offered).
            switch (q.type()) {
                case ENUM -> q.choices().forEach(c -> words.add(q.id() + "=" + c.value()));
                case BOOLEAN -> List.of("yes", "no").forEach(value -> words.add(q.id() + "=" + value));
                default -> {
                }
            }
        }
        return words;
    }

    private Advice command(Advice current, String command, String argument, String typed) {
        Advice advice = current;
        switch (command) {
            case "help", "?" -> help();
            case "details", "trace" -> showDetails(advice);
            case "how" -> {
                if (argument.isEmpty()) {
                    prompter.println(style.warn("  ! how needs a criterion id, e.g. how cost.payback"));
                } else {
                    ResultView.how(advice, argument, WhyByAdvisor.rules(advisor), style, prompter.width())
                            .forEach(prompter::println);
                }
            }
            case "what-if", "whatif" -> whatIf(advice, argument);
            case "save" -> write(argument, advice.answers().toJson(), "answers");
            case "report" -> report(argument, advice);
            case "reload" -> advice = reload(advice);
            case "all" -> advice = askSkipped(advice);
            default -> prompter.println(style.warn("  ! unknown command '" + typed + "'") + style.dim(" (type help)"));
        }
        return advice;
    }

    private void help() {
        prompter.println("  details                  the full result again: criteria, costs, caveats, what would change it");
        prompter.println("  how <criterion-id>       the rules that fired for a criterion, the answers they read, the guide section");
        prompter.println("  what-if <id>=<value> ... advise again with changed answers and show what moved");
        prompter.println("  save <file>              write the answers as a JSON answers file (for ragft advise)");
        prompter.println("  report <file>            write the full report: .html, .md, .json or .txt picks the format");
        prompter.println("  all                      answer the questions that were skipped (they cannot change the outcome)");
        prompter.println("  reload                   recompile the rules folder and advise again (a broken edit keeps the old rules)");
        prompter.println("  quit                     leave");
    }

    /** {@code details}: the full trace of the result on screen, with what is still skipped marked. */
    private void showDetails(Advice advice) {
        for (String line : ResultView.render(advice, style, ChangeHints.of(advisor), skipped, prompter.width())) {
            prompter.println(line);
        }
    }

    private void whatIf(Advice advice, String argument) {
        if (argument.isEmpty() || !argument.contains("=")) {
            prompter.println(style.warn("  ! what-if needs <id>=<value>, e.g. what-if monthly_queries=50k"));
            return;
        }
        Answers changed = advice.answers();
        try {
            for (String assignment : argument.split("\\s+")) {
                int eq = assignment.indexOf('=');
                if (eq <= 0) {
                    prompter.println(style.warn("  ! expected <id>=<value>, got '" + assignment + "'"));
                    return;
                }
                String id = assignment.substring(0, eq);
                changed = changed.with(id, questionnaire.parseText(id, assignment.substring(eq + 1)));
            }
            Advice after = advisor.advise(changed);
            prompter.println("  what if " + argument + ":");
            ResultView.diff(advice, after, style).forEach(prompter::println);
            List<Flip> flips = advisor.analyze(after).flips();
            if (!flips.isEmpty()) {
                prompter.println("  then what would change it (" + flips.size() + " single change" + (flips.size() == 1 ? "" : "s")
                        + (flips.size() > WHAT_IF_FLIPS ? "; the nearest " + WHAT_IF_FLIPS : "") + "):");
                flips.stream().limit(WHAT_IF_FLIPS).forEach(flip -> prompter.println("    " + style.text(flip.text())));
            } else {
                prompter.println("  then no single answer would change it");
            }
            prompter.println(style.dim("  (the consultation itself is unchanged)"));
        } catch (InvalidAnswersException e) {
            for (InputError error : e.errors()) {
                prompter.println(style.warn("  ! " + error.field() + ": " + error.message()));
            }
        } catch (RuleFaultException fault) {
            RuleFailures.showFault(prompter, style, fault);
            prompter.println(style.dim("  (the results above and your answers are unchanged)"));
        }
    }

    /** {@code report FILE}: the full report, with the analysis and the skipped questions marked. */
    private void report(String argument, Advice advice) {
        ReportCommand.Outcome outcome = ReportCommand.write(argument, () -> advisor.report(advice, true,
                skipped.stream().map(Question::id).collect(Collectors.toSet())));
        prompter.println(outcome.ok() ? "  " + outcome.message() : style.error("  ! " + outcome.message()));
    }

    /** {@code all} after the results: ask the skipped questions now, then advise again. */
    private Advice askSkipped(Advice advice) {
        if (skipped.isEmpty()) {
            prompter.println("  nothing was skipped; every question was asked");
            return advice;
        }
        // `why` during these questions answers from the advisor of the result on screen (a reload's, if any).
        Interview rest = new Interview(questionnaire, prompter, QuestionFilter.ALL, () -> WhyByAdvisor.rules(advisor),
                (soFar, question, values) -> WhyByAdvisor.outcomes(advisor, questionnaire, soFar, question, values),
                given, advice.answers());
        Interview.Result result = rest.run();
        if (result.outcome() != Interview.Outcome.COMPLETE) {
            prompter.println(style.dim("  (the skipped questions were not all answered; the results above stand)"));
            return advice;
        }
        Advice after;
        try {
            after = advisor.advise(result.answers());
        } catch (InvalidAnswersException e) {
            e.errors().forEach(error -> prompter.println(style.warn("  ! " + error.field() + ": " + error.message())));
            return advice;
        } catch (RuleFaultException fault) {
            RuleFailures.showFault(prompter, style, fault);
            prompter.println(style.dim("  (the results above stand)"));
            return advice;
        }
        skipped = List.of();
        prompter.println("  with every question answered:");
        ResultView.diff(advice, after, style).forEach(prompter::println);
        return after;
    }

    /** {@code save FILE}: {@code text} written whole or not at all, as the draft is. */
    private void write(String argument, String text, String what) {
        if (argument.isEmpty()) {
            prompter.println(style.warn("  ! give a file name, e.g. save my-answers.json"));
            return;
        }
        Path target = Path.of(argument);
        try {
            AtomicFiles.write(target, text);
            prompter.println("  " + what + " written to " + target);
        } catch (IOException | RuntimeException e) {
            prompter.println(style.error("  ! cannot write " + target + ": " + e.getMessage()));
        }
    }

    // One reload path for the console and `serve --watch`: the holder takes new rules only once they compile
    // and pass the check (the lint, and the smoke set plus this consultation's answers under the time limit).
    private Advice reload(Advice advice) {
        if (reloads == null) {
            prompter.println(style.error("  ! reload is not available here"));
            return advice;
        }
        if (checked == null) {
            checked = reloads.over(questionnaire, () -> currentAnswers);
            checkedAdvisor = Advisor.following(checked);
        }
        currentAnswers = advice.answers();
        prompter.println(style.dim("  (compiling and checking the rules...)"));
        CheckedRules.Reload reloaded = checked.reload();
        if (!reloaded.taken()) {
            prompter.println(style.error("The new rules cannot be used:"));
            for (RuleError error : reloaded.errors()) {
                prompter.println("  " + error);
            }
            prompter.println(style.warn("  Kept the last good rules; fix the file and type reload again."));
            return advice;
        }
        Advice after;
        try {
            after = checkedAdvisor.get().advise(advice.answers());
        } catch (RuntimeException failure) {
            RuleFailures.showUnusable(prompter, style, failure);
            prompter.println(style.warn("  Kept the last good rules; fix the file and type reload again."));
            return advice;
        }
        advisor = checkedAdvisor.get();
        prompter.println("  rules reloaded (" + reloaded.ruleCount() + " rules):");
        ResultView.diff(advice, after, style).forEach(prompter::println);
        return after;
    }
}
