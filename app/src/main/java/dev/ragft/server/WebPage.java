package dev.ragft.server;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import dev.ragft.Advice;
import dev.ragft.Advisor;
import dev.ragft.Analysis;
import dev.ragft.InputError;
import dev.ragft.InvalidAnswersException;
import dev.ragft.answers.Consultation;
import dev.ragft.answers.Consultations;
import dev.ragft.questionnaire.Question;
import dev.ragft.questionnaire.Questionnaire;
import dev.ragft.report.HtmlReport;
import dev.ragft.report.JsonReport;
import dev.ragft.report.MarkdownReport;
import dev.ragft.report.Report;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * The questionnaire in the browser, served beside the JSON API by {@link HttpService}:
 * <ul>
 *   <li>{@code GET /}: the page, generated from the questionnaire ({@link QuestionnairePage});</li>
 *   <li>{@code GET /web/app.js}, {@code GET /web/app.css}: its script and style, packaged in the jar;</li>
 *   <li>{@code POST /v1/consult}: typed answers in, the report with the analysis, the cost chart and
 *       the questions to collapse out ({@link WebConsultation});</li>
 *   <li>{@code POST /v1/report?format=html|markdown|json}: the report to download, as {@code ragft advise};</li>
 *   <li>{@code POST /v1/answers-file}: an answers file's text in, its answers as field texts out.</li>
 * </ul>
 * Every response carries a strict Content-Security-Policy (scripts and styles from this origin only, no
 * inline code, no eval, no framing); POSTs must be {@code application/json} (415 otherwise) and, when the
 * service is bound to loopback, requests must name a loopback host, so a web site cannot reach the
 * service through DNS rebinding.
 */
final class WebPage {

    /** One response: status, content type, body, and any headers beyond the page's usual ones. */
    record Reply(int status, String type, byte[] body, Map<String, String> headers) {
    }

    /**
     * Where the engine work of a request runs. The service passes its worker pool and per-request
     * deadline here, so the page's requests get the same protection as {@code /v1/advice}.
     */
    @FunctionalInterface
    interface Runner {
        /**
         * Runs {@code work} and returns its reply.
         *
         * @throws TimeoutException when the work ran past the deadline (it is then abandoned)
         */
        Reply run(Supplier<Reply> work) throws TimeoutException;
    }

    /** Runs the work at once, on the calling thread. */
    static final Runner DIRECT = Supplier::get;

    /** Scripts, styles and API calls from this origin only; the chart is an SVG data image. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self';"
            + " img-src 'self' data:; connect-src 'self'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'";
    /** Largest request body accepted; the answers file of a consultation is a few hundred bytes. */
    static final int MAX_BODY_BYTES = 64 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
    private static final String JSON_TYPE = "application/json; charset=utf-8";
    private static final Map<String, String> ASSETS = Map.of(
            "/web/app.js", "text/javascript; charset=utf-8",
            "/web/app.css", "text/css; charset=utf-8");

    private final Supplier<Advisor> advisor;
    private final Runner runner;
    private final boolean loopbackOnly;
    private final Map<String, byte[]> assets = new LinkedHashMap<>();
    // The page belongs to one advisor's questionnaire; a rules reload (--watch) swaps in a new advisor.
    private Advisor pageAdvisor;
    private byte[] page;

    /**
     * @param advisor the advisor in use, read per request
     * @param runner where the engine work of a request runs
     * @param loopbackOnly whether the service is bound to a loopback address (then only loopback host names are served)
     */
    WebPage(Supplier<Advisor> advisor, Runner runner, boolean loopbackOnly) {
        this.advisor = advisor;
        this.runner = runner;
        this.loopbackOnly = loopbackOnly;
        for (String asset : ASSETS.keySet()) {
            assets.put(asset, resource("dev/ragft" + asset));
        }
    }

    /** Whether {@code path} is one of the page's; {@link #handle} answers it. */
    static boolean owns(String path) {
        return path.equals("/") || path.equals("/index.html") || ASSETS.containsKey(path)
                || path.equals("/v1/consult") || path.equals("/v1/report") || path.equals("/v1/answers-file");
    }

