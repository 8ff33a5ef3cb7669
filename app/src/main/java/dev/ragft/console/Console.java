package dev.ragft.console;

import dev.ragft.Advice;
import dev.ragft.Advisor;
import dev.ragft.CriterionResult;
import dev.ragft.questionnaire.Answers;
import dev.ragft.Flip;
import dev.ragft.InputError;
import dev.ragft.InvalidAnswersException;
import dev.ragft.RuleDescription;
import dev.ragft.RuleError;
import dev.ragft.RuleFaultException;
import dev.ragft.RulesException;
import dev.ragft.answers.AtomicFiles;
import dev.ragft.questionnaire.Criterion;
import dev.ragft.questionnaire.Question;
import dev.ragft.questionnaire.Questionnaire;
import dev.ragft.questionnaire.Values;
import dev.ragft.policy.CheckedRules;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.StringReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The interactive consultation ({@code ragft} with no subcommand): asks the questionnaire, then shows
 * the advice and takes follow-up commands. Rules compile on a background thread from the first moment,
 * so the first question does not wait for Drools.
 */
public final class Console {

    /** Set by the launcher on the run that records its class archive; see {@link #rehearse}. */
    public static final String CDS_TRAINING_PROPERTY = "ragft.cds.training";

    private static final String FOLLOW_UP_PROMPT = "ragft> ";

    /** Set by the launcher script to the command as the user typed it ({@code ./ragft}), for the resume hint. */
    static final String LAUNCHER_PROPERTY = "ragft.launcher";

    /** What {@link #rehearse} types: a whole consultation, a few commands on the way, then the follow-ups. */
    private static final List<String> REHEARSAL = List.of("help", "why", "sometimes", "weekly", "1", "", "3", "skip",
            "10k", "medium", "800", "no", "yes", "yes", "", "", "5,000", "", "70b", "24", "y",
            "how audit", "what-if monthly_queries=1M", "help", "quit");

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
        JLinePrompter.loadClasses();
        ByteArrayOutputStream shown = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(shown, false, StandardCharsets.UTF_8);
        Prompter plain = new PlainPrompter(new BufferedReader(new StringReader(String.join("\n", REHEARSAL))), out,
                true);
        EarlyPrompter early = new EarlyPrompter(CompletableFuture.completedFuture(plain), out, false);
        Path draft = Files.createTempFile("ragft-rehearsal-", ".json");
        try {
            Console console = new Console(null, draft, new StartSignal(early, new CountDownLatch(1)), false, out,
                    true);
            console.questionnaire = questionnaire.get();
            console.pending = compileAsync(compiler, new CountDownLatch(0));
            Outcome code = console.consult(Answers.empty(), Answers.empty());
            out.flush();
            return code == Outcome.COMPLETED && shown.toString(StandardCharsets.UTF_8).contains(FOLLOW_UP_PROMPT);
        } finally {
            Files.deleteIfExists(draft);
        }
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

    /** How many of the new flips {@code what-if} shows. */
    private static final int WHAT_IF_FLIPS = 3;

    /** The longest the rule compilation waits for the first question to be shown. */
    private static final long START_DELAY_MS = 250;

    /**
     * Makes the holder that reloads and checks the rules for {@code reload} (a rules folder read again, or
     * the packaged rules); null in rehearsals, which never reload.
     */
    private final Reloads reloads;
    /** The advisor over the rules {@link #checked} took at the last reload; null until the first reload. */
    private Supplier<Advisor> checkedAdvisor;
    /** Where the answers are written as they are given; a free copy when another console holds the draft. */
    private Path draft;
    /** The lock on {@link #draft} (null in rehearsals and tests, which use private temporary drafts). */
    private DraftFile lockedDraft;
    /** Whether the draft is saved after every answer; off until a draft is settled on (and for rehearsals). */
    private boolean draftEveryAnswer;
    private final Prompter prompter;
    private final Style style;
    private final boolean terminal;
    private final PrintStream err;
    private final boolean allQuestions;
    private Questionnaire questionnaire;
    private Answers given = Answers.empty();
    /** The questions the interview skipped and that are still unanswered. */
    private List<Question> skipped = List.of();
    private CompletableFuture<Advisor.Rules> pending;
    private Advisor advisor;
    /** Created at the first {@code reload}; keeps the last good rules. */
    private CheckedRules checked;
    /** The answers the next reload's check also tries, so a reload never breaks the consultation on screen. */
    private Answers currentAnswers = Answers.empty();

