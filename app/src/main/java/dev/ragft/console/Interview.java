package dev.ragft.console;

import dev.ragft.questionnaire.Values;
import dev.ragft.questionnaire.Answers;
import dev.ragft.InputError;
import dev.ragft.InvalidAnswersException;
import dev.ragft.questionnaire.Choice;
import dev.ragft.questionnaire.Criterion;
import dev.ragft.questionnaire.Question;
import dev.ragft.questionnaire.QuestionType;
import dev.ragft.questionnaire.Questionnaire;
import dev.ragft.questionnaire.Section;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The question-and-answer part of the console, with no terminal of its own: it talks only to a
 * {@link Prompter}, so tests drive it with a scripted one.
 *
 * <p>Answers are kept as an answers file would hold them: a value the user typed, or {@code null} for
 * "asked, and left to the default / unanswered" (Enter on a default, {@code skip}, or accepting the
 * guide's default costs). The draft saved on an interruption is exactly these answers, and a resumed
 * interview asks every question they do not contain, so interrupted-then-resumed equals uninterrupted.
 */
final class Interview {

    /** How the interview ended. */
    enum Outcome { COMPLETE, QUIT, INTERRUPTED, END_OF_INPUT }

    /**
     * The answers at the end, complete or not.
     *
     * @param skipped questions left out because they cannot change the outcome, in questionnaire order; they
     *     are not in {@code answers} (so a saved or resumed consultation leaves them to their defaults too)
     */
    record Result(Outcome outcome, Answers answers, List<String> skipped) {
        Result {
            skipped = List.copyOf(skipped);
        }
    }

    static final List<String> COMMANDS = List.of("help", "why", "back", "skip", "all", "quit");

    /** How many magnitudes of a whole-number answer {@code why} tries (10, 100, ... ). */
    private static final int TRIED_NUMBERS = 6;
    private static final String GATE = "(default costs)";

    private enum Gate { UNDECIDED, ACCEPTED, DECLINED }

    /** One answered step, so {@code back} can undo exactly what it set. */
    private record Step(String slot, List<String> ids) {
    }

    private final Questionnaire questionnaire;
    private final Prompter prompter;
    private final QuestionFilter filter;
    private final RuleCatalog catalog;
    private final ChoiceOutcomes outcomes;
    private final Set<String> given;
    private final Style style;

    // Read by the shutdown hook that saves a draft when the process is killed.
    private volatile Answers answers;
    private final Deque<Step> history = new ArrayDeque<>();
    private final Map<String, Object> previous = new HashMap<>();
    private Gate gate = Gate.UNDECIDED;
    private String shownSection;
    /** Set by the {@code all} command: from then on nothing is skipped. */
    private boolean askAll;
    /** The open questions being skipped now, and the set last announced to the user. */
    private Set<String> skipping = Set.of();
    private Set<String> announced = Set.of();

    /**
     * @param given answers the user supplied up front ({@code --answers}); never asked
     * @param resumed answers of an interrupted consultation; not asked again, but {@code back} reaches them
     */
    Interview(Questionnaire questionnaire, Prompter prompter, QuestionFilter filter, RuleCatalog catalog,
              Answers given, Answers resumed) {
        this(questionnaire, prompter, filter, catalog, ChoiceOutcomes.NONE, given, resumed);
    }

    /** @param outcomes what each answer to a question would make the recommendation, for {@code why} */
    Interview(Questionnaire questionnaire, Prompter prompter, QuestionFilter filter, RuleCatalog catalog,
              ChoiceOutcomes outcomes, Answers given, Answers resumed) {
        this.outcomes = outcomes;
        this.questionnaire = questionnaire;
        this.prompter = prompter;
        this.filter = filter;
        this.catalog = catalog;
        this.style = prompter.style();
        this.given = new LinkedHashSet<>(given.ids());
        Map<String, Object> merged = new java.util.LinkedHashMap<>(resumed.asMap());
        merged.putAll(given.asMap());
        this.answers = Answers.of(merged);
        for (Question q : questionnaire.questions()) {
            if (resumed.contains(q.id()) && !given.contains(q.id())) {
                history.push(new Step(q.id(), List.of(q.id())));
            }
        }
    }

    /** Told the answers after each change, before the next question is asked (null: nobody listens). */
    private java.util.function.Consumer<Answers> onChange;
    private Answers reported;

    /**
     * Calls {@code listener} with the answers so far each time they change, before the next question is
     * asked; the console writes its draft there, so every answer given is on disk.
     */
    void onChange(java.util.function.Consumer<Answers> listener) {
        this.onChange = listener;
        this.reported = answers;
    }

    /** The answers so far (for the draft saved when the process is killed). */
    Answers answers() {
        return questionnaire.normalize(answers);
    }

    Result run() {
        while (true) {
            if (onChange != null && answers != reported) {
                reported = answers;
                onChange.accept(answers());
            }
            refreshSkipping();
            List<String> plan = plan();
            int index = firstOpen(plan);
            if (index < 0) {
                return result(Outcome.COMPLETE);
            }
            Action action;
            try {
                String slot = plan.get(index);
                String progress = "[" + (index + 1) + "/" + plan.size() + "]";
                action = GATE.equals(slot) ? askGate(progress) : ask(questionnaire.question(slot).orElseThrow(), progress);
            } catch (Prompter.Interrupted e) {
                return result(Outcome.INTERRUPTED);
            } catch (Prompter.EndOfInput e) {
                return result(Outcome.END_OF_INPUT);
            }
            if (action == Action.QUIT) {
                return result(Outcome.QUIT);
            }
            if (action == Action.BACK) {
                back();
            }
        }
    }

    private Result result(Outcome outcome) {
        List<String> skipped = new ArrayList<>();
        for (Question q : questionnaire.questions()) {
            if (skipping.contains(q.id()) && !answers.contains(q.id())) {
                skipped.add(q.id());
            }
        }
        return new Result(outcome, answers(), skipped);
    }

    /** NEXT also after {@code all}: the plan is recomputed before every question anyway. */
    private enum Action { NEXT, BACK, QUIT }

    /**
     * Asks the filter which open questions can be left out, and says so when that set changes. Open means
     * not answered, not supplied up front, and not ruled out by an askWhen condition whose question is
     * answered (one whose question is still open stays in: its answer may yet make it asked). Questions
     * that must be answered (no default for this case) are never left out.
     */
    private void refreshSkipping() {
        if (askAll) {
            skipping = Set.of();
            return;
        }
        Set<String> remaining = new LinkedHashSet<>();
        for (Question q : questionnaire.questions()) {
            if (answers.contains(q.id()) || given.contains(q.id())) {
                continue;
            }
            boolean conditionOpen = q.askWhen() != null && remaining.contains(q.askWhen().question());
            if (conditionOpen || questionnaire.isAsked(q, answers)) {
                remaining.add(q.id());
            }
        }
        Set<String> skip = new LinkedHashSet<>();
        for (String id : filter.skippable(answers, remaining)) {
            Question q = questionnaire.question(id).orElse(null);
            if (q != null && remaining.contains(id) && !mustAnswer(q)) {
                skip.add(id);
            }
        }
        skipping = skip;
        if (!skip.isEmpty() && !skip.equals(announced)) {
            List<String> lines = new ArrayList<>();
            ResultView.wrap(lines, skip.size() + " remaining question" + (skip.size() == 1 ? "" : "s")
                    + " cannot change the outcome (" + String.join(", ", skip) + "); type all to answer "
                    + (skip.size() == 1 ? "it" : "them") + " anyway.", "  ", prompter.width());
            prompter.println("");
            lines.forEach(line -> prompter.println(style.dim(line)));
        }
        if (!skip.isEmpty()) {
            announced = skip;
        }
    }

    /** The {@code all} command: ask every question from now on, including those being skipped. */
    private void askEverything() {
        askAll = true;
        prompter.println(style.dim(skipping.isEmpty() ? "  (every question will be asked; none was being skipped)"
                : "  (every question will be asked, including the " + skipping.size() + " that were being skipped)"));
    }

    /**
     * The slots the interview will show given the answers so far: asked questions not supplied up front,
     * with the default-costs question standing in for the cost questions unless it was declined.
     */
    private List<String> plan() {
        List<String> plan = new ArrayList<>();
        boolean gateAdded = false;
        for (Question q : questionnaire.questions()) {
            if (given.contains(q.id()) || !questionnaire.isAsked(q, answers) || skipping.contains(q.id())) {
                continue;
            }
            if (q.costDefaults()) {
                if (!gateAdded) {
                    plan.add(GATE);
                    gateAdded = true;
                }
                if (gate == Gate.DECLINED || mustAnswer(q) || (gate == Gate.UNDECIDED && answers.contains(q.id()))) {
                    plan.add(q.id());
                }
                continue;
            }
            plan.add(q.id());
        }
        return plan;
    }

    private int firstOpen(List<String> plan) {
        for (int i = 0; i < plan.size(); i++) {
            String slot = plan.get(i);
            boolean open = GATE.equals(slot) ? gate == Gate.UNDECIDED && !gateCovered() : !answers.contains(slot);
            if (open) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Whether the gate has nothing to offer: every cost question it stands for already has an answer (e.g.
     * after a resume), or may stay blank with no default (a per-token price when prices are given per query).
     */
    private boolean gateCovered() {
        return gateQuestions().stream().allMatch(q -> answers.contains(q.id())
                || (questionnaire.defaultFor(q.id(), answers).isEmpty() && !mustAnswer(q)));
    }

    private List<Question> gateQuestions() {
        List<Question> list = new ArrayList<>();
        for (Question q : questionnaire.questions()) {
            if (q.costDefaults() && !given.contains(q.id()) && questionnaire.isAsked(q, answers) && !skipping.contains(q.id())) {
                list.add(q);
            }
        }
        return list;
    }

    /** Required, or its default depends on an answer for which the guide gives none (405B inference). */
    private boolean mustAnswer(Question q) {
        if (q.required()) {
            return true;
        }
        if (q.defaultValue() == null || !q.defaultValue().isDependent()) {
            return false;
        }
        // Only once the answer it depends on is known: before that the default may still exist.
        String on = q.defaultValue().dependsOn();
        boolean known = answers.get(on) != null || questionnaire.defaultFor(on, answers).isPresent();
        return known && questionnaire.defaultFor(q.id(), answers).isEmpty();
    }

    private void back() {
        if (history.isEmpty()) {
            prompter.println(style.dim("  (this is the first question; there is nothing to go back to)"));
            return;
        }
        Step step = history.pop();
        for (String id : step.ids()) {
            if (answers.get(id) != null) {
                previous.put(id, answers.get(id));
            }
            answers = answers.without(id);
        }
        if (GATE.equals(step.slot())) {
            gate = Gate.UNDECIDED;
        }
    }

    private void header(String sectionId) {
        if (sectionId.equals(shownSection)) {
            return;
        }
        shownSection = sectionId;
        String title = questionnaire.sections().stream().filter(s -> s.id().equals(sectionId))
                .map(Section::title).findFirst().orElse(sectionId);
        prompter.println("");
        prompter.println(style.heading(title, 60));
    }

    private Action ask(Question q, String progress) throws Prompter.EndOfInput, Prompter.Interrupted {
        header(q.section());
        prompter.println("");
        prompter.println(style.accent(progress) + " " + style.bold(q.prompt()));
        List<String> words = new ArrayList<>(COMMANDS);
        if (q.type() == QuestionType.ENUM) {
            for (int i = 0; i < q.choices().size(); i++) {
                Choice c = q.choices().get(i);
                // Padded by hand: String.format would load the locale data (about 20 ms on a cold JVM)
                // just before the first question is shown.
                StringBuilder line = new StringBuilder("    ").append(i + 1).append(") ").append(c.value());
                line.append(" ".repeat(Math.max(1, 14 - c.value().length())));
                prompter.println(line.append(style.dim(c.label() == null ? "" : c.label())).toString());
                words.add(c.value().toLowerCase(Locale.ROOT));
            }
        } else if (q.type() == QuestionType.BOOLEAN) {
            words.addAll(List.of("yes", "no"));
        }
        Object kept = previous.get(q.id());
        Optional<Object> fallback = questionnaire.defaultFor(q.id(), answers);
        String bracket = kept != null ? Values.show(q, kept)
                : fallback.map(v -> Values.show(q, v)).orElse(null);
        String hint = hint(q);
        String prompt = "  " + (hint.isEmpty() ? "" : style.dim(hint) + " ")
                + (bracket == null ? "" : "[" + bracket + "] ") + "> ";
        while (true) {
            String line = prompter.readLine(prompt, words).trim();
            String command = line.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
            Action moved = navigation(command);
            if (moved != null) {
                return moved;
            }
            switch (command) {
                case "help", "?" -> {
                    help(q);
                    continue;
                }
                case "why" -> {
                    whyChoices(q);
                    continue;
                }
                case "why rules" -> {
                    whyRules(q.criteria());
                    continue;
                }
                case "skip" -> {
                    if (mustAnswer(q)) {
                        prompter.println(style.warn("  ! this question cannot be skipped: " + requiredReason(q)));
                        continue;
                    }
                    record(q, null);
                    prompter.println(style.dim("  (skipped" + (fallback.isPresent()
                            ? "; the default " + Values.show(q, fallback.get()) + " applies)" : "; left unanswered)")));
                    return Action.NEXT;
                }
                default -> {
                }
            }
            if (line.isEmpty()) {
                if (kept != null) {
                    record(q, kept);
                    return Action.NEXT;
                }
                if (fallback.isPresent()) {
                    record(q, null);
                    return Action.NEXT;
                }
                if (mustAnswer(q)) {
                    prompter.println(style.warn("  ! an answer is needed: " + requiredReason(q)
                            + " (type help for what it means)"));
                    continue;
                }
                record(q, null);
                prompter.println(style.dim("  (left unanswered)"));
                return Action.NEXT;
            }
            try {
                record(q, q.parseText(line));
                return Action.NEXT;
            } catch (InvalidAnswersException e) {
                for (InputError error : e.errors()) {
                    prompter.println(style.warn("  ! " + error.message()) + style.dim(" (help, back, quit)"));
                }
            }
        }
    }

    private String requiredReason(Question q) {
        if (q.required()) {
            return "the advice needs it and there is no default";
        }
        return "the guide gives no default for this case";
    }

    private void record(Question q, Object value) {
        previous.remove(q.id());
        answers = answers.with(q.id(), value);
        history.push(new Step(q.id(), List.of(q.id())));
    }

    private static String hint(Question q) {
        return switch (q.type()) {
            case ENUM -> "(1-" + q.choices().size() + " or a value)";
            case BOOLEAN -> "(yes/no)";
            default -> q.unit() == null ? "" : "(" + q.unit() + ")";
        };
    }

    private Action askGate(String progress) throws Prompter.EndOfInput, Prompter.Interrupted {
        header("costs");
        List<Question> costs = gateQuestions();
        String size = String.valueOf(questionnaire.question("model_size")
                .flatMap(q -> Optional.ofNullable(answers.get("model_size"))
                        .or(() -> questionnaire.defaultFor("model_size", answers))).orElse("?"));
        List<String> shown = new ArrayList<>();
        List<String> without = new ArrayList<>();
        for (Question q : costs) {
            Optional<Object> value = questionnaire.defaultFor(q.id(), answers);
            if (value.isPresent()) {
                shown.add(shortName(q) + " " + Values.show(q, value.get()));
            } else if (mustAnswer(q)) {
                // Only a figure that must be given is announced; one with no default that may stay blank (a
                // serving cost worked out from the volume when not stated) is not asked after the defaults.
                without.add(shortName(q));
            }
        }
        prompter.println("");
        prompter.println(style.accent(progress) + " " + style.bold("Use the guide's default costs for a " + size + " model?"));
        prompter.println("    " + String.join(", ", shown));
        if (!without.isEmpty()) {
            prompter.println(style.dim("    (the guide gives no " + String.join(", ", without) + " for " + size
                    + "; you will be asked for it)"));
        }
        while (true) {
            String line = prompter.readLine("  (yes/no) [Y/n] > ", List.of("yes", "no", "help", "why", "back", "all", "quit"))
                    .trim().toLowerCase(Locale.ROOT);
            Action moved = navigation(line);
            if (moved != null) {
                return moved;
            }
            switch (line) {
                case "", "y", "yes" -> {
                    List<String> set = new ArrayList<>();
                    for (Question q : costs) {
                        if (!answers.contains(q.id()) && questionnaire.defaultFor(q.id(), answers).isPresent()) {
                            answers = answers.with(q.id(), null);
                            set.add(q.id());
                        }
                    }
                    gate = Gate.ACCEPTED;
                    history.push(new Step(GATE, List.copyOf(set)));
                    return Action.NEXT;
                }
                case "n", "no" -> {
                    gate = Gate.DECLINED;
                    history.push(new Step(GATE, List.of()));
                    return Action.NEXT;
                }
                case "help", "?" -> {
                    prompter.println("  Each cost has a default from the guide's cost analysis for the model size you chose;");
                    prompter.println("  answer no to enter your own figures one by one. Guide section: Cost analysis");
                }
                case "why" -> {
                    // Each choice here keeps the recommendation's inputs open (your own figures come next),
                    // so there is no outcome per choice to show: the criteria the costs feed.
                    criteria(costs.stream().flatMap(q -> q.criteria().stream()).distinct().toList());
                    prompter.println(style.dim("  (why rules: the rules behind these criteria)"));
                }
                case "why rules" -> whyRules(costs.stream().flatMap(q -> q.criteria().stream()).distinct().toList());
                case "skip" -> prompter.println(style.warn("  ! answer yes to take the defaults, or no to enter your own"));
                default -> prompter.println(style.warn("  ! expected yes or no, got \"" + line + "\"")
                        + style.dim(" (help, back, quit)"));
            }
        }
    }

    /** What back, quit and all do at any prompt of the interview; {@code null} for anything else. */
    private Action navigation(String command) {
        return switch (command) {
            case "back" -> Action.BACK;
            case "quit", "exit" -> Action.QUIT;
            case "all" -> {
                askEverything();
                yield Action.NEXT;
            }
            default -> null;
        };
    }

    private static String shortName(Question q) {
        return switch (q.id()) {
            case "fine_tune_cost_usd" -> "fine-tune";
            case "data_prep_cost_usd" -> "data prep";
            case "inference_monthly_usd" -> "inference";
            case "retrains_per_year" -> "retrains";
            case "vector_db_monthly_usd" -> "vector DB";
            case "retrieval_cost_per_query_usd" -> "retrieval";
            case "generation_cost_per_query_usd" -> "generation";
            default -> q.id().replace('_', ' ');
        };
    }

    private void help(Question q) {
        prompter.println("  " + q.help());
        prompter.println(style.dim("  Guide section: " + q.guideSection()));
        if (q.type() == QuestionType.INTEGER || q.type() == QuestionType.NUMBER) {
            String range = q.rangeText();
            if (!range.isEmpty()) {
                prompter.println(style.dim("  Allowed: " + range + " (10k, 1.5M, 1,000 and $0.11 are understood)"));
            }
        }
        prompter.println(style.dim("  Commands: help, why, back, " + (mustAnswer(q) ? "" : "skip, ") + "all, quit"));
    }

    /**
     * {@code why}: the criteria this answer feeds, then for each possible answer what the recommendation
     * would be with it, as the rules work it out from the answers so far. Rule names wait for {@code why rules}.
     */
    private void whyChoices(Question q) {
        criteria(q.criteria());
        List<Object> values = tried(q);
        if (!values.isEmpty()) {
            ChoiceOutcomes.Outcomes result = outcomes.outcomes(answers, q, values);
            if (result == null) {
                prompter.println(style.dim("  (the rules are not available, so what each answer would do cannot be shown)"));
            } else {
                prompter.println("  With each answer, the recommendation would be:");
                result.lines().forEach(line -> prompter.println("    " + line));
                if (!result.assumption().isEmpty()) {
                    prompter.println(style.dim("  (" + result.assumption() + ")"));
                }
            }
        }
        prompter.println(style.dim("  (why rules: the rules behind these criteria)"));
    }

    /** The criteria an answer feeds, with their titles. */
    private void criteria(List<String> criterionIds) {
        prompter.println("  This answer feeds " + criterionIds.size() + " criteri" + (criterionIds.size() == 1 ? "on" : "a") + ":");
        for (String id : criterionIds) {
            String title = questionnaire.criterion(id).map(Criterion::title).orElse("");
            prompter.println("    " + style.bold(id) + "  " + style.dim(title));
        }
    }

    /** The answers {@code why} tries: every choice, yes and no, or a few magnitudes of a whole number. */
    private static List<Object> tried(Question q) {
        List<Object> values = new ArrayList<>();
        switch (q.type()) {
            case ENUM -> q.choices().forEach(c -> values.add(c.value()));
            case BOOLEAN -> values.addAll(List.of(Boolean.TRUE, Boolean.FALSE));
            case INTEGER -> {
                long low = q.min() == null ? 1 : Math.max(1, q.min().longValue());
                long high = q.max() == null ? 10_000_000L : q.max().longValue();
                for (long value = 10; value <= high && values.size() < TRIED_NUMBERS; value *= 10) {
                    if (value >= low) {
                        values.add(value);
                    }
                }
            }
            default -> {
                // A cost figure: it moves the totals continuously; what-if after the results shows its effect.
            }
        }
        return values;
    }

    private void whyRules(List<String> criterionIds) {
        List<RuleRef> rules = catalog.rules();
        prompter.println("  This answer feeds " + criterionIds.size() + " criteri" + (criterionIds.size() == 1 ? "on" : "a") + ":");
        for (String id : criterionIds) {
            String title = questionnaire.criterion(id).map(Criterion::title).orElse("");
            prompter.println("    " + style.bold(id) + "  " + style.dim(title));
            List<String> names = new ArrayList<>();
            for (RuleRef rule : rules) {
                if (id.equals(rule.criterion())) {
                    names.add(rule.name() + " (" + rule.file() + ")");
                }
            }
            for (String name : names) {
                prompter.println("      rule: " + name);
            }
            if (names.isEmpty() && !rules.isEmpty()) {
                prompter.println(style.dim("      rules: none in the current policy"));
            }
        }
        if (rules.isEmpty()) {
            prompter.println(style.dim("  (the rules are not available, so only the criteria are listed)"));
        }
    }
}