    /** Answers a request for one of the paths {@link #owns} says are the page's. */
    void handle(HttpExchange exchange, String method, String path) throws IOException {
        Headers headers = exchange.getResponseHeaders();
        headers.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Referrer-Policy", "no-referrer");
        headers.set("X-Frame-Options", "DENY");
        headers.set("Cache-Control", "no-store");
        String host = exchange.getRequestHeaders().getFirst("Host");
        if (loopbackOnly && !loopbackHost(host)) {
            sendJson(exchange, 403, errors("Host", "this service answers only to a loopback host name (127.0.0.1,"
                    + " localhost or [::1]), got " + (host == null ? "none" : "'" + host + "'")));
            return;
        }
        boolean post = path.startsWith("/v1/");
        if (!(post ? "POST" : "GET").equals(method)) {
            headers.set("Allow", post ? "POST" : "GET");
            sendJson(exchange, 405, errors("method", method + " is not allowed on " + path + "; use "
                    + (post ? "POST" : "GET")));
            return;
        }
        if (!post) {
            if (ASSETS.containsKey(path)) {
                send(exchange, 200, ASSETS.get(path), assets.get(path));
            } else {
                send(exchange, 200, "text/html; charset=utf-8", page());
            }
            return;
        }
        String origin = exchange.getRequestHeaders().getFirst("Origin");
        if (origin != null && !origin.equals("http://" + host)) {
            sendJson(exchange, 403, errors("Origin", "requests from another site are refused (Origin " + origin + ")"));
            return;
        }
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        if (type == null || !type.toLowerCase(Locale.ROOT).trim().startsWith("application/json")) {
            sendJson(exchange, 415, errors("Content-Type", "the body must be sent as application/json, got "
                    + (type == null ? "none" : type)));
            return;
        }
        byte[] body = exchange.getRequestBody().readNBytes(MAX_BODY_BYTES + 1);
        if (body.length > MAX_BODY_BYTES) {
            exchange.getResponseHeaders().set("Connection", "close");
            sendJson(exchange, 413, errors("body", "the request body is larger than " + MAX_BODY_BYTES / 1024 + " KiB"));
            return;
        }
        JsonNode request;
        try {
            request = JSON.readTree(new String(body, StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            sendJson(exchange, 400, errors("request body", "malformed JSON: " + e.getOriginalMessage()));
            return;
        }
        if (request == null || !request.isObject()) {
            sendJson(exchange, 400, errors("request body", "expected a JSON object"));
            return;
        }
        String query = exchange.getRequestURI().getQuery();
        Reply reply;
        try {
            reply = switch (path) {
                case "/v1/consult" -> runner.run(() -> consult(request));
                case "/v1/report" -> runner.run(() -> report(request, query));
                default -> answersFile(request);
            };
        } catch (TimeoutException e) {
            reply = json(503, errors("request", "the advice took longer than the deadline; the rules may loop on"
                    + " these answers"));
        }
        reply.headers().forEach(headers::set);
        send(exchange, reply.status(), reply.type(), reply.body());
    }

    private Reply consult(JsonNode request) {
        Map<String, String> texts;
        try {
            texts = texts(request);
        } catch (InvalidAnswersException e) {
            return json(400, errors(e.errors()));
        }
        return json(200, write(WebConsultation.consult(advisor.get(), texts)));
    }

    private Reply report(JsonNode request, String query) {
        String format = query != null && query.startsWith("format=") ? query.substring("format=".length()) : "";
        if (!List.of("html", "markdown", "json").contains(format)) {
            return json(400, errors("format", "use ?format=html, ?format=markdown or ?format=json"));
        }
        Advisor current = advisor.get();
        Advice advice;
        try {
            advice = WebConsultation.advise(current, WebConsultation.parse(current.questionnaire(), texts(request)));
        } catch (InvalidAnswersException e) {
            return json(400, errors(e.errors()));
        }
        Report report = current.report(advice, current.analyze(advice));
        // The same text as `ragft advise --format FORMAT`.
        String text;
        String type;
        String extension;
        switch (format) {
            case "html" -> {
                text = HtmlReport.render(report);
                type = "text/html; charset=utf-8";
                extension = "html";
            }
            case "markdown" -> {
                text = MarkdownReport.render(report);
                type = "text/markdown; charset=utf-8";
                extension = "md";
            }
            default -> {
                text = JsonReport.render(report) + "\n";
                type = JSON_TYPE;
                extension = "json";
            }
        }
        return new Reply(200, type, text.getBytes(StandardCharsets.UTF_8), Map.of("Content-Disposition",
                "attachment; filename=\"ragft-report-" + advice.strategy().name().toLowerCase(Locale.ROOT) + "." + extension + "\""));
    }

    private Reply answersFile(JsonNode request) {
        String name = fileName(request.path("name").asText(""));
        JsonNode text = request.get("text");
        if (text == null || !text.isTextual()) {
            return json(400, errors("text", "expected the file's content as a JSON string"));
        }
        Consultation consultation;
        try {
            consultation = Consultations.parse(text.asText(), Path.of(name));
        } catch (Consultations.ConsultationException e) {
            return json(400, errors(name, stripName(e.getMessage(), name)));
        }
        Questionnaire questionnaire = advisor.get().questionnaire();
        var answers = JSON.createObjectNode();
        for (String id : consultation.answers().ids()) {
            Object value = consultation.answers().get(id);
            Question q = questionnaire.question(id).orElse(null);
            answers.put(id, q == null ? String.valueOf(value) : QuestionnairePage.valueText(q, value));
        }
        var root = JSON.createObjectNode();
        root.put("name", name);
        root.put("description", consultation.description());
        root.set("answers", answers);
        return json(200, write(root));
    }

    /** {@code {"answers": {id: text}}}: texts as typed; JSON numbers and booleans are accepted as their text. */
    private static Map<String, String> texts(JsonNode request) {
        JsonNode answers = request.get("answers");
        if (answers == null || !answers.isObject()) {
            throw new InvalidAnswersException(new InputError("answers", "expected an object of question id to text"));
        }
        Map<String, String> texts = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = answers.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode value = field.getValue();
            if (value.isTextual()) {
                texts.put(field.getKey(), value.asText());
            } else if (value.isNumber()) {
                // As written (1E+3 stays short): a plain rendering of a huge exponent would be enormous.
                texts.put(field.getKey(), value.decimalValue().toString());
            } else if (value.isBoolean()) {
                texts.put(field.getKey(), value.asBoolean() ? "yes" : "no");
            } else if (value.isNull()) {
                texts.put(field.getKey(), "");
            } else {
                throw new InvalidAnswersException(new InputError(field.getKey(), "expected the answer as text"));
            }
        }
        return texts;
    }

    // Browsers send the bare file name; anything else (folders, control characters) is dropped.
    private static String fileName(String given) {
        String name = given.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}]", "").trim();
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            return "answers file";
        }
        return name.length() > 100 ? name.substring(0, 100) : name;
    }

    private static String stripName(String message, String name) {
        return message.startsWith(name) ? message.substring(name.length()).replaceFirst("^: ", "") : message;
    }

    private synchronized byte[] page() {
        Advisor current = advisor.get();
        if (current != pageAdvisor) {
            page = QuestionnairePage.render(current.questionnaire()).getBytes(StandardCharsets.UTF_8);
            pageAdvisor = current;
        }
        return page;
    }

    static boolean loopbackHost(String host) {
        if (host == null) {
            return false;
        }
        String name = host.trim().toLowerCase(Locale.ROOT);
        if (name.startsWith("[")) {
            int end = name.indexOf(']');
            return end > 0 && name.substring(1, end).equals("::1");
        }
        int colon = name.indexOf(':');
        if (colon >= 0) {
            name = name.substring(0, colon);
        }
        return name.equals("localhost") || name.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
    }

    private static byte[] resource(String name) {
        try (InputStream in = WebPage.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("classpath:" + name + ": not found; is the jar complete?");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String errors(String field, String message) {
        return errors(List.of(new InputError(field, message)));
    }

    private static String errors(List<InputError> errors) {
        return HttpService.errors(errors);
    }

    private static void sendJson(HttpExchange exchange, int status, String json) throws IOException {
        Reply reply = json(status, json);
        send(exchange, reply.status(), reply.type(), reply.body());
    }

    private static Reply json(int status, String json) {
        return new Reply(status, JSON_TYPE, (json.endsWith("\n") ? json : json + "\n").getBytes(StandardCharsets.UTF_8), Map.of());
    }

    private static String write(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the reply", e);
        }
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] bytes) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
