package dev.ragft.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlReportTest {

    @Test
    void escapesEverythingThatCouldBeMarkup() {
        assertThat(HtmlReport.escape("<b>\"R&D\"</b> 'x'")).isEqualTo("&lt;b&gt;&quot;R&amp;D&quot;&lt;/b&gt; &#39;x&#39;");
        assertThat(MarkdownReport.escape("a|b *c* <d>")).isEqualTo("a\\|b \\*c\\* \\<d\\>");
    }
}
