package dev.ragft.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real {@code ragft serve} process on 127.0.0.1 and a free port: started with {@code --port 0},
 * it reads the port from the line the service prints once it listens. Output goes to files (reading
 * pipes while the JDK reaps the process can lose the last lines).
 */
public final class ServeProcess implements AutoCloseable {

    private static final Pattern LISTENING = Pattern.compile("listening on http://127\\.0\\.0\\.1:(\\d+)/");

    private final Process process;
    private final Path stdout;
    private final Path stderr;
    private final int port;

    private ServeProcess(Process process, Path stdout, Path stderr) throws InterruptedException {
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        Integer found = null;
        while (found == null && System.nanoTime() < deadline && process.isAlive()) {
            Matcher matcher = LISTENING.matcher(stdout());
            if (matcher.find()) {
                found = Integer.parseInt(matcher.group(1));
            } else {
                Thread.sleep(25);
            }
        }
        if (found == null) {
            process.destroyForcibly();
            throw new IllegalStateException("ragft serve did not start\nstdout: " + stdout() + "\nstderr: " + stderr());
        }
        this.port = found;
    }

    /** Starts {@code ragft serve --port 0 args...} and waits until it listens. */
    public static ServeProcess start(String... args) {
        List<String> all = new ArrayList<>(List.of("serve", "--port", "0"));
        all.addAll(List.of(args));
        try {
            Path out = Files.createTempFile("ragft-serve", ".out");
            Path err = Files.createTempFile("ragft-serve", ".err");
            out.toFile().deleteOnExit();
            err.toFile().deleteOnExit();
            ProcessBuilder builder = new ProcessBuilder(RagftProcess.command(all.toArray(String[]::new)))
                    .directory(RagftProcess.REPO.toFile())
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile());
            builder.environment().remove("RAGFT_DEBUG");
            return new ServeProcess(builder.start(), out, err);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The port the service listens on. */
    public int port() {
        return port;
    }

    /** {@code http://127.0.0.1:PORT/path}. */
    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** Everything the service printed to standard error so far. */
    public String stderr() {
        return read(stderr);
    }

    /** Everything the service printed to standard output so far. */
    public String stdout() {
        return read(stdout);
    }

    /** Waits (at most a minute) until standard error contains {@code text}. */
    public boolean awaitStderr(String text) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (System.nanoTime() < deadline) {
            if (stderr().contains(text)) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }

    /** Sends SIGTERM and waits (at most a minute) for the exit code. */
    public int terminate() throws InterruptedException {
        process.destroy(); // SIGTERM on Linux and macOS
        if (!process.waitFor(1, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("ragft serve did not stop within a minute of SIGTERM");
        }
        return process.exitValue();
    }

    /** The process, for its pid or liveness. */
    public Process process() {
        return process;
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }
}
