package dev.ragft.cli;

import dev.ragft.RuleError;
import dev.ragft.RulesStatus;
import dev.ragft.Advisor;
import dev.ragft.policy.CheckedRules;
import dev.ragft.policy.RuleFiles;
import dev.ragft.questionnaire.Questionnaire;
import dev.ragft.server.HttpService;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.reflect.Proxy;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ragft serve}: the advisor as a small HTTP service. */
@Command(name = "serve", sortOptions = false, mixinStandardHelpOptions = true,
        description = {"Serve advice over HTTP (JSON in, the JSON report out), and the questionnaire as a web page:",
            "  GET  /              the page: live advice as you answer, answers kept in the link",
            "  POST /v1/advice     an answers object in the body (as in an answers file), the report back;",
            "                      400 with {\"errors\":[{\"field\",\"message\"}]} when the answers are wrong",
            "  GET  /v1/questions  the questionnaire, as 'ragft questions --format json'",
            "  GET  /healthz       {\"status\":\"ok\", \"rules\": {\"version\": \"sha256:…\", \"files\", \"load\"}}; "
                + "503 with \"status\":\"unhealthy\" and the reason as rules.problem when the rules fail their check",
            "POST needs Content-Type: application/json (415 otherwise). Bodies over 64 KiB get 413, a wrong "
                + "method 405, an unknown path 404, a full queue 503, advice past --request-deadline 503. "
                + "A request must arrive whole within --read-timeout; at most --max-connections are read at once. "
                + "Stops gracefully on SIGTERM or Ctrl-C: no new connections, requests in flight finish."},
        footer = {"", "Examples:",
            "  ragft serve --port 8080",
            "  ragft serve --port 0 --rules rules --watch   # a free port; the line printed names it",
            "  curl -s -H 'Content-Type: application/json' --data @questionnaires/examples/small-company.json \\",
            "       http://127.0.0.1:8080/v1/advice"})
final class ServeCommand implements Callable<Integer> {

    @Option(names = "--port", paramLabel = "N", defaultValue = "8080",
            description = "TCP port (default: ${DEFAULT-VALUE}; 0 picks a free one and prints it).")
    int port;

    @Option(names = "--host", paramLabel = "H", defaultValue = "127.0.0.1",
            description = "Address to bind (default: ${DEFAULT-VALUE}, this machine only).")
    String host;

    @Option(names = "--threads", paramLabel = "N",
            description = "Requests handled at once (default: the number of processors, at least 2).")
    Integer threads;

    @Option(names = "--queue", paramLabel = "N", defaultValue = "256",
            description = "Requests that may wait for a thread before the service answers 503 (default: ${DEFAULT-VALUE}).")
    int queue;

    @Option(names = "--read-timeout", paramLabel = "SECONDS", defaultValue = "10",
            description = "Time a request may take to arrive, headers and body (default: ${DEFAULT-VALUE}); a slower"
                + " client is disconnected.")
    int readTimeout;

    @Option(names = "--max-connections", paramLabel = "N", defaultValue = "64",
            description = "Requests read or answered at once (default: ${DEFAULT-VALUE}); up to --queue more wait,"
                + " beyond that 503.")
    int maxConnections;

    @Option(names = "--request-deadline", paramLabel = "SECONDS", defaultValue = "30",
            description = "Time the advice for one request may take before it is answered 503 (default: ${DEFAULT-VALUE}).")
    double requestDeadline;

    @Option(names = "--watch", description = "Poll the rules folder and reload on change. Changed rules are taken only"
            + " once they compile and pass the checks of 'rules check' and its smoke consultations; otherwise the reasons"
            + " are printed, /healthz turns unhealthy and the last good rules keep serving.")
    boolean watch;

    @Option(names = "--watch-interval", paramLabel = "MILLIS", defaultValue = "1000",
            description = "How often --watch looks at the rules folder (default: ${DEFAULT-VALUE} ms).")
    long watchInterval;

    @Option(names = "--grace", paramLabel = "SECONDS", defaultValue = "10",
            description = "On shutdown, how long requests in flight may take to finish (default: ${DEFAULT-VALUE}).")
    int grace;

    @Mixin
    PolicyOptions policy;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (port < 0 || port > 65535) {
            throw new Cli.UsageProblem("--port must be 0 … 65535, got " + port);
        }
        int poolSize = threads != null ? threads : Math.max(2, Runtime.getRuntime().availableProcessors());
        if (poolSize < 1 || queue < 0 || watchInterval < 10 || grace < 0) {
            throw new Cli.UsageProblem("--threads must be ≥ 1, --queue ≥ 0, --watch-interval ≥ 10 and --grace ≥ 0");
        }
        if (readTimeout < 1 || readTimeout > 3600 || maxConnections < 1 || maxConnections > 10_000
                || !(requestDeadline > 0 && requestDeadline <= 3600)) {
            throw new Cli.UsageProblem("--read-timeout must be 1 … 3600, --max-connections 1 … 10000 and"
                    + " --request-deadline more than 0 and at most 3600");
        }
        HttpService.configureTimeouts(readTimeout);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Questionnaire questionnaire = policy.loadQuestionnaire();
        RuleFiles source = policy.ruleFiles();
        String origin = source.origin();
        if (watch && source.packaged()) {
            throw new Cli.UsageProblem("--watch needs a rules folder (--rules DIR); the packaged rules never change");
        }
        // The rules are checked (lint and smoke set) at start and before every reload; rules that compile but
        // fail are still served when nothing better exists, and /healthz says so.
        policy.applyLimits();
        CheckedRules rules = CheckedRules.start(questionnaire, policy.examples(), source, watch);
        if (!rules.status().healthy()) {
            err.println("ragft serve: warning: " + rules.status().reason());
            err.flush();
        }

