package dev.ragft.cli;

import dev.ragft.Advisor;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;

/** The I/O around {@link BatchAdvisor} for {@code ragft advise --batch}: opening input and output, exit code. */
final class BatchCommand {

    private BatchCommand() {
    }

    static int run(String input, List<String> sets, Path out, PolicyOptions policy, CommandSpec spec,
            long lineTimeLimitMs, boolean summaryOnly) {
        if (!Inputs.STDIN.equals(input) && Files.isDirectory(Path.of(input))) {
            throw new Cli.UsageProblem("cannot read '" + input + "': it is a folder, not a JSON-lines file");
        }
        Advisor rules = policy.advisor();
        BatchAdvisor advisor = new BatchAdvisor(rules, sets, Runtime.getRuntime().availableProcessors(),
                lineTimeLimitMs, summaryOnly);
        String sourceName = Inputs.sourceName(input);
        BatchAdvisor.Summary summary;
        try (Reader reader = open(input)) {
            if (out == null) {
                // Not the picocli PrintWriter: the reports are UTF-8 bytes already, so they go to a plain
                // buffered byte stream, flushed once at the end.
                OutputStream stdout = new BufferedOutputStream(System.out, 1 << 16);
                summary = advisor.run(reader, sourceName, stdout);
            } else {
                summary = toFile(advisor, reader, sourceName, out);
            }
        } catch (IOException e) {
            throw new Cli.UsageProblem("the batch stopped: " + e.getMessage());
        }
        PrintWriter err = spec.commandLine().getErr();
        if (out != null) {
            err.println("ragft: " + summary.lines() + " line(s) advised, reports written to " + out);
        }
        if (summary.bad() > 0) {
            err.println("ragft: " + summary.bad() + " of " + summary.lines() + " line(s) could not be used (first: line "
                    + summary.firstBadLine() + "); their output lines are {\"line\":N,\"errors\":[...]} records");
            err.flush();
            return ExitCodes.BAD_INPUT;
        }
        err.flush();
        return ExitCodes.OK;
    }

    // Bytes that are not UTF-8 become U+FFFD rather than stopping the stream, so the one line holding
    // them gets its own error record (BatchAdvisor) and the others are advised.
    private static Reader open(String input) {
        InputStream in;
        if (Inputs.STDIN.equals(input)) {
            in = System.in;
        } else {
            try {
                in = Files.newInputStream(Path.of(input));
            } catch (IOException e) {
                throw Inputs.cannotRead(input, e);
            }
        }
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE)), 1 << 16);
    }

    // Streams into a temporary file beside the target and renames it at the end: a reader never sees a
    // half-written batch, and a failed batch leaves an earlier result in place.
    private static BatchAdvisor.Summary toFile(BatchAdvisor advisor, Reader reader, String sourceName, Path out)
            throws IOException {
        Path target = out.toAbsolutePath();
        Path temp;
        try {
            Files.createDirectories(target.getParent());
            temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
        } catch (IOException e) {
            throw new Cli.UsageProblem("cannot write '" + out + "': " + e.getMessage());
        }
        try {
            BatchAdvisor.Summary summary;
            try (OutputStream stream = new BufferedOutputStream(Files.newOutputStream(temp), 1 << 16)) {
                summary = advisor.run(reader, sourceName, stream);
            }
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return summary;
        } catch (UncheckedIOException e) {
            throw new Cli.UsageProblem("cannot write '" + out + "': " + e.getMessage());
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
