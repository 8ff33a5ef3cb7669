package dev.ragft.cli;

import dev.ragft.report.HtmlReport;
import dev.ragft.report.JsonReport;
import dev.ragft.report.MarkdownReport;
import dev.ragft.report.Report;
import dev.ragft.report.TextReport;

/** The report formats of {@code ragft advise}; each renders the analysis section when the report has one. */
enum ReportFormat {
    text {
        @Override
        String render(Report report) {
            return TextReport.render(report);
        }
    },
    json {
        @Override
        String render(Report report) {
            return JsonReport.render(report) + "\n";
        }
    },
    markdown {
        @Override
        String render(Report report) {
            return MarkdownReport.render(report);
        }
    },
    html {
        @Override
        String render(Report report) {
            return HtmlReport.render(report);
        }
    };

    /** The report in this format. */
    abstract String render(Report report);
}
