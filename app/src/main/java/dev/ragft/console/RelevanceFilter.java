package dev.ragft.console;

import dev.ragft.questionnaire.Answers;
import dev.ragft.Advisor;
import java.io.PrintStream;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * The adaptive interview: skips the open questions that {@link Advisor#irrelevant} proves cannot change the
 * recommended strategy (see its guarantee). Nothing is skipped before the rules have compiled: the
 * advisor supplier returns null until then, so the first questions never wait for Drools.
 *
 * <p>Speed: checks run on a worker thread of their own over the advisor's one shared memo of rule
 * outcomes, which makes each check after the first attempted one nearly free (its decision keys are mostly the
 * previous check's). The first attempted check can take a second on a loaded machine; the next question
 * waits for it at most {@code waitMs}, and otherwise is asked as usual while the check finishes in the
 * background, its result applying from the question after. With piped input {@code waitMs} is unbounded,
 * so a script of answers means the same thing on every machine.
 */
final class RelevanceFilter implements QuestionFilter, AutoCloseable {

    /** How long a question on a terminal waits for a check before it is asked anyway. */
    static final long TERMINAL_WAIT_MS = 150;

    private record Checked(Answers soFar, Set<String> remaining, Set<String> skippable) {
    }

    private final Supplier<Advisor> advisor;
    private final long waitMs;
    private final PrintStream debug;
    private ExecutorService worker;
    private Future<Checked> running;
    private Answers runningFor;
    private Set<String> runningRemaining;
    private Checked latest;

    /**
     * @param advisor the advisor once the rules have compiled, else null (it may block instead, for pipes)
     * @param waitMs how long a question waits for its check (Long.MAX_VALUE: always)
     * @param debug where each check's duration is printed, or null
     */
    RelevanceFilter(Supplier<Advisor> advisor, long waitMs, PrintStream debug) {
        this.advisor = advisor;
        this.waitMs = waitMs;
        this.debug = debug;
    }

    @Override
    public Set<String> skippable(Answers soFar, Set<String> remaining) {
        if (soFar.size() == 0 || remaining.isEmpty()) {
            return Set.of();
        }
        harvest();
        if (latest != null && latest.soFar().equals(soFar) && latest.remaining().equals(remaining)) {
            return latest.skippable();
        }
        Advisor current = advisor.get();
        if (current == null) {
            return Set.of();
        }
        if (running == null || !soFar.equals(runningFor) || !remaining.equals(runningRemaining)) {
            if (worker == null) {
                worker = Executors.newSingleThreadExecutor(task -> {
                    Thread thread = new Thread(task, "ragft-relevance");
                    thread.setDaemon(true);
                    return thread;
                });
            }
            if (running != null) {
                // Obsolete: a queued check never runs; one already running finishes (warming the memo) unread.
                running.cancel(false);
            }
            Set<String> open = Set.copyOf(remaining);
            running = worker.submit(() -> check(current, soFar, open));
            runningFor = soFar;
            runningRemaining = open;
        }
        try {
            Checked done = waitMs == Long.MAX_VALUE ? running.get() : running.get(waitMs, TimeUnit.MILLISECONDS);
            latest = done;
            running = null;
            return done.skippable();
        } catch (TimeoutException slow) {
            return stillValid(soFar, remaining);
        } catch (ExecutionException failed) {
            running = null;
            if (debug != null) {
                debug.println("ragft: relevance check failed: " + failed.getCause());
            }
            return Set.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Set.of();
        }
    }

    /** Takes the result of a check that finished in the background, if any. */
    private void harvest() {
        if (running != null && running.isDone()) {
            try {
                latest = running.get();
            } catch (ExecutionException | InterruptedException | java.util.concurrent.CancellationException e) {
                // Nothing to use; the next call starts a fresh check.
            }
            running = null;
        }
    }

    /**
     * The latest result where it still holds: a check over answers A with open questions R stays valid once
     * more of R is answered (its guarantee covers every answer to them), but not after {@code back} undid
     * part of A.
     */
    private Set<String> stillValid(Answers soFar, Set<String> remaining) {
        if (latest == null) {
            return Set.of();
        }
        for (String id : latest.soFar().ids()) {
            if (!soFar.contains(id) || !java.util.Objects.equals(soFar.get(id), latest.soFar().get(id))) {
                return Set.of();
            }
        }
        for (String id : soFar.ids()) {
            if (!latest.soFar().contains(id) && !latest.remaining().contains(id)) {
                return Set.of();
            }
        }
        Set<String> result = new LinkedHashSet<>(latest.skippable());
        result.retainAll(remaining);
        return result;
    }

    private Checked check(Advisor current, Answers soFar, Set<String> remaining) {
        long start = System.nanoTime();
        Advisor.Skipping result = current.skipping(soFar, remaining);
        if (debug != null) {
            debug.printf("ragft: relevance check %.1f ms, %d open, %d skippable (%s)%n",
                    (System.nanoTime() - start) / 1e6, remaining.size(), result.skippable().size(), result.reason());
        }
        return new Checked(soFar, remaining, new LinkedHashSet<>(result.skippable().keySet()));
    }

    @Override
    public void close() {
        if (worker != null) {
            worker.shutdownNow();
        }
    }
}
