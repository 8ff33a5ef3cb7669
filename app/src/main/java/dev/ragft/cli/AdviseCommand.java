package dev.ragft.cli;

import dev.ragft.Advice;
import dev.ragft.Advisor;
import dev.ragft.questionnaire.Answers;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ragft advise}: answers file in, recommendation out. */
@Command(name = "advise", sortOptions = false, mixinStandardHelpOptions = true,
        description = {"Advise on an answers file: a JSON object whose keys are question ids (see 'ragft "
                    + "questions'), or an example consultation with an \"answers\" object. Prints the "
                    + "recommendation, every criterion of the guide, the costs over the horizon, the caveats, and "
                    + "what would change the decision: for each question the nearest answer that changes the "
                    + "recommended strategy."},
        footer = {"", "Examples:",
            "  ragft advise questionnaires/examples/small-company.json",
            "  ragft advise --format json answers.json > report.json",
            "  ragft advise --format html --out report.html answers.json",
            "  cat answers.json | ragft advise --set monthly_queries=50k -",
            "  ragft advise --batch consultations.jsonl > reports.jsonl"})
final class AdviseCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE|-",
            description = "Answers file; '-' reads standard input. Omit it to answer with --set only.")
    String input;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "text",
            description = "Report format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    ReportFormat format;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE", description = "Write the report to FILE instead of standard output.")
    Path out;

    @Option(names = "--set", paramLabel = "ID=VALUE",
            description = "Set or override one answer (repeatable). Accepts 10k, 1.5M, $0.11, yes/no.")
    List<String> sets = new ArrayList<>();

    @Option(names = "--no-analysis",
            description = "Leave out \"What would change this\" (flips[] in JSON); a few ms faster per consultation.")
    boolean noAnalysis;

    @Option(names = {"--batch", "--jsonl"},
            description = {"JSON-lines batch: each line of FILE (or standard input) is one answers object;"
                + " prints one compact JSON report per line, in input order, or {\"line\":N,\"errors\":[...]} for"
                + " a line that cannot be used. --set applies to every line. Batch reports leave out the"
                + " analysis (flips[]). Exit code 2 if any line was bad."})
    boolean batch;

    @Option(names = "--summary",
            description = {"With --batch: print only the keys strategy, confidence, horizonMonths and totalUsd (the"
                + " total of FINE_TUNE, RAG and HYBRID) per line instead of the full report (about 120 bytes"
                + " instead of about 13 KB a line); error records are unchanged."})
    boolean summary;

    @Option(names = "--line-time-limit", paramLabel = "SECONDS",
            description = "With --batch: the time one line may take before it is reported as an error record and"
                + " the batch goes on (default: ${DEFAULT-VALUE}).")
    double lineTimeLimitSeconds = BatchAdvisor.DEFAULT_LINE_TIME_LIMIT_MS / 1000.0;

    @Mixin
    PolicyOptions policy;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (batch) {
            if (spec.commandLine().getParseResult().hasMatchedOption("--format") && format != ReportFormat.json) {
                throw new Cli.UsageProblem("--batch writes one JSON report per line; --format " + format
                        + " is not available in batch mode");
            }
            if (!(lineTimeLimitSeconds > 0 && lineTimeLimitSeconds <= 86_400)) {
                throw new Cli.UsageProblem("--line-time-limit must be between 0 and 86400 seconds, got "
                        + lineTimeLimitSeconds);
            }
            return BatchCommand.run(input == null ? Inputs.STDIN : input, sets, out, policy, spec,
                    Math.max(1, Math.round(lineTimeLimitSeconds * 1000)), summary);
        }
        if (summary) {
            throw new Cli.UsageProblem("--summary is for --batch; a single report is always the full one"
                    + " (--format json gives its recommendation and costs keys)");
        }
        if (input == null && sets.isEmpty()) {
            throw new Cli.UsageProblem("advise needs an answers file, '-' for standard input, or --set ID=VALUE answers;"
                    + " try 'ragft advise --help'");
        }
        Advisor advisor = policy.advisor();
        Answers answers = input == null ? Answers.empty()
                : Inputs.parseAnswers(Inputs.read(input, System.in), Inputs.sourceName(input));
        answers = Inputs.applySets(answers, sets, advisor.questionnaire());
        Advice advice = advisor.advise(answers);
        String report = format.render(advisor.report(advice, !noAnalysis, Set.of()));
        if (out != null) {
            Inputs.writeAtomically(out, report);
            spec.commandLine().getErr().println("ragft: report written to " + out);
        } else {
            spec.commandLine().getOut().print(report);
            spec.commandLine().getOut().flush();
        }
        return ExitCodes.OK;
    }
}
