package dev.ragft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ragft.testing.RagftProcess;
import dev.ragft.testing.ServeProcess;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ragft serve} against hostile clients, over loopback with a real process (issue 12): the
 * batch catalog's hostile bodies, a wrong Content-Type, rules that throw and loop, slow clients sending
 * a byte at a time, and what {@code /healthz} reveals. The service runs with two workers, a three-second
 * read timeout, a request deadline of 15 s (far above a normal request on a loaded machine), a per-evaluation
 * time limit of 60 s (so the request deadline, not the rule time limit, cuts the loop), and a copy of the rules with two test faults
 * ({@link HostileInputCatalogTest#faultyRules}). Nothing here asserts how long anything takes: limits
 * are generous, and the assertions are on statuses and bodies.
 */
class ServeHardeningTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();

    @TempDir
    static Path work;
    static ServeProcess server;
    static Path rules;

    @BeforeAll
    static void start() throws IOException {
        rules = HostileInputCatalogTest.faultyRules(work);
        server = ServeProcess.start("--rules", rules.toString(), "--threads", "2", "--read-timeout", "3",
                "--request-deadline", "15", "--max-connections", "8", "--time-limit", "60");
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    static HttpResponse<String> post(String body, String contentType) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.uri("/v1/advice")).timeout(Duration.ofMinutes(2))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode errors(HttpResponse<String> response) throws IOException {
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
        JsonNode errors = JSON.readTree(response.body()).get("errors");
        assertThat(errors).as(response.body()).isNotNull().isNotEmpty();
        return errors;
    }

    @Test
    void everyHostileNumberInEveryFieldIs400NamingTheField() throws Exception {
        for (String field : HostileInputCatalogTest.NUMERIC_FIELDS) {
            for (String number : HostileInputCatalogTest.EXTREME_NUMBERS) {
                HttpResponse<String> response = post(HostileInputCatalogTest.goodWith(field, number), "application/json");
                assertThat(response.statusCode()).as(field + "=" + number).isEqualTo(400);
                assertThat(errors(response).toString()).as(field + "=" + number).contains("\"field\":\"" + field + "\"");
            }
        }
        HttpResponse<String> utf16 = CLIENT.send(HttpRequest.newBuilder(server.uri("/v1/advice"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(HostileInputCatalogTest.GOOD.getBytes(StandardCharsets.UTF_16)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(utf16.statusCode()).isEqualTo(400);
        assertThat(errors(utf16).toString()).contains("UTF-16");
    }

    @Test
    void aPostThatIsNotJsonIs415() throws Exception {
        for (String type : new String[] {"text/plain", "application/x-www-form-urlencoded", null}) {
            HttpResponse<String> response = post(HostileInputCatalogTest.GOOD, type);
            assertThat(response.statusCode()).as(String.valueOf(type)).isEqualTo(415);
            assertThat(errors(response).get(0).get("field").asText()).isEqualTo("Content-Type");
        }
        assertThat(post(HostileInputCatalogTest.GOOD, "application/json; charset=utf-8").statusCode()).isEqualTo(200);
    }

    @Test
    void aRuleThatThrowsIs500WithAJsonBodyAndALoopIsCutAtTheDeadline() throws Exception {
        HttpResponse<String> thrown = post(HostileInputCatalogTest.faulty(778), "application/json");
        assertThat(thrown.statusCode()).isEqualTo(500);
        assertThat(errors(thrown)).isNotEmpty();

        HttpResponse<String> loop = post(HostileInputCatalogTest.faulty(777), "application/json");
        assertThat(loop.statusCode()).isEqualTo(503);
        assertThat(errors(loop).toString()).contains("deadline");

        // The service is still up and answers everyone else.
        assertThat(post(HostileInputCatalogTest.GOOD, "application/json").statusCode()).isEqualTo(200);
        assertThat(CLIENT.send(HttpRequest.newBuilder(server.uri("/healthz")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        assertThat(server.stderr()).doesNotContain("\tat ");
    }

    @Test
    void slowClientsAreCutOffAndDoNotStarveOtherRequests() throws Exception {
        // Six connections (more than the two workers) each sending a request a byte every half second.
        List<Socket> slow = new ArrayList<>();
        AtomicInteger closedByServer = new AtomicInteger();
        List<CompletableFuture<Void>> dripping = new ArrayList<>();
        byte[] request = ("POST /v1/advice HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + "Content-Length: 500\r\n\r\n" + "{".repeat(500)).getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < 6; i++) {
            Socket socket = new Socket("127.0.0.1", server.port());
            socket.setSoTimeout(60_000);
            slow.add(socket);
            dripping.add(CompletableFuture.runAsync(() -> {
                try (socket; OutputStream out = socket.getOutputStream(); InputStream in = socket.getInputStream()) {
                    for (byte b : request) {
                        out.write(b);
                        out.flush();
                        Thread.sleep(500);
                    }
                    // Sent in full (never within the read timeout): the server answers or closes.
                    in.read();
                    closedByServer.incrementAndGet();
                } catch (SocketTimeoutException e) {
                    // the server neither answered nor closed within a minute: counted as not cut off
                } catch (IOException e) {
                    closedByServer.incrementAndGet(); // reset or broken pipe: the server closed it
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
        }
        Thread.sleep(1_000);
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> response = post(HostileInputCatalogTest.GOOD, "application/json");
            assertThat(response.statusCode()).as(response.body() + server.stderr()).isEqualTo(200);
        }
        CompletableFuture.allOf(dripping.toArray(CompletableFuture[]::new)).get(3, TimeUnit.MINUTES);
        assertThat(closedByServer.get()).isEqualTo(6);
        HttpResponse<String> after = post(HostileInputCatalogTest.GOOD, "application/json");
        assertThat(after.statusCode()).as(after.body() + server.stderr()).isEqualTo(200);
    }

    @Test
    void healthzGivesAVersionHashAndNoPath() throws Exception {
        HttpResponse<String> health = CLIENT.send(HttpRequest.newBuilder(server.uri("/healthz")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(health.body());
        assertThat(body.get("status").asText()).isEqualTo("ok");
        assertThat(body.at("/rules/version").asText()).matches("sha256:[0-9a-f]{16}");
        assertThat(health.body()).doesNotContain(rules.toString()).doesNotContain(work.toString()).doesNotContain("/");
    }

    @Test
    void bindingBeyondLoopbackWarnsLoudly() throws Exception {
        Path err = Files.createTempFile(work, "serve", ".err");
        Process process = new ProcessBuilder(RagftProcess.command("serve", "--host", "0.0.0.0", "--port", "0"))
                .directory(RagftProcess.REPO.toFile()).redirectError(err.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
            while (!Files.readString(err).contains("WARNING") && System.nanoTime() < deadline && process.isAlive()) {
                Thread.sleep(100);
            }
            assertThat(Files.readString(err)).contains("WARNING: listening on 0.0.0.0", "no authentication");
        } finally {
            process.destroyForcibly();
            process.waitFor(1, TimeUnit.MINUTES);
        }
    }
}
