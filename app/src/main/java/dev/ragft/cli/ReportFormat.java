package dev.ragft.cli;

import dev.ragft.Advice;
import dev.ragft.Analysis;
import dev.ragft.report.HtmlReport;
import dev.ragft.report.JsonReport;
import dev.ragft.report.MarkdownReport;
import dev.ragft.report.TextReport;

/** The report formats of {@code ragft advise}; each renders the analysis section when one is given. */
enum ReportFormat {
    text {
        @Override
        String render(Advice advice, Analysis analysis) {
            return TextReport.render(advice, analysis);
        }
    },
    json {
        @Override
        String render(Advice advice, Analysis analysis) {
            return JsonReport.render(advice, analysis) + "\n";
        }
    },
    markdown {
        @Override
        String render(Advice advice, Analysis analysis) {
            return MarkdownReport.render(advice, analysis);
        }
    },
    html {
        @Override
        String render(Advice advice, Analysis analysis) {
            return HtmlReport.render(advice, analysis);
        }
    };

    /** The report; {@code analysis} may be null (left out with --no-analysis). */
    abstract String render(Advice advice, Analysis analysis);
}
