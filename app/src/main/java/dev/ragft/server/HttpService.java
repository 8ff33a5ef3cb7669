package dev.ragft.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.ragft.InputError;
import dev.ragft.InvalidAnswersException;
import dev.ragft.RuleFaultException;
import dev.ragft.RulesStatus;
import dev.ragft.engine.Engine;
import dev.ragft.questionnaire.Answers;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The HTTP face of one {@link Engine}: {@code POST /v1/advice}, {@code GET /v1/questions},
 * {@code GET /healthz}, on the JDK's built-in server. Requests run on a fixed pool with a bounded
 * queue; when both are full the request is answered 503 at once instead of piling up.
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

    private final Supplier<Engine> engine;
    private final Supplier<RulesStatus> rulesStatus;
    private final HttpServer server;
    private final ThreadPoolExecutor pool;
    private final PrintWriter log;
    private final AtomicInteger active = new AtomicInteger();
    private volatile boolean draining;

    /**
     * @param engine the engine to use for each request (read per request, so a reload takes effect at once)
     * @param rulesStatus the health of the rules in use, for {@code /healthz}
     */
    public HttpService(Supplier<Engine> engine, Supplier<RulesStatus> rulesStatus, InetSocketAddress address, int threads,
                int queue, PrintWriter log) throws IOException {
        this.engine = engine;
        this.rulesStatus = rulesStatus;
        this.log = log;
        AtomicInteger ids = new AtomicInteger();
        BlockingQueue<Runnable> waiting = queue == 0 ? new SynchronousQueue<>() : new ArrayBlockingQueue<>(queue);
        this.pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, waiting,
                task -> {
                    Thread thread = new Thread(task, "ragft-http-" + ids.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                }, new ThreadPoolExecutor.AbortPolicy());
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
    }

    // Runs each exchange on the pool; an exchange the pool refuses runs here, on the dispatcher,
    // marked as overloaded, so the handler only writes a short 503 and the dispatcher never blocks long.
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
            try {
                pool.execute(counted);
            } catch (RejectedExecutionException full) {
                OVERLOADED.set(Boolean.TRUE);
                try {
                    counted.run();
                } finally {
                    OVERLOADED.remove();
                }
            }
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
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
                        send(exchange, 200, engine.get().questionnaire().toJson());
                    }
                }
                case "/healthz" -> {
                    if (allowed(exchange, method, "GET")) {
                        // Unhealthy (503) when the rules tried last failed their check: a refused reload, or
                        // rules that compiled but failed at start. The reason names files, never folders.
                        RulesStatus rules = rulesStatus.get();
                        ObjectNode health = JSON.createObjectNode();
                        health.put("status", rules.healthy() ? "ok" : "unhealthy");
                        health.put("rules", rules.rules());
                        health.put("load", rules.load());
                        if (!rules.healthy()) {
                            health.put("reason", rules.reason());
                        }
                        send(exchange, rules.healthy() ? 200 : 503, JSON.writeValueAsString(health));
                    }
                }
                default -> send(exchange, 404, errors("path", "no such endpoint: " + path
                        + "; the endpoints are POST /v1/advice, GET /v1/questions and GET /healthz"));
            }
        } catch (IOException e) {
            // The client went away mid-response; nothing to tell it.
            log.println("ragft serve: " + e.getMessage());
            log.flush();
        } catch (RuntimeException e) {
            log.println("ragft serve: internal error on " + exchange.getRequestURI() + ": " + e);
            log.flush();
            try {
                send(exchange, 500, errors("request", "internal error: " + e.getClass().getSimpleName()));
            } catch (IOException | RuntimeException ignored) {
                // the response may already be under way; the log line above is what remains
            }
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
        byte[] body = readBody(exchange);
        if (body == null) {
            send(exchange, 413, errors("body", "the request body is larger than " + MAX_BODY_BYTES / 1024
                    + " KiB; an answers object is a few hundred bytes"));
            return;
        }
        String text = new String(body, StandardCharsets.UTF_8);
        String report;
        try {
            Answers answers = Answers.fromJson(text, "request body");
            report = engine.get().advise(answers).toJson();
        } catch (InvalidAnswersException invalid) {
            send(exchange, 400, errors(invalid.errors()));
            return;
        } catch (RuleFaultException fault) {
            log.println("ragft serve: " + fault.errors().get(0) + " (answers: " + RuleFaultException.answersText(fault.answers()) + ")");
            log.flush();
            send(exchange, 500, ruleFault(fault));
            return;
        }
        send(exchange, 200, report);
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