        InetSocketAddress address = new InetSocketAddress(host, port);
        if (address.isUnresolved()) {
            throw new Cli.UsageProblem("cannot listen on " + host + ": no such host");
        }
        HttpService service;
        try {
            service = new HttpService(Advisor.following(rules), () -> health(rules), address, poolSize, queue,
                    maxConnections, Math.max(1, Math.round(requestDeadline * 1000)), err);
        } catch (IOException e) {
            throw new Cli.UsageProblem("cannot listen on " + host + ":" + port + ": " + e.getMessage());
        }
        if (!address.getAddress().isLoopbackAddress()) {
            // The service has no authentication: beyond loopback, anyone who can reach the port can use it.
            err.println("ragft serve: WARNING: listening on " + address.getAddress().getHostAddress()
                    + ", beyond this machine. The service has no authentication and no TLS: anyone who can reach"
                    + " this port can use it. Use the default --host 127.0.0.1 behind a reverse proxy instead.");
            err.flush();
        }
        CountDownLatch stopRequested = new CountDownLatch(1);
        AtomicBoolean stopped = new AtomicBoolean();
        Runnable stop = () -> {
            if (stopped.compareAndSet(false, true)) {
                err.println("ragft serve: stopping; requests in flight may finish (up to " + grace + " s)");
                err.flush();
                service.stop(grace);
            }
        };
        // SIGTERM / Ctrl-C end the main thread's wait, so the process stops gracefully and exits 0;
        // the shutdown hook covers every other way the JVM may end.
        boolean signals = onSignals(stopRequested::countDown);
        Runtime.getRuntime().addShutdownHook(new Thread(stop, "ragft-serve-shutdown"));

        Thread watcher = null;
        if (watch) {
            watcher = new Thread(() -> watch(rules, origin, err), "ragft-rules-watch");
            watcher.setDaemon(true);
            watcher.start();
        }
        service.start();
        InetSocketAddress bound = service.address();
        out.println("ragft serve: listening on http://" + hostText(bound) + ":" + bound.getPort() + "/ (rules: "
                + origin + (watch ? ", watched" : "") + ")" + (signals ? "" : "; stop with SIGINT"));
        out.flush();
        stopRequested.await();
        if (watcher != null) {
            watcher.interrupt();
        }
        stop.run();
        err.println("ragft serve: stopped");
        err.flush();
        return ExitCodes.OK;
    }

    private static String hostText(InetSocketAddress address) {
        String text = address.getAddress().getHostAddress();
        return text.contains(":") ? "[" + text + "]" : text;
    }

    // A hash of the rule files' contents, never their path: /healthz may be seen by anyone who can reach it.
    private static HttpService.RulesHealth health(CheckedRules rules) {
        RulesStatus status = rules.status();
        return new HttpService.RulesHealth(status.healthy(), rules.version(), rules.drlCount(), status.load(),
                status.healthy() ? null : status.reason());
    }

    // Polls rather than using a WatchService: it behaves the same on every file system (network
    // mounts, editors that replace files), and a policy folder is a dozen small files. The rules decide
    // whether changed files are taken: only once they compile and pass the check.
    private void watch(CheckedRules rules, String dir, PrintWriter err) {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                Thread.sleep(watchInterval);
            } catch (InterruptedException e) {
                return;
            }
            CheckedRules.Reload reload = rules.reloadIfChanged();
            if (reload == null) {
                continue; // unchanged, or mid-save: the rules in use stay
            }
            if (reload.taken()) {
                err.println("ragft serve: rules reloaded from " + dir + " (load " + rules.status().load() + ")");
            } else {
                err.println("ragft serve: the rules in " + dir + " were refused (they do not compile or fail their check);"
                        + " still serving the last good rules (load " + rules.status().load() + "):");
                for (RuleError error : reload.errors()) {
                    err.println("  " + error);
                }
            }
            err.flush();
        }
    }

    /** Routes SIGTERM and SIGINT to {@code action}; false where the JVM does not offer it. */
    private static boolean onSignals(Runnable action) {
        // sun.misc.Signal (module jdk.unsupported) is the JDK's only way to handle a signal and still
        // choose the exit code; reflection keeps the build free of its "internal API" warning.
        try {
            Class<?> signalClass = Class.forName("sun.misc.Signal");
            Class<?> handlerClass = Class.forName("sun.misc.SignalHandler");
            Object handler = Proxy.newProxyInstance(handlerClass.getClassLoader(), new Class<?>[] {handlerClass},
                    (proxy, method, args) -> switch (method.getName()) {
                        case "handle" -> {
                            action.run();
                            yield null;
                        }
                        case "hashCode" -> System.identityHashCode(proxy);
                        case "equals" -> proxy == args[0];
                        default -> "ragft-serve-signal-handler";
                    });
            for (String name : List.of("TERM", "INT")) {
                Object signal = signalClass.getConstructor(String.class).newInstance(name);
                signalClass.getMethod("handle", signalClass, handlerClass).invoke(null, signal, handler);
            }
            return true;
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return false;
        }
    }
}
