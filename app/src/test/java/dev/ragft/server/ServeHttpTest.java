package dev.ragft.server;

import dev.ragft.server.HttpService;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ragft.Advisor;
import dev.ragft.questionnaire.Answers;
import dev.ragft.InputError;
import dev.ragft.questionnaire.Questionnaire;
import dev.ragft.testing.RulesCopy;
import dev.ragft.testing.ServeProcess;
import dev.ragft.testing.Fixtures;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ragft serve} as a real process on 127.0.0.1 (port 0), over loopback with the JDK's HTTP
 * client. One process serves every test (a JVM and a rule compilation cost seconds); it watches a copy
 * of {@code rules/}, and the last test stops it with SIGTERM.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ServeHttpTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final List<String> ANSWERS = List.of(
            "{\"knowledge_change\": \"daily\", \"query_variety\": \"WIDE\", \"monthly_queries\": 50000,"
                    + " \"hosting_infrastructure\": false, \"training_examples\": 500}",
            "{\"knowledge_change\": \"RARELY\", \"query_variety\": \"REPETITIVE\", \"monthly_queries\": 1000000,"
                    + " \"hosting_infrastructure\": true, \"training_examples\": 20000, \"model_size\": \"70B\"}",
            "{\"knowledge_change\": \"WEEKLY\", \"query_variety\": \"MIXED\", \"monthly_queries\": 20000,"
                    + " \"hosting_infrastructure\": true, \"training_examples\": 5000, \"style_format_needs\": true,"
                    + " \"audit_trail_required\": true}",
            "{\"knowledge_change\": \"MONTHLY\", \"query_variety\": \"MIXED\", \"monthly_queries\": 800,"
                    + " \"hosting_infrastructure\": false, \"training_examples\": 40, \"on_prem_required\": true}");

    @TempDir
    static Path work;
    static Path rulesCopy;

    static ServeProcess server;
    static HttpClient client;
    static List<String> expected = new ArrayList<>();

    @BeforeAll
    static void start() throws IOException {
        rulesCopy = RulesCopy.of(work);
        server = ServeProcess.start("--rules", rulesCopy.toString(), "--watch", "--watch-interval", "100");
        client = HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY).version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(30)).build();
        // What the facade says for the same rules: the service must answer byte for byte the same.
        Advisor advisor = Fixtures.advisor();
        for (String answers : ANSWERS) {
            // As `ragft advise --format json` prints it: the report and a newline.
            expected.add(advisor.advise(Answers.fromJson(answers, "test")).toJson() + "\n");
        }
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    static HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(server.uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(server.uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    static List<InputError> errors(HttpResponse<String> response) throws IOException {
        List<InputError> errors = new ArrayList<>();
        for (JsonNode error : JSON.readTree(response.body()).get("errors")) {
            errors.add(new InputError(error.get("field").asText(), error.get("message").asText()));
        }
        return errors;
    }

    @Test
    @Order(1)
    void bindsLoopbackAndReportsTheActualPort() {
        assertThat(server.port()).isPositive();
        assertThat(server.stdout()).contains("listening on http://127.0.0.1:" + server.port() + "/");
    }

    @Test
    @Order(2)
    void advicePostedAsJsonComesBackAsTheJsonReport() throws Exception {
        HttpResponse<String> response = post("/v1/advice", ANSWERS.get(0));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
        assertThat(response.body()).isEqualTo(expected.get(0));
        assertThat(JSON.readTree(response.body()).at("/recommendation/strategy").asText()).isEqualTo("RAG");
    }

    @Test
    @Order(3)
    void badAnswersGet400WithTheCliFieldErrors() throws Exception {
        String bad = "{\"knowledge_change\": \"HOURLY\", \"monthly_querys\": 5, \"hosting_infrastructure\": \"maybe\"}";
        HttpResponse<String> response = post("/v1/advice", bad);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
        // The same errors, same words, as the questionnaire gives the CLI.
        List<InputError> cli = Questionnaire.fromClasspath().validate(Answers.fromJson(bad, "x"));
        assertThat(errors(response)).isEqualTo(cli);
        assertThat(errors(response)).extracting(InputError::field)
                .contains("knowledge_change", "monthly_querys", "hosting_infrastructure");

        HttpResponse<String> malformed = post("/v1/advice", "{\"knowledge_change\": ");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(errors(malformed)).singleElement()
                .satisfies(e -> assertThat(e.field()).startsWith("request body:1:"));
    }

    @Test
    @Order(4)
    void unknownPathIs404() throws Exception {
        HttpResponse<String> response = get("/v1/advise");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(errors(response)).singleElement().satisfies(e -> assertThat(e.message()).contains("/v1/advice"));
    }

    @Test
    @Order(5)
    void wrongMethodIs405WithAllow() throws Exception {
        HttpResponse<String> getAdvice = get("/v1/advice");
        assertThat(getAdvice.statusCode()).isEqualTo(405);
        assertThat(getAdvice.headers().firstValue("Allow")).hasValue("POST");
        HttpResponse<String> postHealth = post("/healthz", "{}");
        assertThat(postHealth.statusCode()).isEqualTo(405);
        assertThat(postHealth.headers().firstValue("Allow")).hasValue("GET");
    }

    @Test
    @Order(6)
    void bodyOverTheLimitIs413() throws Exception {
        String huge = "{\"knowledge_change\": \"" + "D".repeat(HttpService.MAX_BODY_BYTES) + "\"}";
        HttpResponse<String> response = post("/v1/advice", huge);
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(errors(response)).singleElement().satisfies(e -> assertThat(e.field()).isEqualTo("body"));
        // Just under the limit is read and judged on its content.
        String padded = ANSWERS.get(1).replace("{", "{" + " ".repeat(HttpService.MAX_BODY_BYTES - ANSWERS.get(1).length()));
        assertThat(padded.getBytes(StandardCharsets.UTF_8)).hasSize(HttpService.MAX_BODY_BYTES);
        HttpResponse<String> atLimit = post("/v1/advice", padded);
        assertThat(atLimit.statusCode()).isEqualTo(200);
        assertThat(atLimit.body()).isEqualTo(expected.get(1));
    }

    @Test
    @Order(7)
    void questionsAndHealth() throws Exception {
        HttpResponse<String> questions = get("/v1/questions");
        assertThat(questions.statusCode()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        JSON.readTree(questions.body()).get("questions").forEach(q -> ids.add(q.get("id").asText()));
        assertThat(ids).containsExactlyElementsOf(
                Questionnaire.fromClasspath().questions().stream().map(q -> q.id()).toList());
        HttpResponse<String> health = get("/healthz");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(health.body()).get("status").asText()).isEqualTo("ok");
    }

    @Test
    @Order(8)
    void twoHundredConcurrentRequestsGetIdenticalAnswers() {
        List<CompletableFuture<HttpResponse<String>>> inFlight = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            HttpRequest request = HttpRequest.newBuilder(server.uri("/v1/advice")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(ANSWERS.get(i % ANSWERS.size()))).build();
            inFlight.add(client.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
        }
        for (int i = 0; i < inFlight.size(); i++) {
            HttpResponse<String> response = inFlight.get(i).join();
            assertThat(response.statusCode()).as("request %d", i).isEqualTo(200);
            assertThat(response.body()).as("request %d", i).isEqualTo(expected.get(i % ANSWERS.size()));
        }
    }

    @Test
    @Order(9)
    void watchKeepsTheLastGoodRulesWhenAnEditBreaksThem() throws Exception {
        Path drl = rulesCopy.resolve("20-when-to-use-rag.drl");
        String good = Files.readString(drl);
        Files.writeString(drl, good + "\nrule \"Broken on purpose\"\nwhen\n    Profile(\nthen\nend\n");
        assertThat(server.awaitStderr("do not compile")).as(server.stderr()).isTrue();
        // The errors follow that line, and may not have been read yet when it is.
        assertThat(server.awaitStderr("20-when-to-use-rag.drl:")).as(server.stderr()).isTrue();
        assertThat(server.stderr()).containsPattern("20-when-to-use-rag\\.drl:\\d+");
        HttpResponse<String> stillGood = post("/v1/advice", ANSWERS.get(2));
        assertThat(stillGood.statusCode()).isEqualTo(200);
        assertThat(stillGood.body()).isEqualTo(expected.get(2));

        // A valid edit is picked up: half the weight of one criterion shows in the report.
        Files.writeString(drl, good);
        Path policy = rulesCopy.resolve("policy.properties");
        String weights = Files.readString(policy);
        Files.writeString(policy, weights.replaceFirst("(?m)^weight\\.rag\\.frequent-data-changes\\s*=.*$",
                "weight.rag.frequent-data-changes = 0.5"));
        assertThat(server.awaitStderr("rules reloaded")).as(server.stderr()).isTrue();
        JsonNode report = JSON.readTree(post("/v1/advice", ANSWERS.get(0)).body());
        JsonNode changed = null;
        for (JsonNode criterion : report.get("criteria")) {
            if (criterion.get("id").asText().equals("rag.frequent-data-changes")) {
                changed = criterion;
            }
        }
        assertThat(changed).isNotNull();
        assertThat(changed.get("weight").asDouble()).isEqualTo(0.5);
        assertThat(JSON.readTree(get("/healthz").body()).at("/rules/load").asInt()).isEqualTo(2);
    }

    @Test
    @Order(10)
    void sigtermStopsGracefullyWithExitZero() throws Exception {
        CompletableFuture<HttpResponse<String>> last = client.sendAsync(HttpRequest.newBuilder(server.uri("/v1/advice"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(ANSWERS.get(3))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(last.join().statusCode()).isEqualTo(200);
        int exit = server.terminate();
        assertThat(exit).as(server.stderr()).isZero();
        assertThat(server.stderr()).contains("stopping", "stopped");
        assertThatThrownBy(() -> get("/healthz")).isInstanceOf(ConnectException.class);
    }
}
