package dev.ragft.cli;

import dev.ragft.Advice;
import dev.ragft.internal.TextReport;

/** The report formats of {@code ragft advise}. */
enum ReportFormat {
    text {
        @Override
        String render(Advice advice) {
            return TextReport.render(advice);
        }
    },
    json {
        @Override
        String render(Advice advice) {
            return advice.toJson() + "\n";
        }
    };

    abstract String render(Advice advice);
}
