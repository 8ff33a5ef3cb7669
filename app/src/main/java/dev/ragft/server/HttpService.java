package dev.ragft.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.ragft.questionnaire.Answers;
import dev.ragft.Advisor;
import dev.ragft.InputError;
import dev.ragft.InvalidAnswersException;
import dev.ragft.RuleFaultException;
import dev.ragft.answers.TextInput;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The HTTP face of one {@link Advisor}: {@code POST /v1/advice}, {@code GET /v1/questions},
 * {@code GET /healthz}, on the JDK's built-in server.
 *
 * <p>Two pools keep slow clients from starving the rest. Reading a request (headers and body) and
 * writing the reply happen on a bounded pool of connection threads, and every request must arrive
 * whole within the read timeout ({@link #configureTimeouts}), so a client sending a byte a second holds
 * one connection thread for a few seconds, never a worker. The advice itself runs on a small fixed
 * worker pool with a bounded queue, each request under a deadline; when the queue is full the request
 * is answered 503 at once instead of piling up. Every error is sent as JSON with its status, before
 * the exchange is closed.
 */
public final class HttpService {

    /** Largest request body accepted; an answers file is a few hundred bytes. */
    static final int MAX_BODY_BYTES = 64 * 1024;
    /** A body this much larger than the limit is not read to the end; the connection is closed instead. */
    private static final long MAX_DRAIN_BYTES = 16L * MAX_BODY_BYTES;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final String JSON_TYPE = "application/json; charset=utf-8";
    /** Set while a request the pool had no room for is answered on the server's own thread. */
    private static final ThreadLocal<Boolean> OVERLOADED = new ThreadLocal<>();

    /**
     * What {@code /healthz} reports about the rules: a content hash as their version, never a path.
     * Unhealthy rules make {@code /healthz} answer 503 with the problem.
     *
     * @param healthy whether the rules in use serve advice
     * @param version {@code sha256:} and the first 16 hex digits of the rule files' contents
     * @param ruleFiles how many DRL files
     * @param load how many times rules were loaded (1 at start; {@code --watch} adds one per reload)
     * @param problem why the rules are unhealthy, or {@code null}
     */
    public record RulesHealth(boolean healthy, String version, int ruleFiles, int load, String problem) {
    }

    /** Threads that answer refused connections with 503 before the dispatcher has to. */
    private static final int OVERFLOW_THREADS = 4;

    private final Supplier<Advisor> advisor;
    private final Supplier<RulesHealth> rulesHealth;
    private final HttpServer server;
    private final ThreadPoolExecutor pool;
    private final ThreadPoolExecutor connections;
    private final ThreadPoolExecutor overflow;
    private final long deadlineMs;
    private final PrintWriter log;
    private final WebPage page;
    private final AtomicInteger active = new AtomicInteger();
    private volatile boolean draining;

    /**
     * Sets the JDK server's request read timeout and reply write timeout. They are read once, when the
     * server's configuration class loads, so this runs before the first server is created; a value the
     * user set with {@code -D} is kept.
     */
    public static void configureTimeouts(int readTimeoutSeconds) {
        // The longest time a request may take to arrive (headers and body), and a reply to be taken.
        System.getProperties().putIfAbsent("sun.net.httpserver.maxReqTime", String.valueOf(readTimeoutSeconds));
        System.getProperties().putIfAbsent("sun.net.httpserver.maxRspTime", String.valueOf(
                Math.max(readTimeoutSeconds, 30)));
        // How often those limits are checked (default: every second).
        System.getProperties().putIfAbsent("sun.net.httpserver.timerMillis", "250");
    }

    /**
     * @param advisor the advisor to use for each request (read per request, so a reload takes effect at once)
     * @param rulesHealth the rules in use, for {@code /healthz}
     * @param threads worker threads that compute advice
     * @param queue requests that may wait for a worker before 503
     * @param maxConnections requests read or answered at once (connection threads); up to {@code queue}
     *     more wait for one
     * @param deadlineMs the time the advice for one request may take before it is answered 503
     */
    public HttpService(Supplier<Advisor> advisor, Supplier<RulesHealth> rulesHealth, InetSocketAddress address, int threads,
                int queue, int maxConnections, long deadlineMs, PrintWriter log) throws IOException {
        this.advisor = advisor;
        this.rulesHealth = rulesHealth;
        this.log = log;
        this.deadlineMs = deadlineMs;
        // The page's engine work runs on the same worker pool, under the same deadline, as /v1/advice.
        this.page = new WebPage(advisor, this::onWorkers,
                address.getAddress() != null && address.getAddress().isLoopbackAddress());
        AtomicInteger ids = new AtomicInteger();
        BlockingQueue<Runnable> waiting = queue == 0 ? new SynchronousQueue<>() : new ArrayBlockingQueue<>(queue);
        this.pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, waiting,
                daemon("ragft-http-", ids), new ThreadPoolExecutor.AbortPolicy());
        // Connection threads mostly wait on sockets: a few dozen cost little, and they are what a slow
        // client can hold (each for at most the read timeout).
        // Connections beyond them wait in the same bounded queue as requests do for a worker: a burst of
        // ordinary clients is served in turn, and only past the queue is a connection answered 503.
        this.connections = new ThreadPoolExecutor(maxConnections, maxConnections, 30, TimeUnit.SECONDS,
                queue == 0 ? new SynchronousQueue<>() : new ArrayBlockingQueue<>(queue), daemon("ragft-conn-", ids),
                new ThreadPoolExecutor.AbortPolicy());
        this.connections.allowCoreThreadTimeOut(true);
        this.overflow = new ThreadPoolExecutor(OVERFLOW_THREADS, OVERFLOW_THREADS, 30, TimeUnit.SECONDS,
                new SynchronousQueue<>(), daemon("ragft-busy-", ids), new ThreadPoolExecutor.AbortPolicy());
        this.overflow.allowCoreThreadTimeOut(true);
        this.server = HttpServer.create(address, 128);
        this.server.setExecutor(new Admission());
        this.server.createContext("/", this::handle);
    }

    public void start() {
        server.start();
    }

    /** The address actually bound (port 0 picks a free port). */
    public InetSocketAddress address() {
        return server.getAddress();
    }

    /**
     * Refuses new requests (503, connection closed), lets the requests in flight finish (up to
     * {@code graceSeconds}), then closes the server and stops the pool.
     */
    public void stop(int graceSeconds) {
        // Java 17's HttpServer.stop(delay) always waits the whole delay (JDK-8304065), so the
        // waiting for requests in flight is done here and the server is then stopped at once.
        draining = true;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(graceSeconds);
        try {
            while (active.get() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        server.stop(0);
        pool.shutdownNow();
        connections.shutdownNow();
        overflow.shutdownNow();
    }

    private static java.util.concurrent.ThreadFactory daemon(String prefix, AtomicInteger ids) {
        return task -> {
            Thread thread = new Thread(task, prefix + ids.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    // Runs each exchange on a connection thread; one the connections refuse goes to a few overflow
    // threads, marked as overloaded, so the handler only writes a short 503; only when those are busy
    // too does it run here, on the dispatcher (bounded by the read timeout).
    // Counts exchanges from admission to their end, so a graceful stop knows when they are done.
    private final class Admission implements Executor {
        @Override
        public void execute(Runnable exchange) {
            active.incrementAndGet();
            Runnable counted = () -> {
                try {
                    exchange.run();
                } finally {
                    active.decrementAndGet();
                }
            };
            Runnable refused = () -> {
                OVERLOADED.set(Boolean.TRUE);
                try {
                    counted.run();
                } finally {
                    OVERLOADED.remove();
                }
            };
            try {
                connections.execute(counted);
            } catch (RejectedExecutionException full) {
                try {
                    overflow.execute(refused);
                } catch (RejectedExecutionException alsoFull) {
                    refused.run();
                }
            }
        }
    }

    private void handle(HttpExchange exchange) {
        try {
            route(exchange);
        } catch (IOException e) {
            // The client went away mid-response, or the read timeout closed it; nothing to tell it.
            log.println("ragft serve: " + exchange.getRequestURI() + ": " + e.getMessage());
            log.flush();
        } catch (RuntimeException | StackOverflowError e) {
            log.println("ragft serve: internal error on " + exchange.getRequestURI() + ": " + e);
            log.flush();
            try {
                // Sent before the exchange is closed below: the client gets the 500 body, not an empty reply.
                send(exchange, 500, errors("request", "internal error: " + e.getClass().getSimpleName()));
            } catch (IOException | RuntimeException ignored) {
                // the response was already under way; the log line above is what remains
            }
        } finally {
            exchange.close();
        }
    }

    private void route(HttpExchange exchange) throws IOException {
        if (draining) {
            exchange.getResponseHeaders().set("Connection", "close");
            send(exchange, 503, errors("request", "the server is shutting down"));
            return;
        }
        if (Boolean.TRUE.equals(OVERLOADED.get())) {
            exchange.getResponseHeaders().set("Retry-After", "1");
            send(exchange, 503, errors("request", "the server is busy; retry shortly"));
            return;
        }
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        switch (path) {
            case "/v1/advice" -> {
                if (allowed(exchange, method, "POST")) {
                    advise(exchange);
                }
            }
            case "/v1/questions" -> {
                if (allowed(exchange, method, "GET")) {
                    send(exchange, 200, advisor.get().questionnaire().toJson());
                }
            }
            case "/healthz" -> {
                if (allowed(exchange, method, "GET")) {
                    RulesHealth rules = rulesHealth.get();
                    ObjectNode health = JSON.createObjectNode();
                    health.put("status", rules.healthy() ? "ok" : "unhealthy");
                    ObjectNode about = health.putObject("rules");
                    about.put("version", rules.version());
                    about.put("files", rules.ruleFiles());
                    about.put("load", rules.load());
                    if (rules.problem() != null) {
                        about.put("problem", rules.problem());
                    }
                    send(exchange, rules.healthy() ? 200 : 503, JSON.writeValueAsString(health));
                }
            }
            default -> {
                if (WebPage.owns(path)) {
                    page.handle(exchange, method, path);
                    return;
                }
                send(exchange, 404, errors("path", "no such endpoint: " + path
                        + "; the endpoints are POST /v1/advice, GET /v1/questions and GET /healthz"));
            }
        }
    }

    // WebPage's runner: a full pool is a 503 the page shows; past the deadline the work is abandoned.
    private WebPage.Reply onWorkers(Supplier<WebPage.Reply> work) throws TimeoutException {
        Future<WebPage.Reply> reply;
        try {
            reply = pool.submit(work::get);
        } catch (RejectedExecutionException full) {
            return new WebPage.Reply(503, "application/json; charset=utf-8",
                    errors("request", "the server is busy; retry shortly").getBytes(StandardCharsets.UTF_8),
                    Map.of("Retry-After", "1"));
        }
        try {
            return reply.get(deadlineMs, TimeUnit.MILLISECONDS);
        } catch (TimeoutException late) {
            reply.cancel(true);
            throw late;
        } catch (ExecutionException failed) {
            if (failed.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(failed.getCause());
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the server is shutting down", stopping);
        }
    }

    private boolean allowed(HttpExchange exchange, String method, String allowed) throws IOException {
        if (allowed.equals(method)) {
            return true;
        }
        exchange.getResponseHeaders().set("Allow", allowed);
        send(exchange, 405, errors("method", method + " is not allowed on " + exchange.getRequestURI().getPath()
                + "; use " + allowed));
        return false;
    }

    private void advise(HttpExchange exchange) throws IOException {
        // A browser lets any web page POST text/plain cross-site without asking; JSON it must ask for.
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        if (!isJson(type)) {
            send(exchange, 415, errors("Content-Type", "expected application/json, got "
                    + (type == null ? "none" : "'" + type + "'") + "; send the answers object as JSON"));
            return;
        }
        byte[] body = readBody(exchange);
        if (body == null) {
            send(exchange, 413, errors("body", "the request body is larger than " + MAX_BODY_BYTES / 1024
                    + " KiB; an answers object is a few hundred bytes"));
            return;
        }
        String text;
        try {
            text = TextInput.decode(body, "request body");
        } catch (TextInput.UnreadableText e) {
            send(exchange, 400, errors("body", e.getMessage()));
            return;
        }
        Advisor current = advisor.get();
        Future<String> advice;
        try {
            advice = pool.submit(() -> current.advise(Answers.fromJson(text, "request body")).toJson());
        } catch (RejectedExecutionException full) {
            exchange.getResponseHeaders().set("Retry-After", "1");
            send(exchange, 503, errors("request", "the server is busy; retry shortly"));
            return;
        }
        String report;
        try {
            report = advice.get(deadlineMs, TimeUnit.MILLISECONDS);
        } catch (TimeoutException late) {
            advice.cancel(true);
            log.println("ragft serve: a request ran past the deadline of " + deadlineMs + " ms and was abandoned");
            log.flush();
            send(exchange, 503, errors("request", "the advice took longer than the deadline of "
                    + deadlineMs / 1000.0 + " s; the rules may loop on these answers"));
            return;
        } catch (ExecutionException failed) {
            Throwable cause = failed.getCause();
            if (cause instanceof InvalidAnswersException invalid) {
                send(exchange, 400, errors(invalid.errors()));
                return;
            }
            if (cause instanceof RuleFaultException fault) {
                log.println("ragft serve: " + fault.errors().get(0) + " (answers: "
                        + RuleFaultException.answersText(fault.answers()) + ")");
                log.flush();
                send(exchange, 500, ruleFault(fault));
                return;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(cause);
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
            send(exchange, 503, errors("request", "the server is shutting down"));
            return;
        }
        send(exchange, 200, report);
    }

    /** {@code application/json}, or a {@code +json} type, with any parameters (charset). */
    static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        int semicolon = contentType.indexOf(';');
        String media = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim()
                .toLowerCase(java.util.Locale.ROOT);
        return media.equals("application/json") || media.startsWith("application/") && media.endsWith("+json");
    }

    /** The body, or {@code null} when it is over the limit (read to the end if not absurdly large). */
    private static byte[] readBody(HttpExchange exchange) throws IOException {
        String declared = exchange.getRequestHeaders().getFirst("Content-Length");
        long length = -1;
        if (declared != null) {
            try {
                length = Long.parseLong(declared.trim());
            } catch (NumberFormatException ignored) {
                length = -1;
            }
        }
        InputStream in = exchange.getRequestBody();
        if (length > MAX_BODY_BYTES) {
            // Reading the rest lets the client see the 413 instead of a reset connection.
            if (length <= MAX_DRAIN_BYTES) {
                in.transferTo(OutputStream.nullOutputStream());
            }
            return null;
        }
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        byte[] chunk = new byte[8192];
        int total = 0;
        int n;
        while ((n = in.read(chunk)) > 0) {
            total += n;
            if (total > MAX_BODY_BYTES) {
                drain(in);
                return null;
            }
            buffer.write(chunk, 0, n);
        }
        return buffer.toByteArray();
    }

    private static void drain(InputStream in) throws IOException {
        byte[] chunk = new byte[8192];
        long drained = 0;
        int n;
        while (drained < MAX_DRAIN_BYTES && (n = in.read(chunk)) > 0) {
            drained += n;
        }
    }

    /** A rule fault as {@code {"errors":[{"field":"rules","message","rule","file","line"}],"answers":{...}}}: file names only. */
    static String ruleFault(RuleFaultException fault) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode error = root.putArray("errors").addObject();
        error.put("field", "rules").put("message", fault.summary());
        if (fault.rule() != null) {
            error.put("rule", fault.rule());
        }
        error.put("file", fault.fileName()).put("line", fault.line());
        root.set("answers", JSON.valueToTree(fault.answers() == null ? java.util.Map.of() : fault.answers()));
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String errors(String field, String message) {
        return errors(List.of(new InputError(field, message)));
    }

    /** The same field errors the CLI prints, as {@code {"errors":[{"field":…,"message":…}]}}. */
    static String errors(List<InputError> errors) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode list = root.putArray("errors");
        for (InputError error : errors) {
            list.addObject().put("field", error.field()).put("message", error.message());
        }
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void send(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = (json.endsWith("\n") ? json : json + "\n").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", JSON_TYPE);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
