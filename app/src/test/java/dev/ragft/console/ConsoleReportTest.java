package dev.ragft.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ragft.testing.RagftProcess;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console's {@code report FILE} in a real ragft process: the extension picks the format, {@code ~}
 * is the home folder, a missing folder is refused (and not created) with the answers kept, and the
 * file is as readable as any new file of the user's.
 */
class ConsoleReportTest {

    /** Every question answered, so the console goes straight to the results and the follow-up prompt. */
    private static final String ANSWERS = """
            {"knowledge_change": "RARELY", "domain_consistency": "CONSISTENT", "documents_cover_answers": "PARTLY",
             "query_variety": "REPETITIVE", "out_of_domain_queries": "SOMETIMES", "monthly_queries": 30000,
             "latency_sensitivity": "HIGH", "latency_budget_ms": 1500, "on_prem_required": false,
             "audit_trail_required": false, "hosting_infrastructure": true, "cost_model_preference": "NO_PREFERENCE",
             "style_format_needs": false, "training_examples": 5000, "examples_labeled": true, "model_size": "7B",
             "horizon_months": 12, "fine_tune_cost_usd": 100, "data_prep_cost_usd": 1000, "inference_monthly_usd": 50,
             "retrains_per_year": 1, "vector_db_monthly_usd": 50, "retrieval_cost_per_query_usd": 0.1,
             "generation_cost_per_query_usd": 0.01}
            """;

    @TempDir
    Path dir;

    @Test
    void reportPicksTheFormatExpandsHomeRefusesMissingFoldersAndWritesReadableFiles() throws Exception {
        Path answers = dir.resolve("answers.json");
        Files.writeString(answers, ANSWERS);
        Path home = Files.createDirectory(dir.resolve("home"));
        Path missing = dir.resolve("missing").resolve("deeper");
        String script = String.join("\n",
                "report " + dir.resolve("r.html"),
                "report " + dir.resolve("r.md"),
                "report " + dir.resolve("r.json"),
                "report " + dir.resolve("r.txt"),
                "report ~/from-home.txt",
                "report " + missing.resolve("r.txt"),
                "report " + dir.resolve("r.pdf"),
                "save " + dir.resolve("kept.json"),
                "quit") + "\n";

        Result run = run(home, script, "--answers", answers.toString(), "--draft", dir.resolve("draft.json").toString());

        assertThat(run.exitCode()).as(run.output()).isZero();
        // Softly: each problem of issue 13 shows on its own when it comes back.
        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(Files.readString(dir.resolve("r.html"))).as("report r.html")
                .startsWith("<!DOCTYPE html>").contains("<svg", "</html>");
        soft.assertThat(Files.readString(dir.resolve("r.md"))).as("report r.md")
                .startsWith("# Recommendation: FINE_TUNE").contains("| question |");
        String json = Files.readString(dir.resolve("r.json"));
        soft.assertThat(json).as("report r.json").startsWith("{").contains("\"answersUsed\"");
        if (json.startsWith("{")) {
            soft.assertThat(new ObjectMapper().readTree(json).at("/recommendation/strategy").asText()).isEqualTo("FINE_TUNE");
        }
        soft.assertThat(Files.readString(dir.resolve("r.txt"))).as("report r.txt")
                .startsWith("RECOMMENDATION: FINE_TUNE").contains("ANSWERS USED");
        soft.assertThat(run.output()).contains("html report written to " + dir.resolve("r.html"));

        // ~ is the home folder, as in a shell, not a folder called "~" in the working directory.
        soft.assertThat(home.resolve("from-home.txt")).as("report ~/from-home.txt").exists();
        soft.assertThat(RagftProcess.REPO.resolve("~")).as("a literal ~ folder").doesNotExist();

        // A missing folder: refused, named, not created; an unknown extension: refused; the answers are kept.
        soft.assertThat(run.output()).contains("the folder " + missing + " does not exist", "answers kept")
                .contains("cannot tell the format of " + dir.resolve("r.pdf"));
        soft.assertThat(dir.resolve("missing")).as("the missing folder").doesNotExist();
        soft.assertThat(dir.resolve("r.pdf")).doesNotExist();
        soft.assertThat(Files.readString(dir.resolve("kept.json"))).contains("\"monthly_queries\": 30000");

        // As readable as a file the user creates any other way (the umask decides), so a colleague can read it.
        Set<PosixFilePermission> plain = plainFilePermissions();
        for (String name : List.of("r.html", "r.md", "r.json", "r.txt")) {
            soft.assertThat(Files.getPosixFilePermissions(dir.resolve(name))).as("permissions of " + name).isEqualTo(plain);
        }
        soft.assertAll();
    }

    /** What the umask gives a new file here: the child process inherits this JVM's umask. */
    private Set<PosixFilePermission> plainFilePermissions() throws IOException {
        Path probe = Files.writeString(dir.resolve("probe"), "x");
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(probe);
        Files.delete(probe);
        return permissions;
    }

    private record Result(int exitCode, String output) {
    }

    /** Runs ragft as {@link RagftProcess} does, with {@code HOME} set to {@code home}. */
    private static Result run(Path home, String stdin, String... args) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(RagftProcess.command(args)).directory(RagftProcess.REPO.toFile())
                .redirectErrorStream(true);
        builder.environment().put("HOME", home.toString());
        builder.environment().remove("RAGFT_DEBUG");
        Process process = builder.start();
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> drain(process.getInputStream()));
        try (OutputStream in = process.getOutputStream()) {
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("ragft did not finish within two minutes");
        }
        return new Result(process.exitValue(), out.join());
    }

    private static String drain(InputStream stream) {
        try (stream; ByteArrayOutputStream buffer = new ByteArrayOutputStream()) {
            stream.transferTo(buffer);
            return buffer.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
