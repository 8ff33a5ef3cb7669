package dev.ragft.cli;

import dev.ragft.Advice;
import dev.ragft.answers.Consultation;
import dev.ragft.policy.OutcomeDiff;
import dev.ragft.policy.RuleFiles;
import dev.ragft.questionnaire.Answers;
import dev.ragft.questionnaire.Questionnaire;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ragft rules diff}: which saved consultations an edit of the rules would change. */
@Command(name = "diff", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Show which saved consultations an edit of the rules changes.",
            "",
            "Replays consultations (example files or plain answers files) under the base rules and the "
                + "current rules, and lists those whose strategy or confidence changes, with the criteria "
                + "whose findings moved (favour and weight). Changed policy values come first. It is a "
                + "report: exit 0.",
            ""},
        footer = {"", "Exit codes: 0 report printed, 3 a rule set does not load, 2 bad usage or file.",
            "Examples:",
            "  ragft rules diff --base rules --rules /tmp/new-rules",
            "  ragft rules diff --base /tmp/old-rules \\",
            "      --consultations questionnaires/examples --consultations saved/"})
final class RulesDiffCommand implements Callable<Integer> {

    @Option(names = "--base", required = true, paramLabel = "DIR", description = "The rules to compare against.")
    Path base;

    @Mixin
    PolicyOptions policy;

    @Option(names = "--consultations", paramLabel = "DIR|FILE",
            description = "Consultations to replay (repeatable; default: questionnaires/examples of the checkout).")
    List<Path> consultations = new ArrayList<>();

    @Option(names = "--all", description = "Also list consultations whose outcome stays but whose findings moved.")
    boolean all;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        List<Path> sources = new ArrayList<>(consultations);
        if (sources.isEmpty()) {
            Path examples = PolicyOptions.fromHome("questionnaires/examples");
            if (examples == null) {
                throw new Cli.UsageProblem("no examples folder found; name consultations with --consultations DIR");
            }
            sources.add(examples);
        }
        List<Consultation> replay = read(sources);
        RuleFiles baseSource;
        try {
            baseSource = RuleFiles.read(base);
        } catch (IOException e) {
            throw new Cli.UsageProblem("--base " + e.getMessage());
        }
        RuleFiles currentSource = policy.ruleFiles();
        Questionnaire questionnaire = policy.loadQuestionnaire();
        // Compile errors of either side surface as RulesException: exit 3 with file:line:column.
        Function<Answers, Advice> before = baseSource.compile().adviser(questionnaire);
        Function<Answers, Advice> after = currentSource.compile().adviser(questionnaire);

        PrintWriter out = spec.commandLine().getOut();
        out.println("rules diff: base " + baseSource.origin() + " -> current " + currentSource.origin() + ", "
                + replay.size() + " consultation" + (replay.size() == 1 ? "" : "s"));
        List<OutcomeDiff.PolicyChange> policyChanges = OutcomeDiff.policyChanges(baseSource, currentSource);
        for (OutcomeDiff.PolicyChange change : policyChanges) {
            out.println("  policy " + change.key() + ": " + show(change.before()) + " -> " + show(change.after()));
        }
        int width = 8;
        for (Consultation c : replay) {
            width = Math.max(width, c.name().length());
        }
        int changed = 0;
        int movedOnly = 0;
        for (Consultation consultation : replay) {
            OutcomeDiff.Change change = OutcomeDiff.compare(before, after, consultation);
            if (change.outcomeChanged()) {
                changed++;
            } else if (!change.moved().isEmpty()) {
                movedOnly++;
            }
            if (change.outcomeChanged() || (all && !change.moved().isEmpty())) {
                out.printf(Locale.ROOT, "%s  %-" + width + "s  %s -> %s%n", change.outcomeChanged() ? "CHANGED" : "same   ",
                        consultation.name(), change.before(), change.after());
                int criterionWidth = change.moved().stream().mapToInt(m -> m.criterion().length()).max().orElse(0);
                for (OutcomeDiff.Moved moved : change.moved()) {
                    out.printf(Locale.ROOT, "           %-" + criterionWidth + "s  %s -> %s%n", moved.criterion(),
                            moved.before(), moved.after());
                }
            }
        }
        out.println("rules diff: " + changed + " of " + replay.size() + " change strategy or confidence"
                + (movedOnly > 0 ? "; " + movedOnly + " more keep" + (movedOnly == 1 ? "s its" : " their")
                        + " outcome with moved findings"
                        + (all ? "" : " (--all lists them)") : ""));
        out.flush();
        return ExitCodes.OK;
    }

    static List<Consultation> read(List<Path> paths) {
        List<Consultation> all = new ArrayList<>();
        for (Path path : paths) {
            all.addAll(RulesTestCommand.readAll(path));
        }
        return all;
    }

    private static String show(Double value) {
        if (value == null) {
            return "(absent)";
        }
        return value == Math.rint(value) ? String.valueOf(value.longValue()) : String.valueOf(value);
    }
}
