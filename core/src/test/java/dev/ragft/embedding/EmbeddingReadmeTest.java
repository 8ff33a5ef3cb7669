package dev.ragft.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The embedding guide ({@code docs/embedding.md}, linked from the README) shows code that is compiled and
 * run: every Java block in it must appear verbatim in the example project that {@code mvn verify} builds
 * and runs.
 */
class EmbeddingReadmeTest {

    static final Path EXAMPLE = Path.of("examples/embedding/src/main/java/dev/ragft/examples/EmbeddingExample.java");

    static final Path GUIDE = Path.of("docs/embedding.md");

    static String section() throws IOException {
        assertThat(Files.readString(Path.of("README.md"))).as("the README links the embedding guide")
                .contains("(docs/embedding.md)");
        return Files.readString(GUIDE);
    }

    @Test
    void everyJavaExampleIsTheExampleProjectsCode() throws IOException {
        String source = Files.readString(EXAMPLE);
        Matcher blocks = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL).matcher(section());
        List<String> found = new ArrayList<>();
        while (blocks.find()) {
            found.add(blocks.group(1));
        }
        assertThat(found).as("Java examples in " + GUIDE).hasSizeGreaterThanOrEqualTo(2);
        assertThat(found).allSatisfy(block -> assertThat(source).contains(block));
    }

    @Test
    void theDependencySnippetMatchesThisProject() throws IOException {
        String pom = Files.readString(Path.of("core/pom.xml"));
        assertThat(pom).contains("<artifactId>ragft-core</artifactId>", "<version>0.1.0</version>");
        assertThat(section()).contains("<artifactId>ragft-core</artifactId>\n  <version>0.1.0</version>");
        assertThat(Files.readString(Path.of("examples/embedding/pom.xml")))
                .contains("<artifactId>ragft-core</artifactId>\n      <version>0.1.0</version>");
    }
}
