package dev.ragft.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ragft.Advice;
import dev.ragft.Advisor;
import dev.ragft.InvalidAnswersException;
import dev.ragft.answers.Consultations;
import dev.ragft.questionnaire.Answers;
import dev.ragft.questionnaire.Question;
import dev.ragft.questionnaire.Questionnaire;
import dev.ragft.report.HtmlReport;
import dev.ragft.report.JsonReport;
import dev.ragft.report.MarkdownReport;
import dev.ragft.testing.RagftProcess;
import dev.ragft.testing.ServeProcess;
import dev.ragft.testing.Fixtures;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * The web page of {@code ragft serve}: a real service process on 127.0.0.1 (port 0), checked over HTTP
 * for its headers and endpoints, then driven in real headless Chromium (Debian's {@code chromium} and
 * {@code chromium-driver}, which {@code .ci/run} installs) as a person would use it. Every expected
 * recommendation and message comes from the real engine or the real CLI, never from the page itself.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebPageTest {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    /** Generous: the machine running the suite may be busy; nothing here measures speed. */
    static final Duration PATIENCE = Duration.ofSeconds(90);
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path work;

    static ServeProcess server;
    static HttpClient client;
    static Advisor advisor;
    static WebDriver browser;
    static final List<String> consoleErrors = new ArrayList<>();

    @BeforeAll
    static void start() {
        server = ServeProcess.start();
        client = HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY).version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(30)).build();
        // The service reads the repo's rules (as ./ragft does); the expectations come from the same ones.
        advisor = Fixtures.advisor();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.close();
        }
    }

    // ---------------------------------------------------------------- HTTP

    static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(server.uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> post(String path, String type, String body) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(server.uri(path)).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static final Map<String, String> TYPED = new LinkedHashMap<>();

    static {
        TYPED.put("knowledge_change", "daily");
        TYPED.put("query_variety", "WIDE");
        TYPED.put("monthly_queries", "50k");
        TYPED.put("hosting_infrastructure", "no");
        TYPED.put("training_examples", "5000");
    }

    /** The typed answers as the engine gets them (parsed as --set parses them). */
    static Answers parsed(Map<String, String> typed) {
        Questionnaire questionnaire = advisor.questionnaire();
        Map<String, Object> values = new LinkedHashMap<>();
        typed.forEach((id, text) -> {
            if (!text.isBlank()) {
                values.put(id, questionnaire.parseText(id, text));
            }
        });
        return Answers.of(values);
    }

    static String body(Map<String, String> typed) throws IOException {
        return JSON.writeValueAsString(Map.of("answers", typed));
    }

    @Test
    @Order(1)
    void thePageIsGeneratedFromTheQuestionnaireAndServedUnderAStrictPolicy() throws Exception {
        HttpResponse<String> page = get("/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        String csp = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(csp).contains("default-src 'none'", "script-src 'self'", "style-src 'self'", "connect-src 'self'",
                "frame-ancestors 'none'").doesNotContain("unsafe-inline", "unsafe-eval");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        String html = page.body();
        // Every question, with its prompt as a label, its help and its range; every section.
        for (Question q : advisor.questionnaire().questions()) {
            assertThat(html).contains("<label class=\"prompt\" for=\"f-" + q.id() + "\">" + QuestionnairePage.text(q.prompt()));
            assertThat(html).contains(QuestionnairePage.text(q.help()));
            if (!q.rangeText().isEmpty()) {
                assertThat(html).contains("Allowed: " + QuestionnairePage.text(q.rangeText()));
            }
        }
        advisor.questionnaire().sections().forEach(s -> assertThat(html).contains(QuestionnairePage.text(s.title())));
        // No inline code for the policy to forbid, nothing from elsewhere, no paths of this machine.
        assertThat(html).doesNotContain("<script>", "style=", "onclick", "onload", "http://", "https://",
                RagftProcess.REPO.toString(), System.getProperty("user.home"));
        assertThat(get("/web/app.js").headers().firstValue("Content-Type")).hasValue("text/javascript; charset=utf-8");
        assertThat(get("/web/app.js").body()).doesNotContain("eval(", "new Function", "innerHTML", "http://", "https://");
        assertThat(get("/web/app.css").statusCode()).isEqualTo(200);
    }

    @Test
    @Order(2)
    void postsMustBeJsonFromThisSiteAndNameALoopbackHost() throws Exception {
        HttpResponse<String> plain = post("/v1/consult", "text/plain", body(TYPED));
        assertThat(plain.statusCode()).isEqualTo(415);
        assertThat(plain.body()).contains("application/json");
        HttpResponse<String> crossSite = client.send(HttpRequest.newBuilder(server.uri("/v1/consult"))
                .header("Content-Type", "application/json").header("Origin", "http://evil.example")
                .POST(HttpRequest.BodyPublishers.ofString(body(TYPED))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(crossSite.statusCode()).isEqualTo(403);
        assertThat(get("/v1/consult").statusCode()).isEqualTo(405);
        // DNS rebinding: a page on another site whose name resolves to 127.0.0.1 sends its own Host.
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET / HTTP/1.1\r\nHost: rebind.example:" + server.port() + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(response).startsWith("HTTP/1.1 403").contains("loopback host name");
        }
    }

    @Test
    @Order(3)
    void consultTakesTypedTextAndAnswersWithTheReportAnalysisAndChart() throws Exception {
        HttpResponse<String> response = post("/v1/consult", "application/json", body(TYPED));
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode root = JSON.readTree(response.body());
        Advice advice = advisor.advise(parsed(TYPED));
        JsonNode expected = JSON.readTree(JsonReport.render(advice, advisor.analyze(advice)));
        assertThat(root.get("report")).isEqualTo(expected);
        assertThat(root.get("chartSvg").asText()).startsWith("<svg").contains("</svg>").doesNotContain("style=");
        assertThat(root.get("fieldErrors")).isEmpty();
        assertThat(root.get("missing")).isEmpty();
        assertThat(root.at("/notAsked/latency_budget_ms").asText()).contains("latency_sensitivity");

        Map<String, String> bad = new LinkedHashMap<>(TYPED);
        bad.put("monthly_queries", "lots");
        bad.put("horizon_months", "500");
        bad.remove("training_examples");
        JsonNode errors = JSON.readTree(post("/v1/consult", "application/json", body(bad)).body());
        assertThat(errors.get("report").isNull()).isTrue();
        assertThat(errors.at("/missing/0/field").asText()).isEqualTo("training_examples");
        Map<String, String> byField = new LinkedHashMap<>();
        errors.get("fieldErrors").forEach(e -> byField.put(e.get("field").asText(), e.get("message").asText()));
        assertThat(byField).containsOnlyKeys("monthly_queries", "horizon_months");
        assertThat(byField.get("monthly_queries")).isEqualTo(parseMessage("monthly_queries", "lots"));
        assertThat(byField.get("horizon_months")).isEqualTo("must be between 1 and 120 months, got 500");
    }

    @Test
    @Order(4)
    void downloadsAreTheReportsOfAdviseAndAnswersFilesLoadAsFieldTexts() throws Exception {
        Advice advice = advisor.advise(parsed(TYPED));
        var made = advisor.report(advice, advisor.analyze(advice));
        Map<String, String> expected = Map.of("html", HtmlReport.render(made),
                "markdown", MarkdownReport.render(made),
                "json", JsonReport.render(made) + "\n");
        for (var format : expected.entrySet()) {
            HttpResponse<String> report = post("/v1/report?format=" + format.getKey(), "application/json", body(TYPED));
            assertThat(report.statusCode()).isEqualTo(200);
            assertThat(report.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment;");
            // The same report but for the moment it was made (a request later than this test's own render).
            assertThat(undated(report.body())).isEqualTo(undated(format.getValue()));
        }
        assertThat(post("/v1/report?format=pdf", "application/json", body(TYPED)).statusCode()).isEqualTo(400);

        String example = Files.readString(Path.of("questionnaires/examples/small-company.json"));
        HttpResponse<String> loaded = post("/v1/answers-file", "application/json",
                JSON.writeValueAsString(Map.of("name", "small-company.json", "text", example)));
        assertThat(loaded.statusCode()).isEqualTo(200);
        JsonNode answers = JSON.readTree(loaded.body()).get("answers");
        assertThat(answers.get("hosting_infrastructure").asText()).isEqualTo("yes");
        assertThat(answers.get("retrieval_cost_per_query_usd").asText()).isEqualTo("0.1");
        HttpResponse<String> broken = post("/v1/answers-file", "application/json",
                JSON.writeValueAsString(Map.of("name", "/home/someone/mine.json", "text", "{\"a\": 1,")));
        assertThat(broken.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(broken.body()).at("/errors/0/field").asText()).isEqualTo("mine.json");
        assertThat(broken.body()).contains("malformed JSON").doesNotContain("/home/someone");
    }

    /** The message the questionnaire's parser (console, {@code --set}) gives for {@code text}. */
    static String parseMessage(String id, String text) {
        try {
            advisor.questionnaire().parseText(id, text);
        } catch (InvalidAnswersException e) {
            return e.errors().get(0).message();
        }
        throw new AssertionError(id + "=" + text + " was accepted");
    }

    // ---------------------------------------------------------------- browser

    static WebDriver browser() throws IOException {
        assertThat(CHROMIUM).as("Debian's chromium (apt-get install chromium chromium-driver; .ci/run does)").isExecutable();
        assertThat(CHROMEDRIVER).as("Debian's chromium-driver").isExecutable();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                "--user-data-dir=" + Files.createDirectories(work.resolve("chromium-profile")));
        options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads().toString(),
                "download.prompt_for_download", false));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
                .usingAnyFreePort()
                .withLogOutput(OutputStream.nullOutputStream())
                .build();
        WebDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(PATIENCE).scriptTimeout(PATIENCE);
        return driver;
    }

    static Path downloads() throws IOException {
        return Files.createDirectories(work.resolve("downloads"));
    }

    /** Polls until {@code condition} holds; fails with {@code what} and the page's status line if it never does. */
    static void await(String what, Supplier<Boolean> condition) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (Boolean.TRUE.equals(condition.get())) {
                    return;
                }
            } catch (RuntimeException stale) {
                // the element was redrawn between finding and reading it; look again
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
        throw new AssertionError("timed out waiting for " + what + "; status: " + text("status")
                + "; service stderr: " + server.stderr());
    }

    static WebElement byId(String id) {
        return browser.findElement(By.id(id));
    }

    static String text(String id) {
        try {
            return byId(id).getText();
        } catch (RuntimeException e) {
            return "(" + e.getClass().getSimpleName() + ")";
        }
    }

    static void choose(String question, String value) {
        byId("f-" + question).findElement(By.cssSelector("option[value='" + value + "']")).click();
    }

    static void type(String question, String text) {
        WebElement field = byId("f-" + question);
        field.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        field.sendKeys(text);
    }

    static String fieldValue(String question) {
        return byId("f-" + question).getDomProperty("value");
    }

    static Object script(String code) {
        return ((JavascriptExecutor) browser).executeScript(code);
    }

    static void collectConsoleErrors() {
        for (LogEntry entry : browser.manage().logs().get(LogType.BROWSER)) {
            if (entry.getLevel().intValue() >= Level.WARNING.intValue()) {
                consoleErrors.add(entry.getLevel() + " " + entry.getMessage());
            }
        }
    }

    static void screenshot(int width, int height, String name) throws IOException, InterruptedException {
        browser.manage().window().setSize(new Dimension(width, height));
        await("the layout at " + width + " px", () -> ((Number) script("return window.innerWidth")).intValue() <= width);
        script("document.activeElement.blur(); window.scrollTo(0, 0);");
        Path target = Path.of("target", name);
        Files.createDirectories(target.getParent());
        Files.copy(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(), target,
                StandardCopyOption.REPLACE_EXISTING);
        assertThat(Files.size(target)).isPositive();
    }

    /** The answers in the page's address, decoded. */
    static Map<String, String> fragment() {
        String url = browser.getCurrentUrl();
        Map<String, String> values = new LinkedHashMap<>();
        int hash = url.indexOf('#');
        if (hash < 0) {
            return values;
        }
        for (String pair : url.substring(hash + 1).split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                values.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return values;
    }

    @Test
    @Order(10)
    void aPersonAnswersSharesAndMistypesInHeadlessChromium() throws Exception {
        browser = browser();
        browser.manage().window().setSize(new Dimension(1280, 1000));
        browser.get(server.uri("/").toString());
        // The console is really read: a probe written to it is found (and then set aside).
        script("console.error('ragft-console-probe')");
        collectConsoleErrors();
        assertThat(consoleErrors).anySatisfy(line -> assertThat(line).contains("ragft-console-probe"));
        consoleErrors.clear();
        await("the page to ask for the required questions", () -> text("status").startsWith("Answer the required questions"));

        // Accessible: every control has a label; the keyboard reaches the skip link, then the first question.
        assertThat(((Number) script("return Array.from(document.querySelectorAll('select, input'))"
                + ".filter(c => c.labels.length === 0).length")).intValue()).isZero();
        browser.findElement(By.tagName("body")).sendKeys(Keys.TAB);
        assertThat(script("return document.activeElement.className")).isEqualTo("skip");
        browser.switchTo().activeElement().sendKeys(Keys.TAB);
        assertThat(script("return document.activeElement.id")).isEqualTo("f-knowledge_change");
        assertThat(script("return getComputedStyle(document.activeElement).outlineStyle")).as("visible focus")
                .isEqualTo("solid");

        // 1. The required questions; a recommendation appears, the engine's.
        choose("knowledge_change", "DAILY");
        choose("query_variety", "WIDE");
        type("monthly_queries", "50k");
        choose("hosting_infrastructure", "no");
        type("training_examples", "5000");
        Map<String, String> typed = new LinkedHashMap<>(TYPED);
        Advice first = advisor.advise(parsed(typed));
        await("the recommendation " + first.strategy(), () -> text("strategy").equals(first.strategy().name())
                && text("confidence").contains(first.confidence().name()));
        assertThat(byId("chart").findElement(By.tagName("img")).getAttribute("alt")).contains("Cumulative cost over 12 months");
        assertThat(text("deciding")).contains(first.recommendation().decidingCriteria().get(0));
        assertThat(fragment()).containsEntry("knowledge_change", "DAILY").containsEntry("monthly_queries", "50k");
        // A question the answers make moot is collapsed with its reason, and can still be opened.
        WebElement note = byId("k-latency_budget_ms");
        await("latency_budget_ms collapsed", note::isDisplayed);
        assertThat(note.getText()).contains("Asked only when latency_sensitivity");
        assertThat(byId("b-latency_budget_ms").isDisplayed()).isFalse();
        note.findElement(By.tagName("button")).click();
        assertThat(byId("b-latency_budget_ms").isDisplayed()).isTrue();

        // 2. knowledge_change changes, and so does the recommendation, without a reload.
        script("window.sameDocument = true");
        choose("knowledge_change", "RARELY");
        typed.put("knowledge_change", "RARELY");
        Advice second = advisor.advise(parsed(typed));
        assertThat(second.strategy()).as("the test needs answers whose strategy moves").isNotEqualTo(first.strategy());
        await("the recommendation " + second.strategy(), () -> text("strategy").equals(second.strategy().name())
                && text("confidence").contains(second.confidence().name()));
        assertThat(script("return window.sameDocument")).isEqualTo(true);

        // 3. Apply the first "what would change this" flip with one click.
        WebElement apply = byId("flips").findElement(By.cssSelector("button.apply"));
        String flipped = apply.getAttribute("data-question");
        String flippedTo = apply.getAttribute("data-value");
        typed.put(flipped, flippedTo);
        Advice third = advisor.advise(parsed(typed));
        assertThat(third.strategy()).isNotEqualTo(second.strategy());
        apply.click();
        await("the flip to " + third.strategy(), () -> text("strategy").equals(third.strategy().name()));
        assertThat(fieldValue(flipped)).isEqualTo(flippedTo);
        assertThat(fragment()).containsEntry(flipped, flippedTo);
        String flipsBefore = text("flips");

        // 4. The shared address, opened afresh, gives the same consultation.
        String shared = browser.getCurrentUrl();
        browser.get("about:blank");
        browser.get(shared);
        await("the shared consultation", () -> text("strategy").equals(third.strategy().name())
                && text("flips").equals(flipsBefore));
        assertThat(script("return window.sameDocument")).isNull();
        typed.forEach((id, value) -> assertThat(fieldValue(id)).as(id).isEqualToIgnoringCase(value));

        // 5. A bad number: the CLI's message beside the field; what was typed survives a reload.
        type("monthly_queries", "12x");
        String message = parseMessage("monthly_queries", "12x");
        RagftProcess.Result cli = RagftProcess.run("advise", "--set", "monthly_queries=12x");
        assertThat(cli.stderr()).contains("monthly_queries: " + message);
        await("the field error", () -> byId("e-monthly_queries").isDisplayed()
                && text("e-monthly_queries").equals(message));
        assertThat(byId("f-monthly_queries").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(text("strategy")).isEqualTo(third.strategy().name());
        assertThat(byId("result").getAttribute("class")).contains("stale");
        browser.navigate().refresh();
        await("the field error after a reload", () -> text("e-monthly_queries").equals(message));
        assertThat(fieldValue("monthly_queries")).isEqualTo("12x");

        // 6. At 360 px: nothing wider than the screen.
        type("monthly_queries", typed.get("monthly_queries"));
        await("the recommendation again", () -> text("strategy").equals(third.strategy().name())
                && !byId("e-monthly_queries").isDisplayed());
        screenshot(360, 800, "web-360.png");
        assertThat(((Number) script("return document.documentElement.scrollWidth")).intValue()).isLessThanOrEqualTo(360);
        // The panel is below the questions there; the bottom bar keeps the verdict in sight.
        assertThat(byId("mini").isDisplayed()).isTrue();
        assertThat(text("mini-text")).contains(third.strategy().name());
        screenshot(1280, 1400, "web-1280.png");
        assertThat(byId("mini").isDisplayed()).isFalse();

        // 7. An answers file (an example, as the CLI reads it) fills the fields and advises.
        Path example = Path.of("questionnaires/examples/small-company.json").toAbsolutePath();
        Advice fromFile = advisor.advise(Consultations.read(example).answers());
        byId("answers-file").sendKeys(example.toString());
        await("the example's answers", () -> "yes".equals(fieldValue("hosting_infrastructure"))
                && text("strategy").equals(fromFile.strategy().name()));
        assertThat(fieldValue("retrieval_cost_per_query_usd")).isEqualTo("0.1");
        assertThat(fragment()).containsEntry("training_examples", "2000").containsEntry("model_size", "7B");
        // ... and its report downloads as `ragft advise --format json` prints it.
        browser.findElement(By.cssSelector("#downloads button[data-format='json']")).click();
        Path report = downloads().resolve("ragft-report-" + fromFile.strategy().name().toLowerCase(java.util.Locale.ROOT) + ".json");
        await("the downloaded report", () -> Files.exists(report));
        assertThat(undated(Files.readString(report)))
                .isEqualTo(undated(JsonReport.render(advisor.report(fromFile, advisor.analyze(fromFile))) + "\n"));

        // 8. Dark mode follows the system's colour scheme.
        String light = (String) script("return getComputedStyle(document.body).backgroundColor");
        ((ChromeDriver) browser).executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features",
                List.of(Map.of("name", "prefers-color-scheme", "value", "dark"))));
        String dark = (String) script("return getComputedStyle(document.body).backgroundColor");
        assertThat(dark).isNotEqualTo(light);

        collectConsoleErrors();
        assertThat(consoleErrors).as("browser console").isEmpty();
    }

    /** The report with its generation time (date line and JSON timestamp) blanked out. */
    private static String undated(String report) {
        return report.replaceAll("\\d{4}-\\d{2}-\\d{2}[ T]\\d{2}:\\d{2}(:\\d{2})?(Z| UTC)", "<generated>");
    }
}
