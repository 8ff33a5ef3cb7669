package dev.ragft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ragft.testing.RulesCopy;
import dev.ragft.testing.ServeProcess;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ragft serve} as a real process with rules that compile but misbehave: {@code --watch} refuses
 * an edit that loops or throws (keeps answering with the last good rules, {@code /healthz} unhealthy
 * with the problem under {@code rules}, no folder named) and takes the fixed rules back; a server whose rules throw answers
 * the request that reaches the rule with a 500 JSON body naming the rule.
 */
class ServeRuleFaultsTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String ANSWERS = "{\"knowledge_change\": \"WEEKLY\", \"query_variety\": \"MIXED\", \"monthly_queries\": 20000,"
            + " \"hosting_infrastructure\": true, \"training_examples\": 5000}";

    @TempDir
    static Path work;
    static HttpClient client;

    @BeforeAll
    static void client() {
        client = HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY).version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(30)).build();
    }

    @AfterAll
    static void noClient() {
        client = null;
    }

    static HttpResponse<String> post(ServeProcess server, String body) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(server.uri("/v1/advice")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> health(ServeProcess server) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(server.uri("/healthz")).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    static String fault(String ruleName, String consequence) {
        return """
                package dev.ragft.rules;

                import dev.ragft.facts.Profile;

                rule "%s"
                    @criterion("decision") @section("Decision")
                when
                    Profile()
                then
                %s
                end
                """.formatted(ruleName, consequence);
    }

    static final String LOOPS = fault("Faulty: loops", "    long turns = 0;\n    while (true) {\n        turns++;\n    }");
    static final String THROWS = fault("Faulty: throws",
            "    String nothing = null;\n    if (nothing == null) {\n        throw new IllegalStateException(\"boom\");\n    }");

    @Test
    void watchRefusesRulesThatLoopOrThrowKeepsServingAndSaysSoInHealthz() throws Exception {
        Path rules = RulesCopy.of(work.resolve("watched"));
        try (ServeProcess server = ServeProcess.start("--rules", rules.toString(), "--watch", "--watch-interval", "200",
                "--time-limit", "3")) {
            HttpResponse<String> before = post(server, ANSWERS);
            assertThat(before.statusCode()).as(before.body()).isEqualTo(200);
            assertThat(health(server).statusCode()).isEqualTo(200);

            Files.writeString(rules.resolve("99-fault.drl"), LOOPS);
            assertThat(server.awaitStderr("rule \"Faulty: loops\" did not finish within the time limit of 3 s"))
                    .as(server.stderr()).isTrue();
            assertThat(server.stderr()).contains("still serving the last good rules (load 1)")
                    .contains(rules.resolve("99-fault.drl") + ":5:").doesNotContain("\tat ");
            HttpResponse<String> stillGood = post(server, ANSWERS);
            assertThat(stillGood.statusCode()).isEqualTo(200);
            assertThat(stillGood.body()).isEqualTo(before.body());
            HttpResponse<String> unhealthy = health(server);
            assertThat(unhealthy.statusCode()).isEqualTo(503);
            JsonNode report = JSON.readTree(unhealthy.body());
            assertThat(report.get("status").asText()).isEqualTo("unhealthy");
            assertThat(report.at("/rules/version").asText()).matches("sha256:[0-9a-f]{16}");
            assertThat(report.at("/rules/load").asInt()).isEqualTo(1);
            assertThat(report.at("/rules/files").asInt()).isPositive();
            assertThat(report.at("/rules/problem").asText()).contains("99-fault.drl:5: rule \"Faulty: loops\" did not finish")
                    .contains("load 1 is still in use").doesNotContain(work.toString());
            assertThat(unhealthy.body()).doesNotContain(work.toString());

            Files.writeString(rules.resolve("99-fault.drl"), THROWS);
            assertThat(server.awaitStderr("rule \"Faulty: throws\" threw IllegalStateException: boom"))
                    .as(server.stderr()).isTrue();
            assertThat(post(server, ANSWERS).body()).isEqualTo(before.body());
            assertThat(JSON.readTree(health(server).body()).at("/rules/problem").asText())
                    .contains("99-fault.drl:5: rule \"Faulty: throws\" threw IllegalStateException: boom");

            Files.delete(rules.resolve("99-fault.drl"));
            assertThat(server.awaitStderr("(load 2)")).as(server.stderr()).isTrue();
            HttpResponse<String> healthy = health(server);
            assertThat(healthy.statusCode()).isEqualTo(200);
            JsonNode ok = JSON.readTree(healthy.body());
            assertThat(ok.get("status").asText()).isEqualTo("ok");
            assertThat(ok.at("/rules/load").asInt()).isEqualTo(2);
            assertThat(ok.at("/rules").has("problem")).isFalse();
            assertThat(post(server, ANSWERS).body()).isEqualTo(before.body());
            assertThat(server.terminate()).as(server.stderr()).isZero();
        }
    }

    @Test
    void aRuleThatThrowsOnARequestIsA500JsonBodyNamingTheRule() throws Exception {
        Path rules = RulesCopy.of(work.resolve("throwing"));
        Files.writeString(rules.resolve("99-fault.drl"), THROWS);
        try (ServeProcess server = ServeProcess.start("--rules", rules.toString())) {
            // Rules that compile but fail their check still serve (nothing better exists), and say so.
            assertThat(server.stderr()).contains("warning: the rules in use fail their check");
            assertThat(health(server).statusCode()).isEqualTo(503);

            HttpResponse<String> response = post(server, ANSWERS);
            assertThat(response.statusCode()).isEqualTo(500);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/json"));
            JsonNode error = JSON.readTree(response.body()).get("errors").get(0);
            assertThat(error.get("field").asText()).isEqualTo("rules");
            assertThat(error.get("rule").asText()).isEqualTo("Faulty: throws");
            assertThat(error.get("file").asText()).isEqualTo("99-fault.drl");
            assertThat(error.get("line").asInt()).isEqualTo(5);
            assertThat(error.get("message").asText()).contains("threw IllegalStateException: boom");
            assertThat(JSON.readTree(response.body()).get("answers").get("monthly_queries").asLong()).isEqualTo(20000);
            assertThat(response.body()).doesNotContain(work.toString());

            // The server stays up for the next request.
            assertThat(health(server).statusCode()).isEqualTo(503);
            assertThat(server.terminate()).as(server.stderr()).isZero();
        }
    }
}
