package dev.ragft.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How {@code report FILE} reads a leading {@code ~}: as a shell does, and nowhere else. */
class ReportCommandTest {

    @Test
    void homeIsExpandedOnlyAtTheStart() {
        assertThat(ReportCommand.expandHome("~", "/h")).isEqualTo("/h");
        assertThat(ReportCommand.expandHome("~/r.txt", "/h")).isEqualTo("/h/r.txt");
        assertThat(ReportCommand.expandHome("a/~/r.txt", "/h")).isEqualTo("a/~/r.txt");
        assertThat(ReportCommand.expandHome("~bob/r.txt", "/h")).isEqualTo("~bob/r.txt");
    }
}