    private Console(Reloads reloads, Path draft, Prompter prompter, boolean terminal, PrintStream err,
                    boolean allQuestions) {
        this.reloads = reloads;
        this.allQuestions = allQuestions;
        this.draft = draft;
        this.prompter = prompter;
        this.style = prompter.style();
        this.terminal = terminal;
        this.err = err;
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
        Console console = new Console(reloads, locked == null ? draft : locked.path(),
                new StartSignal(prompter, firstPrompt), tty, System.err, allQuestions);
        console.pending = compiling;
        console.lockedDraft = locked;
        console.draftEveryAnswer = locked != null;
        try {
            console.questionnaire = loaded;
            Answers fromDraft = resumed.size() == 0 && locked != null && !locked.isCopyOf(draft)
                    ? console.offerExistingDraft() : resumed;
            return console.consult(given, fromDraft);
        } finally {
            prompter.close();
            if (console.lockedDraft != null) {
                console.lockedDraft.close();
            }
        }
    }

    /**
     * An earlier consultation's draft where this one would write: never overwritten silently. On a
     * terminal the user is asked whether to continue it; otherwise (input from a file or pipe, where
     * every line is an answer) it is kept, this consultation writes to a free copy, and the message says
     * how to resume the earlier one.
     *
     * @return the answers to resume, or none
     */
    private Answers offerExistingDraft() {
        Answers earlier;
        try {
            if (!Files.isRegularFile(draft) || Files.size(draft) == 0) {
                return Answers.empty();
            }
            earlier = Answers.fromJson(dev.ragft.answers.TextInput.read(draft,
                    dev.ragft.answers.TextInput.MAX_ANSWERS_BYTES), draft.toString());
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

    /** For tests: a console over a given prompter, with the rules compiled on the calling thread's demand. */
    static Console forTest(Supplier<Advisor.Rules> compiler, Questionnaire questionnaire, Prompter prompter, Path draft) {
        Console console = new Console(null, draft, prompter, false, System.err, false);
        console.questionnaire = questionnaire;
        console.pending = compileAsync(compiler, new CountDownLatch(0));
        return console;
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
        if (draftEveryAnswer) {
            // Every answer reaches the draft as it is given, so even kill -9 loses nothing answered.
            interview.onChange(this::writeDraftQuietly);
        }
        Thread saver = new Thread(new Runnable() {
            @Override
            public void run() {
                // Killed mid-interview (Ctrl-C without a terminal, SIGTERM, a closed window): keep the answers.
                Answers soFar = interview.answers();
                if (soFar.size() > 0) {
                    try {
                        writeAtomically(draft, soFar.toJson());
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
        Interview.Result result;
        try {
            result = interview.run();
        } finally {
            removeHook(saver);
            if (relevance != null) {
                relevance.close();
            }
        }
        skipped = result.skipped().stream().map(id -> questionnaire.question(id).orElseThrow()).toList();
        switch (result.outcome()) {
            case COMPLETE:
                return finish(result.answers());
            case QUIT:
                saveDraft(result.answers(), "Stopped");
                return Outcome.COMPLETED;
            case INTERRUPTED:
                saveDraft(result.answers(), "Interrupted");
                return Outcome.INTERRUPTED;
            default:
                saveDraft(result.answers(), "The input ended before the last question");
                return terminal ? Outcome.COMPLETED : Outcome.BAD_INPUT;
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // Already running: it saves the draft itself.
        }
    }

    /** Answers with every invalid or unknown entry reported and left out, so those questions get asked. */
    private Answers usable(Answers answers, String from) {
        Set<String> bad = new java.util.HashSet<>();
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

    private boolean draftWriteFailed;

    private void writeDraftQuietly(Answers answers) {
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

    private void saveDraft(Answers answers, String what) {
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
     * How the user started ragft, for the resume hint: the launcher script as it was typed ({@code ./ragft},
     * which the launcher passes in {@value #LAUNCHER_PROPERTY}), else {@code java -jar} and the jar, else
     * plain {@code ragft}.
     */
    static String launcher() {
        String typed = System.getProperty(LAUNCHER_PROPERTY);
        if (typed != null && !typed.isBlank()) {
            return typed.contains(" ") ? "'" + typed + "'" : typed;
        }
        try {
            Path jar = Path.of(Console.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (jar.getFileName() != null && jar.getFileName().toString().endsWith(".jar")) {
                Path shown = jar.startsWith(Path.of("").toAbsolutePath()) ? Path.of("").toAbsolutePath().relativize(jar) : jar;
                return "java -jar " + shown;
            }
        } catch (URISyntaxException | RuntimeException unknown) {
            // Fall through to the name of the command.
        }
        return "ragft";
    }

    static void writeAtomically(Path target, String text) throws IOException {
        AtomicFiles.write(target, text);
    }

    /** The rules for `why`, waiting for the background compilation if needed; empty if it failed. */
    private List<RuleRef> ruleRefs() {
        Advisor current = awaitAdvisor(false);
        if (current == null) {
            return List.of();
        }
        List<RuleRef> refs = new ArrayList<>();
        for (RuleDescription rule : current.rules().descriptions()) {
            refs.add(new RuleRef(rule.name(), rule.file(), rule.criterion(), rule.section()));
        }
        return refs;
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
                showFailure(e.getCause());
            }
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private void showFailure(Throwable failure) {
        if (failure instanceof RulesException rules) {
            prompter.println(style.error("The rules cannot be used:"));
            for (RuleError error : rules.errors()) {
                prompter.println("  " + error);
            }
        } else {
            prompter.println(style.error("The rules cannot be used: " + failure.getMessage()));
        }
    }

    private Outcome finish(Answers answers) {
        Advisor current = awaitAdvisor(true);
        if (current == null) {
            saveDraft(answers, "The consultation is complete but the rules failed to compile");
            return Outcome.RULES_FAILED;
        }
        Advice advice;
        try {
            advice = current.advise(answers);
        } catch (InvalidAnswersException e) {
            for (InputError error : e.errors()) {
                prompter.println(style.error("  " + error.field() + ": " + error.message()));
            }
            saveDraft(answers, "The answers cannot be used yet");
            return Outcome.BAD_INPUT;
        } catch (RuleFaultException fault) {
            showFault(fault);
            saveDraft(answers, "The rules failed on the complete consultation");
            return Outcome.RULES_FAILED;
        } catch (RuntimeException | StackOverflowError e) {
            // A fault in the rules (or a bug): the answers are what must not be lost.
            prompter.println(style.error("ragft: the advice failed: " + (e.getMessage() == null
                    ? e.getClass().getSimpleName() : e.getMessage())));
            saveDraft(answers, "The consultation is complete but the advice failed");
            return Outcome.RULES_FAILED;
        }
        try {
            showResult(advice);
        } catch (RuleFaultException fault) {
            // The analysis tries other answers, and one of them reached the faulty rule.
            showFault(fault);
            saveDraft(answers, "The rules failed while explaining the advice");
            return Outcome.RULES_FAILED;
        }
        Outcome code = followUp(advice);
        if (lockedDraft != null && draftEveryAnswer) {
            // The consultation ended normally after its result: the draft has served its purpose (a kill
            // before this point leaves it, complete, for --resume).
            try {
                lockedDraft.delete();
            } catch (IOException ignored) {
                // A leftover draft is offered next time, never overwritten; nothing is lost.
            }
        }
        return code;
    }

    /** The full trace, then the summary last, so it is what is on screen when the prompt returns. */
    private void showResult(Advice advice) {
        showDetails(advice);
        ResultView.summary(advice, style, prompter.width()).forEach(prompter::println);
    }

    private void showDetails(Advice advice) {
        for (String line : ResultView.render(advice, style, ChangeHints.of(advisor), skipped, prompter.width())) {
            prompter.println(line);
        }
    }

    /**
     * For {@code why}: the recommendation with each of {@code values} for {@code question}, from the answers
     * so far. Questions still to come take their defaults; those without one (required answers) are tried
     * at each of their choices, or a few magnitudes of a number, and every outcome found is shown.
     */
    private ChoiceOutcomes.Outcomes outcomes(Answers soFar, Question question, List<Object> values) {
        Advisor current = awaitAdvisor(false);
        if (current == null) {
            return null;
        }
        Answers base = soFar.without(question.id());
        Set<String> open = new LinkedHashSet<>();
        for (Object value : values) {
            for (InputError error : questionnaire.validate(base.with(question.id(), value))) {
                if (!error.field().equals(question.id()) && questionnaire.question(error.field()).isPresent()) {
                    open.add(error.field());
                }
            }
        }
        List<Answers> variants = List.of(Answers.empty());
        for (String id : open) {
            List<Answers> next = new ArrayList<>();
            for (Answers variant : variants) {
                for (Object sample : samples(questionnaire.question(id).orElseThrow())) {
                    next.add(variant.with(id, sample));
                }
            }
            variants = next;
        }
        List<String> lines = new ArrayList<>();
        int width = values.stream().mapToInt(v -> Values.show(question, v).length()).max().orElse(0);
        for (Object value : values) {
            Set<String> strategies = new TreeSet<>();
            Map<String, Set<String>> criteria = new LinkedHashMap<>();
            question.criteria().forEach(id -> criteria.put(id, new TreeSet<>()));
            for (Answers variant : variants) {
                Answers tried = base.with(question.id(), value);
                for (String id : variant.ids()) {
                    tried = tried.with(id, variant.get(id));
                }
                Advice advice;
                try {
                    advice = current.advise(tried);
                } catch (InvalidAnswersException notAdvisable) {
                    continue;
                }
                strategies.add(advice.strategy() + (variants.size() == 1 ? " (" + advice.confidence() + ")" : ""));
                for (CriterionResult c : advice.criteria()) {
                    if (criteria.containsKey(c.id())) {
                        criteria.get(c.id()).add(c.favors().name());
                    }
                }
            }
            List<String> fed = new ArrayList<>();
            criteria.forEach((id, favours) -> {
                if (!favours.isEmpty()) {
                    fed.add(id + " " + String.join("/", favours));
                }
            });
            String shown = Values.show(question, value);
            lines.add(shown + " ".repeat(width - shown.length() + 2)
                    + (strategies.isEmpty() ? "cannot be advised" : String.join(" or ", strategies))
                    + (fed.isEmpty() ? "" : "; " + String.join(", ", fed)));
        }
        String assumption = open.isEmpty() ? "from the answers so far; the questions still to come at their defaults"
                : "from the answers so far; " + String.join(", ", open) + " (no default) tried at each of "
                + (open.size() == 1 ? "its" : "their") + " values, " + variants.size() + " combinations; the rest at "
                + "their defaults";
        return new ChoiceOutcomes.Outcomes(lines, assumption);
    }

    /** The values {@code why} tries for a question still to come that has no default. */
    private static List<Object> samples(Question q) {
        return switch (q.type()) {
            case ENUM -> q.choices().stream().map(c -> (Object) c.value()).toList();
            case BOOLEAN -> List.of(Boolean.TRUE, Boolean.FALSE);
            default -> List.of(100L, 10_000L, 1_000_000L);
        };
    }

    private List<String> followUpWords(Advice advice) {
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

    private Outcome followUp(Advice first) {
        Advice advice = first;
        prompter.println("");
        prompter.println(style.dim("Next: details (the full trace), how <criterion-id>, what-if <id>=<value>, save <file>, "
                + "report <file>, reload, help, quit"
                + (skipped.isEmpty() ? "" : "; all asks the " + skipped.size() + " skipped question" + (skipped.size() == 1 ? "" : "s"))));
        List<String> words = followUpWords(advice);
        while (true) {
            String line;
            try {
                line = prompter.readLine(FOLLOW_UP_PROMPT, words).trim();
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
                advice = followUpCommand(advice, command, argument, parts[0]);
            } catch (RuleFaultException fault) {
                showFault(fault); // the rules failed on changed answers; the last good result stands
            } catch (RuntimeException | StackOverflowError e) {
                // A what-if or reload that trips a fault in the rules: the last good result stands.
                prompter.println(style.error("  ! " + command + " failed: " + (e.getMessage() == null
                        ? e.getClass().getSimpleName() : e.getMessage()) + "; the last result stands"));
            }
        }
    }

    private Advice followUpCommand(Advice current, String command, String argument, String typed) {
        Advice advice = current;
        switch (command) {
            case "help", "?" -> followUpHelp();
            case "details", "trace" -> showDetails(advice);
            case "how" -> {
                if (argument.isEmpty()) {
                    prompter.println(style.warn("  ! how needs a criterion id, e.g. how cost.payback"));
                } else {
                    ResultView.how(advice, argument, ruleRefs(), style, prompter.width()).forEach(prompter::println);
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

    private void followUpHelp() {
        prompter.println("  details                  the full result again: criteria, costs, caveats, what would change it");
        prompter.println("  how <criterion-id>       the rules that fired for a criterion, the answers they read, the guide section");
        prompter.println("  what-if <id>=<value> ... advise again with changed answers and show what moved");
        prompter.println("  save <file>              write the answers as a JSON answers file (for ragft advise)");
        prompter.println("  report <file>            write the full report: .html, .md, .json or .txt picks the format");
        prompter.println("  all                      answer the questions that were skipped (they cannot change the outcome)");
        prompter.println("  reload                   recompile the rules folder and advise again (a broken edit keeps the old rules)");
        prompter.println("  quit                     leave");
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
            showFault(fault);
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
        Interview rest = new Interview(questionnaire, prompter, QuestionFilter.ALL, this::ruleRefs, this::outcomes, given,
                advice.answers());
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
            showFault(fault);
            prompter.println(style.dim("  (the results above stand)"));
            return advice;
        }
        skipped = List.of();
        prompter.println("  with every question answered:");
        ResultView.diff(advice, after, style).forEach(prompter::println);
        return after;
    }

    private void write(String argument, String text, String what) {
        if (argument.isEmpty()) {
            prompter.println(style.warn("  ! give a file name, e.g. save my-answers.json"));
            return;
        }
        Path target = Path.of(argument);
        try {
            writeAtomically(target, text);
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
            showFailure(failure);
            prompter.println(style.warn("  Kept the last good rules; fix the file and type reload again."));
            return advice;
        }
        advisor = checkedAdvisor.get();
        prompter.println("  rules reloaded (" + reloaded.ruleCount() + " rules):");
        ResultView.diff(advice, after, style).forEach(prompter::println);
        return after;
    }

    /** A rule failed on these answers: what the user sees; the result and the answers so far stay. */
    private void showFault(RuleFaultException fault) {
        prompter.println(style.error("A rule failed on these answers:"));
        for (RuleError error : fault.errors()) {
            prompter.println("  " + error);
        }
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
