package dev.ragft.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real {@code ragft} CLI as a separate JVM process on the test classpath, with the repo's
 * own {@code rules/} and {@code questionnaires/} (as the {@code ./ragft} launcher does).
 */
public final class RagftProcess {

    /** What a finished process printed and returned. */
    public record Result(int exitCode, String stdout, String stderr) {

        public String all() {
            return stdout + stderr;
        }
    }

    /** The repository root: tests run with it as the working directory. */
    public static final Path REPO = Path.of("").toAbsolutePath();

    private RagftProcess() {
    }

    /** The command line that starts ragft with {@code args}; handy for pty-driven tests. */
    public static List<String> command(String... args) {
        return command(REPO, args);
    }

    /** The command line that starts ragft with {@code home} in place of the repo (its rules/ and questionnaires/). */
    private static List<String> command(Path home, String... args) {
        return command(home, List.of(), args);
    }

    /** As {@link #command(String...)}, with system properties or JVM options, e.g. what the launcher sets. */
    public static List<String> commandWithJvmOptions(List<String> jvmOptions, String... args) {
        return command(REPO, jvmOptions, args);
    }

    private static List<String> command(Path home, List<String> jvmOptions, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-XX:+UseSerialGC");
        command.addAll(jvmOptions);
        command.add("-Dragft.home=" + home);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("dev.ragft.cli.Main");
        command.addAll(List.of(args));
        return command;
    }

    /** Runs ragft to completion (at most two minutes) with {@code stdin} as standard input. */
    public static Result runWithInput(String stdin, String... args) {
        return runInHome(REPO, stdin, args);
    }

    /**
     * Runs ragft as {@link #runWithInput} does, as if the launcher lived in {@code home}: the default rules
     * and questionnaire are {@code home}'s {@code rules/} and {@code questionnaires/}.
     */
    public static Result runInHome(Path home, String stdin, String... args) {
        return run(command(home, args), stdin, args);
    }

    /** Runs ragft as {@link #runWithInput} does, with system properties or JVM options before the class name. */
    public static Result runWithJvmOptions(List<String> jvmOptions, String stdin, String... args) {
        return run(command(REPO, jvmOptions, args), stdin, args);
    }

    private static Result run(List<String> commandLine, String stdin, String... args) {
        try {
            ProcessBuilder builder = new ProcessBuilder(commandLine).directory(REPO.toFile());
            builder.environment().remove("RAGFT_DEBUG");
            Process process = builder.start();
            CompletableFuture<String> out = drain(process.getInputStream());
            CompletableFuture<String> err = drain(process.getErrorStream());
            try (OutputStream in = process.getOutputStream()) {
                if (stdin != null) {
                    in.write(stdin.getBytes(StandardCharsets.UTF_8));
                }
            }
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("ragft " + List.of(args) + " did not finish within two minutes");
            }
            return new Result(process.exitValue(), out.join(), err.join());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Runs ragft with empty standard input. */
    public static Result run(String... args) {
        return runWithInput(null, args);
    }

    private static CompletableFuture<String> drain(InputStream stream) {
        return CompletableFuture.supplyAsync(() -> {
            try (stream; ByteArrayOutputStream buffer = new ByteArrayOutputStream()) {
                stream.transferTo(buffer);
                return buffer.toString(StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
