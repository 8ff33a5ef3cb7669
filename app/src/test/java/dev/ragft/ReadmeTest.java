package dev.ragft;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ragft.testing.RagftProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The README is a short front door and the documents behind it stay true: the commands shown with a
 * {@code $} prompt run and print what is shown, links lead somewhere, and nothing refers to a document
 * that is not in the repository or to a path of the machine the docs were written on.
 */
class ReadmeTest {

    private static final Path README = Path.of("README.md");

    /** Pages other parts of the project write; the README links them before they land on every branch. */
    private static final Set<String> WRITTEN_ELSEWHERE = Set.of("docs/reports.md", "docs/how-ragft-decides.md",
            "docs/reliability.md", "docs/web.md");

    /** The pages whose {@code $ ./ragft} examples are run here (others need files they create first). */
    private static final List<Path> RUN = List.of(README, Path.of("docs/advise.md"));

    private static List<Path> pages() throws IOException {
        List<Path> pages = new ArrayList<>(List.of(README, Path.of("bench/README.md")));
        try (Stream<Path> docs = Files.list(Path.of("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        return pages;
    }

    @Test
    void theReadmeIsAShortFrontDoorWithTheTwoCommands() throws IOException {
        String readme = Files.readString(README);
        assertThat(readme.lines().count()).as("README lines").isLessThanOrEqualTo(150);
        assertThat(readme).contains("```\n./ragft\nmvn -B verify\n```");
    }

    @Test
    void noPageCitesADocumentThatIsNotHereOrAPathOfTheAuthorsMachine() throws IOException {
        for (Path page : pages()) {
            String text = Files.readString(page);
            assertThat(text).as(page.toString()).doesNotContain("SPEC", "§")
                    .doesNotContainPattern("(/work/|/home/|/Users/|/root/)");
        }
    }

    @Test
    void everyRelativeLinkLeadsToAFile() throws IOException {
        Pattern link = Pattern.compile("\\]\\(([^)#\\s]+)(#[^)]*)?\\)");
        for (Path page : pages()) {
            Matcher matcher = link.matcher(Files.readString(page));
            while (matcher.find()) {
                String target = matcher.group(1);
                if (target.startsWith("http://") || target.startsWith("https://") || target.startsWith("mailto:")) {
                    continue;
                }
                Path resolved = page.toAbsolutePath().getParent().resolve(target).normalize();
                String fromRoot = RagftProcess.REPO.relativize(resolved).toString().replace('\\', '/');
                if (!WRITTEN_ELSEWHERE.contains(fromRoot)) {
                    assertThat(resolved).as(page + " links " + target).exists();
                }
            }
        }
    }

    @Test
    void theCommandsShownRunAndPrintWhatIsShown() throws IOException {
        int commands = 0;
        for (Path page : RUN) {
            Matcher blocks = Pattern.compile("```[a-z]*\\n(.*?)```", Pattern.DOTALL).matcher(Files.readString(page));
            while (blocks.find()) {
                List<String> lines = blocks.group(1).lines().toList();
                for (int i = 0; i < lines.size(); i++) {
                    if (!lines.get(i).startsWith("$ ./ragft ")) {
                        continue;
                    }
                    String[] args = lines.get(i).substring("$ ./ragft ".length()).trim().split("\\s+");
                    List<String> shown = new ArrayList<>();
                    for (int j = i + 1; j < lines.size() && !lines.get(j).startsWith("$ "); j++) {
                        if (!lines.get(j).isBlank() && !lines.get(j).equals("...")) {
                            shown.add(lines.get(j).stripTrailing());
                        }
                    }
                    RagftProcess.Result run = RagftProcess.run(args);
                    List<String> printed = run.all().lines().map(String::stripTrailing).toList();
                    assertThat(printed).as(page + ": " + lines.get(i)).containsAll(shown);
                    if (page.equals(README)) {
                        assertThat(run.exitCode()).as(lines.get(i) + "\n" + run.all()).isZero();
                    }
                    commands++;
                }
            }
        }
        assertThat(commands).isGreaterThanOrEqualTo(2);
    }
}
