package dev.ragft.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A command running in a real pseudo-terminal: a detached tmux session on a tmux server of its own
 * (so tests never touch anyone's tmux). Tests type with {@link #type}/{@link #keys} and read the
 * screen with {@link #waitFor}, which polls until the text appears or a generous deadline passes.
 */
public final class Tmux implements AutoCloseable {

    /** How long {@link #waitFor} waits by default: long enough for a loaded 2-core CI machine. */
    public static final Duration DEADLINE = Duration.ofSeconds(90);

    private final String socket;
    private final String session = "console";
    private Path pidFile;

    private Tmux(String socket) {
        this.socket = socket;
    }

    /** Whether tmux is installed. */
    public static boolean available() {
        try {
            Process process = new ProcessBuilder("tmux", "-V").redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Starts {@code command} in a 120x40 terminal, in {@code dir}. The command goes through a script file,
     * since a test classpath is longer than tmux accepts on its command line.
     */
    public static Tmux start(List<String> command, Path dir, String... environment) {
        return start(120, 40, command, dir, environment);
    }

    /** As {@link #start(List, Path, String...)}, in a terminal of {@code columns} x {@code rows}. */
    public static Tmux start(int columns, int rows, List<String> command, Path dir, String... environment) {
        try {
            Path script = Files.createTempFile(dir, "run-", ".sh");
            StringBuilder text = new StringBuilder("#!/bin/sh\n");
            for (String variable : environment) {
                text.append("export ").append(quote(variable)).append('\n');
            }
            text.append("unset RAGFT_DEBUG NO_COLOR\n");
            // The pid the command will have (exec keeps it), for tests that kill it.
            Path pidFile = Path.of(script + ".pid");
            text.append("echo $$ > ").append(quote(pidFile.toString())).append('\n');
            text.append("exec ").append(command.stream().map(Tmux::quote).collect(Collectors.joining(" ")));
            Files.writeString(script, text.toString() + "\n", StandardCharsets.UTF_8);
            // The wrapper outlives the command (a trap, not an ignore, so Ctrl-C still reaches the command)
            // and prints its exit code, so the last screen can be read.
            Tmux tmux = new Tmux("ragft-test-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
            tmux.run("new-session", "-d", "-s", tmux.session, "-x", String.valueOf(columns), "-y", String.valueOf(rows), "-c", dir.toString(),
                    "sh -c 'trap true INT; TERM=xterm-256color sh " + script + "; echo \"[exit $?]\"; sleep 600'");
            tmux.run("set-option", "-t", tmux.session, "history-limit", "10000");
            tmux.pidFile = pidFile;
            return tmux;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The command's process id, once it has started (waits for it at most {@link #DEADLINE}). */
    public long pid() {
        Instant deadline = Instant.now().plus(DEADLINE);
        while (true) {
            try {
                String text = Files.exists(pidFile) ? Files.readString(pidFile).trim() : "";
                if (!text.isEmpty()) {
                    return Long.parseLong(text);
                }
                if (Instant.now().isAfter(deadline)) {
                    throw new AssertionError("the command never started: " + screen());
                }
                Thread.sleep(50);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** Types {@code text} and Enter. */
    public void type(String text) {
        run("send-keys", "-t", session, "-l", text);
        run("send-keys", "-t", session, "Enter");
    }

    /** Sends tmux key names, e.g. {@code C-c}. */
    public void keys(String... names) {
        List<String> args = new ArrayList<>(List.of("send-keys", "-t", session));
        args.addAll(List.of(names));
        run(args.toArray(String[]::new));
    }

    /** The whole scrollback and screen as the terminal shows it: a line it had to wrap is two lines here. */
    public String rawScreen() {
        return run("capture-pane", "-p", "-S", "-", "-t", session);
    }

    /** Only what is visible now: the last screen, the rows the user sees without scrolling back. */
    public String visibleScreen() {
        return run("capture-pane", "-p", "-t", session);
    }

    /** The whole scrollback and screen, wrapped lines joined. */
    public String screen() {
        return run("capture-pane", "-p", "-J", "-S", "-", "-t", session);
    }

    /** Polls the screen until it contains {@code text} {@code count} times; fails with the screen if it never does. */
    public String waitFor(String text, int count) {
        Instant deadline = Instant.now().plus(DEADLINE);
        while (true) {
            String screen = screen();
            if (occurrences(screen, text) >= count) {
                return screen;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("waited " + DEADLINE.toSeconds() + " s for \"" + text + "\" (x" + count
                        + ") on the terminal; it shows:\n" + screen);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    public String waitFor(String text) {
        return waitFor(text, 1);
    }

    public static int occurrences(String haystack, String needle) {
        int count = 0;
        for (int at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + needle.length())) {
            count++;
        }
        return count;
    }

    @Override
    public void close() {
        run("kill-server");
    }

    private String run(String... args) {
        List<String> command = new ArrayList<>(List.of("tmux", "-L", socket, "-f", "/dev/null"));
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int code = process.waitFor();
            if (code != 0 && !"kill-server".equals(args[0])) {
                throw new IllegalStateException("tmux " + String.join(" ", args) + " failed (" + code + "): " + output);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String quote(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
