package dev.ragft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ragft.testing.JvmArguments;
import dev.ragft.testing.RagftProcess;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./ragft} launcher's choice of compiler: C1 only for a short run, both tiers for a batch file long
 * enough for C2 to pay. The real script runs from a copy of the checkout whose jar is a real one that prints its
 * JVM's options, so the choice is seen in the started JVM itself.
 */
class LauncherTest {

    @TempDir
    static Path home;

    @BeforeAll
    static void aCheckoutWhoseJarPrintsItsOptions() throws IOException {
        Path launcher = home.resolve("ragft");
        Files.copy(RagftProcess.REPO.resolve("ragft"), launcher);
        Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path jar = Files.createDirectories(home.resolve("app/target")).resolve("ragft.jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, JvmArguments.class.getName());
        String entry = JvmArguments.class.getName().replace('.', '/') + ".class";
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            out.putNextEntry(new JarEntry(entry));
            try (var in = JvmArguments.class.getClassLoader().getResourceAsStream(entry)) {
                in.transferTo(out);
            }
            out.closeEntry();
        }
    }

    private static Path lines(String name, int count) throws IOException {
        Path file = home.resolve(name);
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write("{}\n".repeat(count).getBytes(StandardCharsets.UTF_8));
        }
        return file;
    }

    private static String optionsFor(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", home.resolve("ragft").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("RAGFT_CDS", "0");
        builder.environment().remove("RAGFT_JAVA_OPTS");
        builder.environment().put("PATH", Path.of(System.getProperty("java.home"), "bin") + ":"
                + builder.environment().getOrDefault("PATH", "/usr/bin:/bin"));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(1, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }

    @Test
    void aShortRunCompilesWithC1Only() throws Exception {
        assertThat(optionsFor("advise", "answers.json")).contains("-XX:TieredStopAtLevel=1");
        assertThat(optionsFor("advise", "--batch", lines("short.jsonl", 19_999).toString()))
                .contains("-XX:TieredStopAtLevel=1");
        // Standard input is ragft's to read, not the launcher's: no length to go by.
        assertThat(optionsFor("advise", "--batch")).contains("-XX:TieredStopAtLevel=1");
    }

    @Test
    void aLongBatchFileGetsBothCompilers() throws Exception {
        Path longBatch = lines("long.jsonl", 20_000);
        assertThat(optionsFor("advise", "--batch", longBatch.toString()))
                .doesNotContain("TieredStopAtLevel").contains("-XX:+UseSerialGC");
        assertThat(optionsFor("advise", "--summary", "--jsonl", longBatch.toString())).doesNotContain("TieredStopAtLevel");
        // A long file given as the output, or without --batch, is not a long batch.
        Path shortBatch = lines("short-input.jsonl", 10);
        assertThat(optionsFor("advise", "--batch", shortBatch.toString(), "--out", longBatch.toString()))
                .contains("-XX:TieredStopAtLevel=1");
        assertThat(optionsFor("advise", longBatch.toString())).contains("-XX:TieredStopAtLevel=1");
    }
}
