package dev.ragft.cli;

import dev.ragft.Advisor;
import dev.ragft.answers.Consultation;
import dev.ragft.answers.Consultations;
import dev.ragft.policy.ScenarioRun;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ragft rules test}: every example consultation with an expectation, pass or fail. */
@Command(name = "test", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run the example consultations that state an expectation.",
            "",
            "Prints pass/fail per example, and for each failure what was expected and what came out. An "
                + "example is a JSON file:",
            "  {\"description\": \"...\", \"answers\": {question ids...},",
            "   \"expect\": {\"strategy\": \"RAG\", \"confidence\": \"HIGH\",",
            "     \"costs\": {\"RAG\": 1920}, \"breakEvenMonth\": 10,",
            "     \"caveats\": [\"data.below-minimum\"],",
            "     \"criteria\": {\"rag.frequent-data-changes\": \"RAG\"}}}",
            "Only \"strategy\" is required in \"expect\"; files without \"expect\" are skipped."},
        footer = {"", "Exit codes: 0 all passed, 4 an expectation was not met, 3 rules do not compile, 2 bad file.",
            "Examples:",
            "  ragft rules test",
            "  ragft rules test --rules /tmp/new-rules --scenarios my-examples/"})
final class RulesTestCommand implements Callable<Integer> {

    @Mixin
    PolicyOptions policy;

    @Option(names = "--scenarios", paramLabel = "DIR",
            description = "Folder of example consultations (default: questionnaires/examples of the checkout).")
    Path scenarios;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Path folder = scenarios != null ? scenarios : PolicyOptions.fromHome("questionnaires/examples");
        if (folder == null) {
            throw new Cli.UsageProblem("no examples folder found; name one with --scenarios DIR");
        }
        List<Consultation> consultations = RulesDiffCommand.read(List.of(folder));
        Advisor advisor = policy.advisor();
        PrintWriter out = spec.commandLine().getOut();
        int width = 8;
        for (Consultation c : consultations) {
            width = Math.max(width, c.name().length());
        }
        List<ScenarioRun.Result> results = new ArrayList<>();
        int skipped = 0;
        for (Consultation consultation : consultations) {
            if (consultation.expect() == null) {
                skipped++;
                continue;
            }
            ScenarioRun.Result result = ScenarioRun.run(advisor::advise, consultation);
            results.add(result);
            out.printf(Locale.ROOT, "%s  %-" + width + "s  %s%n", result.passed() ? "PASS" : "FAIL",
                    consultation.name(), result.outcome());
            int whatWidth = result.mismatches().stream().mapToInt(m -> m.what().length()).max().orElse(0);
            int expectedWidth = result.mismatches().stream().mapToInt(m -> m.expected().length()).max().orElse(0);
            for (ScenarioRun.Mismatch mismatch : result.mismatches()) {
                out.printf(Locale.ROOT, "        %-" + whatWidth + "s  expected %-" + expectedWidth + "s  got %s%n",
                        mismatch.what(), mismatch.expected(), mismatch.actual());
            }
        }
        long failed = results.stream().filter(r -> !r.passed()).count();
        out.println("rules test: " + (results.size() - failed) + " passed, " + failed + " failed"
                + (skipped > 0 ? ", " + skipped + " without expectation (skipped)" : "") + " in " + folder);
        out.flush();
        if (results.isEmpty()) {
            throw new Cli.UsageProblem(folder + ": no consultation with an \"expect\" to test");
        }
        return failed > 0 ? ExitCodes.EXPECTATIONS : ExitCodes.OK;
    }

    static List<Consultation> readAll(Path folder) {
        try {
            return Consultations.readPath(folder);
        } catch (IOException e) {
            throw new Cli.UsageProblem(folder + ": cannot read: " + e.getMessage());
        } catch (Consultations.ConsultationException e) {
            throw new Cli.UsageProblem(e.getMessage());
        }
    }
}
