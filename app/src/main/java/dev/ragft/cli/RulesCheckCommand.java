package dev.ragft.cli;

import dev.ragft.RuleError;
import dev.ragft.RulesException;
import dev.ragft.facts.Confidence;
import dev.ragft.facts.Strategy;
import dev.ragft.policy.ExhaustiveCheck;
import dev.ragft.policy.Problem;
import dev.ragft.policy.RuleFiles;
import dev.ragft.policy.RulesCheck;
import dev.ragft.questionnaire.Questionnaire;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ragft rules check}: compile, lint and optionally prove properties over every discrete case. */
@Command(name = "check", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Compile the rules, lint them, and optionally check every discrete case.",
            "",
            "Problems print as FILE:LINE:COLUMN: error|warning: MESSAGE. Errors: DRL that does not "
                + "compile; a rule without @criterion (a catalog id, or \"decision\") or @section; a catalog "
                + "criterion no rule produces; a policy value missing, mistyped or out of range (weights "
                + "0-10, fractions 0-1, counts whole, thresholds in order); a rule that modifies, updates, "
                + "deletes or calls a setter on an input fact (Profile, CostFacts, Policy); a rule without a "
                + "weight for its criterion; no decision layer. Warnings: policy values no rule uses, weights of 0.",
            "",
            "Then a smoke set is advised and analysed under the time limit: the example consultations "
                + "beside the questionnaire and generated extremes (every answer lowest, highest, alternating, "
                + "only the required ones). A rule that throws, loops, fires or inserts without end, or a "
                + "consultation without exactly one recommendation, is an error naming the rule, its file:line "
                + "and the answers.",
            "",
            "--exhaustive then evaluates every combination of the discrete answers (about 220,000 "
                + "consultations, costs at defaults) and checks that each has exactly one recommendation, no "
                + "exception, respects the blockers and lists every criterion. Each kind of violation is "
                + "written as a minimal answers file that reproduces it."},
        footer = {"", "Exit codes: 0 no errors (warnings allowed), 3 errors or violations, 2 bad usage.",
            "Examples:",
            "  ragft rules check",
            "  ragft rules check --rules /tmp/new-rules --exhaustive"})
final class RulesCheckCommand implements Callable<Integer> {

    @Mixin
    PolicyOptions policy;

    @Option(names = "--exhaustive", description = "Also evaluate every combination of the discrete answers.")
    boolean exhaustive;

    @Option(names = "--threads", paramLabel = "N",
            description = "Threads for --exhaustive (default: the number of processors, here ${DEFAULT-VALUE}).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--violations", paramLabel = "DIR",
            description = "Where --exhaustive writes the answers files that reproduce violations"
                    + " (default: a new folder in the system temp folder).")
    Path violations;

    @Option(names = {"-v", "--verbose"}, description = "With --exhaustive, list the values each answer takes.")
    boolean verbose;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (threads < 1) {
            throw new Cli.UsageProblem("--threads must be at least 1");
        }
        policy.applyLimits();
        RuleFiles source = policy.ruleFiles();
        String origin = source.origin();
        Questionnaire questionnaire = policy.loadQuestionnaire();
        RuleFiles.Compiled rules;
        try {
            rules = source.compile();
        } catch (RulesException e) {
            for (RuleError error : e.errors()) {
                out.println(error.file() + ":" + error.line() + ":" + error.column() + ": error: " + error.message());
            }
            out.println("rules check: " + origin + " cannot be loaded (" + count(e.errors().size(), "error") + ")");
            out.flush();
            return ExitCodes.RULES;
        }
        RulesCheck.Report report = RulesCheck.run(rules, questionnaire, policy.examples());
        if (!report.loadErrors().isEmpty()) {
            for (RuleError error : report.loadErrors()) {
                out.println(error.file() + ":" + error.line() + ":" + error.column() + ": error: " + error.message());
            }
            out.println("rules check: " + origin + " cannot be loaded ("
                    + count(report.loadErrors().size(), "error") + ")");
            out.flush();
            return ExitCodes.RULES;
        }
        questionnaire = report.catalog();
        List<Problem> problems = report.problems();
        problems.forEach(out::println);
        long errors = problems.stream().filter(p -> p.severity() == Problem.Severity.ERROR).count();
        long warnings = problems.size() - errors;
        out.println("rules check: " + origin + ": " + count(source.drlCount(), "file") + ", "
                + count(rules.ruleCount(), "rule") + ", " + questionnaire.criteria().size() + " criteria, "
                + report.smoke().advised() + " of " + count(report.smoke().cases(), "smoke consultation")
                + " advised and analysed within " + report.timeLimit() + " each; " + count(errors, "error") + ", "
                + count(warnings, "warning"));
        if (errors > 0) {
            if (exhaustive) {
                out.println("exhaustive: not run; fix the errors first");
            }
            out.flush();
            return ExitCodes.RULES;
        }
        if (exhaustive && !exhaustive(out, questionnaire, rules)) {
            out.flush();
            return ExitCodes.RULES;
        }
        out.flush();
        return ExitCodes.OK;
    }

    private boolean exhaustive(PrintWriter out, Questionnaire questionnaire, RuleFiles.Compiled rules) {
        Path dir = violations != null ? violations
                : Path.of(System.getProperty("java.io.tmpdir"), "ragft-exhaustive-" + ProcessHandle.current().pid());
        ExhaustiveCheck.Report report = new ExhaustiveCheck(questionnaire, rules).run(threads, dir);
        out.printf(Locale.ROOT, "exhaustive: %,d consultations (every combination of %d answers; %d more paired so each"
                        + " value meets every other), costs at defaults%n",
                report.cases(), report.space().crossed().size(), report.space().paired().size());
        if (verbose) {
            out.print(report.space().describe());
        }
        double seconds = report.elapsed().toNanos() / 1e9;
        out.printf(Locale.ROOT, "  %d thread%s, %.1f s (%.1f µs per consultation)%n", report.threads(),
                report.threads() == 1 ? "" : "s", seconds, report.elapsed().toNanos() / 1e3 / report.cases());
        out.printf(Locale.ROOT, "  %-10s %10s %10s %10s %10s%n", "outcome", "LOW", "MEDIUM", "HIGH", "total");
        for (Map.Entry<Strategy, Map<Confidence, Long>> row : report.outcomes().entrySet()) {
            long total = row.getValue().values().stream().mapToLong(Long::longValue).sum();
            out.printf(Locale.ROOT, "  %-10s %,10d %,10d %,10d %,10d%n", row.getKey(), row.getValue().get(Confidence.LOW),
                    row.getValue().get(Confidence.MEDIUM), row.getValue().get(Confidence.HIGH), total);
        }
        if (report.passed()) {
            out.println("  violations: none (exactly one recommendation, no exception, blockers respected,"
                    + " all " + questionnaire.criteria().size() + " criteria present)");
            return true;
        }
        out.println("  violations: " + report.violations().size() + " kind" + (report.violations().size() == 1 ? "" : "s"));
        for (ExhaustiveCheck.Violation violation : report.violations()) {
            out.printf(Locale.ROOT, "error: %s (%,d consultation%s)%n", violation.kind(), violation.cases(),
                    violation.cases() == 1 ? "" : "s");
            out.println("  first case: " + violation.message());
            out.println("  reproduce:  ragft advise --rules " + rules.origin() + " " + violation.file());
        }
        return false;
    }

    private static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
