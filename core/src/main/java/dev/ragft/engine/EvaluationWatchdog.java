package dev.ragft.engine;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.kie.api.runtime.KieSession;

/**
 * Not API. Stops evaluations that run past their time limit. One daemon thread looks at the running
 * evaluations a few times a second (cheaper than a timer task per evaluation, which the exhaustive
 * check would pay 220,000 times). An evaluation past its deadline is first asked to halt, which ends
 * rules that keep re-activating each other; one that is still running a moment later is inside a
 * consequence that does not return (a {@code while (true)}), and nothing but {@link Thread#stop()}
 * ends that in a JVM: its thread gets a {@link ThreadDeath}, which {@link RuleBase#evaluate} catches
 * and reports as a time-limit fault, so the thread (a CLI's main thread, a server worker) lives on.
 * The stop lands inside the policy owner's consequence, whose session is then thrown away.
 */
final class EvaluationWatchdog {

    /** How often the running evaluations are looked at. */
    private static final long TICK_MS = 20;
    /** How long a halted evaluation may take to return before its thread is stopped. */
    private static final long HALT_GRACE_NANOS = TimeUnit.MILLISECONDS.toNanos(200);

    private static final Set<Watch> RUNNING = ConcurrentHashMap.newKeySet();
    private static Thread thread;

    private EvaluationWatchdog() {
    }

    /** One evaluation under watch; {@link #finish()} must be called when it ends, however it ends. */
    static final class Watch {
        private final Thread evaluating;
        private final KieSession session;
        private final long deadline;
        private boolean finished;
        private boolean expired;
        private boolean stopped;
        private long haltedAt;
        /** The rule whose consequence is running, or null between firings; kept for the report. */
        volatile String firing;
        /** The rule that was firing when the deadline passed (null: the conditions were being evaluated). */
        private volatile String culprit;

        private Watch(Thread evaluating, KieSession session, long deadline) {
            this.evaluating = evaluating;
            this.session = session;
            this.deadline = deadline;
        }

        /** Marks the evaluation as over; from here on it is never halted or stopped. */
        synchronized void finish() {
            finished = true;
            RUNNING.remove(this);
        }

        /** Whether the deadline passed before the evaluation finished. */
        synchronized boolean expired() {
            return expired;
        }

        /** Whether the evaluating thread had to be stopped (it will have received a ThreadDeath). */
        synchronized boolean stopped() {
            return stopped;
        }

        /** The rule that was running when the deadline passed, or null. */
        String culprit() {
            return culprit;
        }

        @SuppressWarnings("deprecation") // Thread.stop: the only way to end a consequence that never returns
        private synchronized void check(long now) {
            if (finished || now - deadline < 0) {
                return;
            }
            if (!expired) {
                expired = true;
                culprit = firing;
                haltedAt = now;
                session.halt();
            } else if (!stopped && now - haltedAt > HALT_GRACE_NANOS) {
                stopped = true;
                try {
                    evaluating.stop();
                } catch (UnsupportedOperationException | SecurityException refused) {
                    // Java 20+ has no Thread.stop: the thread stays busy, but callers waiting on it with
                    // their own deadline (the smoke check) still report the fault and move on.
                    stopped = false;
                }
            }
        }
    }

    /** Starts watching an evaluation running on the current thread. */
    static Watch watch(KieSession session, Duration limit) {
        Watch watch = new Watch(Thread.currentThread(), session, System.nanoTime() + limit.toNanos());
        RUNNING.add(watch);
        ensureStarted();
        return watch;
    }

    private static synchronized void ensureStarted() {
        if (thread != null) {
            return;
        }
        thread = new Thread(EvaluationWatchdog::run, "ragft-evaluation-watchdog");
        thread.setDaemon(true);
        thread.start();
    }

    private static void run() {
        while (true) {
            try {
                Thread.sleep(TICK_MS);
            } catch (InterruptedException e) {
                return;
            }
            long now = System.nanoTime();
            for (Watch watch : RUNNING) {
                watch.check(now);
            }
        }
    }
}
