package dev.ragft.cli;

import dev.ragft.Advisor;
import java.util.List;
import java.util.concurrent.FutureTask;

/**
 * The default rules, loading on a helper thread from the first moment of a run that is sure to need
 * them ({@code ragft advise} without {@code --rules}), so that the load overlaps picocli's set-up and
 * the argument parsing, about an eighth of such a run on a cold JVM. The command that then asks for
 * the default rules claims this load instead of starting its own; its outcome, rules or error, is
 * reported exactly as if the command had loaded them itself.
 */
final class EarlyRules {

    private static FutureTask<Advisor.Rules> pending;

    private EarlyRules() {
    }

    /** Starts loading the default rules if {@code args} is a run that will use them. */
    static synchronized void startFor(String[] args) {
        List<String> words = List.of(args);
        if (pending != null || words.isEmpty() || !"advise".equals(words.get(0))
                || words.stream().anyMatch(word -> word.startsWith("--rules") || word.startsWith("-h")
                        || word.startsWith("--help"))) {
            return;
        }
        FutureTask<Advisor.Rules> task = new FutureTask<>(new PolicyOptions()::loadRules);
        Thread loader = new Thread(task, "ragft-early-rules");
        loader.setDaemon(true);
        loader.start();
        pending = task;
    }

    /** The early load of the default rules, at most once; {@code null} if none was started or it is taken. */
    static synchronized FutureTask<Advisor.Rules> claim() {
        FutureTask<Advisor.Rules> task = pending;
        pending = null;
        return task;
    }
}
