package dev.ragft.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ragft.testing.RagftProcess;
import dev.ragft.testing.Tmux;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console and the help texts in real terminals of 80x24 and 120x40 (tmux): no line is longer than the
 * terminal (the terminal never has to wrap one), no word is broken across lines, and when the prompt
 * returns after the result its last screen shows the summary.
 *
 * <p>"No word broken" is checked against a reference that wraps nothing: every word on the terminal must
 * be a word of the same text printed without a terminal at a width no line reaches, so a word cut in two
 * ("faste" + "r") shows up as a word the reference never printed.
 */
class TerminalFitTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"80, 24", "120, 40"})
    void theConsultationFitsTheTerminalAndEndsWithTheSummaryOnScreen(int columns, int rows) throws IOException {
        assumeTrue(Tmux.available(), "tmux is not installed");
        List<String> script = new ArrayList<>(List.of("help", "why"));
        script.addAll(ConsoleProcessTest.ANSWERS);
        String last;
        String raw;
        String joined;
        try (Tmux tmux = Tmux.start(columns, rows, RagftProcess.command("--all-questions", "--draft",
                dir.resolve("draft.json").toString()), dir)) {
            tmux.waitFor("[1/");
            tmux.type("help");
            tmux.waitFor("Guide section:");
            tmux.type("why");
            tmux.waitFor("With each answer, the recommendation would be:");
            tmux.waitFor("(why rules:");
            for (int i = 0; i < ConsoleProcessTest.ANSWERS.size(); i++) {
                tmux.waitFor("[" + (i + 1) + "/");
                tmux.type(ConsoleProcessTest.ANSWERS.get(i));
            }
            tmux.waitFor("ragft> ");
            last = tmux.visibleScreen();
            tmux.type("help");
            tmux.waitFor("the full result again");
            raw = tmux.rawScreen();
            joined = tmux.screen();
            tmux.type("quit");
            tmux.waitFor("[exit 0]");
        }
        assertThat(raw.lines().count()).as("lines the %d-column terminal had to wrap:%n%s", columns, raw)
                .isEqualTo(joined.lines().count());
        for (String line : raw.lines().toList()) {
            assertThat(line.length()).as(line).isLessThanOrEqualTo(columns);
        }

        // The same consultation without a terminal: lines of up to 100 columns, nothing wrapped for a terminal.
        List<String> piped = new ArrayList<>(script);
        piped.add("help");
        RagftProcess.Result reference = RagftProcess.runWithInput(String.join("\n", piped) + "\n", "--all-questions",
                "--draft", dir.resolve("unused.json").toString());
        assertThat(reference.exitCode()).as(reference.all()).isZero();
        assertThat(brokenWords(joined, reference.stdout())).as(joined).isEmpty();

        // The last screen, as the prompt returns: the summary with the recommendation, its costs and reasons.
        assertThat(last).contains("Summary", "RAG, confidence MEDIUM", "Costs over 24 months:", "Top reasons:",
                "details", "ragft>");
        assertThat(last.lines().count()).isLessThanOrEqualTo(rows);
    }

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"80, 24", "120, 40"})
    void everyHelpFitsTheTerminalWithNoWordBroken(int columns, int rows) throws IOException {
        assumeTrue(Tmux.available(), "tmux is not installed");
        List<List<String>> helps = List.of(List.of("--help"), List.of("advise", "--help"), List.of("questions", "--help"),
                List.of("serve", "--help"), List.of("rules", "--help"), List.of("rules", "check", "--help"),
                List.of("rules", "test", "--help"), List.of("rules", "diff", "--help"));
        for (List<String> help : helps) {
            String raw;
            String joined;
            try (Tmux tmux = Tmux.start(columns, rows, RagftProcess.command(help.toArray(String[]::new)), dir)) {
                tmux.waitFor("[exit 0]");
                raw = tmux.rawScreen();
                joined = tmux.screen();
            }
            String shown = String.join(" ", help);
            assertThat(raw.lines().count()).as("%s: lines the terminal had to wrap:%n%s", shown, raw)
                    .isEqualTo(joined.lines().count());
            // The reference: the same help laid out for a terminal wider than any of its paragraphs.
            String wide;
            try (Tmux tmux = Tmux.start(400, 50, RagftProcess.command(help.toArray(String[]::new)), dir)) {
                wide = tmux.waitFor("[exit 0]");
            }
            assertThat(brokenWords(joined, wide)).as("%s at %d columns:%n%s", shown, columns, joined).isEmpty();
        }
    }

    private static final Pattern WORD = Pattern.compile("[^\\s]+");

    /** The words of {@code shown} (with a letter or digit in them) that {@code reference} never printed. */
    static Set<String> brokenWords(String shown, String reference) {
        Set<String> known = words(reference);
        Set<String> broken = new LinkedHashSet<>();
        for (String word : words(shown)) {
            if (!known.contains(word)) {
                broken.add(word);
            }
        }
        return broken;
    }

    private static Set<String> words(String text) {
        Set<String> words = new LinkedHashSet<>();
        // Box drawing and arrows differ between a terminal (Unicode) and a pipe (ASCII); words do not.
        Matcher matcher = WORD.matcher(text.replaceAll("[\u2500-\u257f\u2192|]", " ").replace("->", " "));
        while (matcher.find()) {
            String word = matcher.group();
            if (word.chars().anyMatch(Character::isLetterOrDigit)) {
                words.add(word);
            }
        }
        return words;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"80", "120"})
    void aSingleLongWordIsLeftWholeAndLinesBreakOnlyAtSpaces(int columns) {
        String line = "  how <criterion-id>       the rules that fired for a criterion, the answers they read, the guide "
                + "section, and " + "x".repeat(columns + 5);
        List<String> wrapped = TextWrap.wrap(line, columns);
        assertThat(String.join(" ", wrapped).replaceAll("\\s+", " ").trim()).isEqualTo(line.replaceAll("\\s+", " ").trim());
        for (String part : wrapped.subList(0, wrapped.size() - 1)) {
            assertThat(part.length()).isLessThanOrEqualTo(columns);
        }
        // Continuation lines start under the description column, as a table's second column should.
        assertThat(wrapped.get(1)).startsWith(" ".repeat(27)).doesNotStartWith(" ".repeat(28));
    }
}
