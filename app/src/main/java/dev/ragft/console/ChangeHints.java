package dev.ragft.console;

import dev.ragft.Advice;
import dev.ragft.Analysis;
import dev.ragft.engine.Engine;
import dev.ragft.report.TextReport;
import dev.ragft.analysis.Counterfactuals;
import java.util.List;

/**
 * The "what would change the decision" lines under a recommendation: the counterfactual analysis
 * ({@link Counterfactuals}) in the text report's words, so the console and {@code ragft advise} say the
 * same thing the same way.
 */
interface ChangeHints {

    /** No analysis (e.g. for a view that has no engine at hand). */
    ChangeHints NONE = new ChangeHints() {
        @Override
        public List<String> hints(Advice advice) {
            return List.of();
        }
    };

    /** The full analysis by {@code engine}: flips smallest first, the stable questions, the cost crossover. */
    static ChangeHints of(Engine engine) {
        return new ChangeHints() {
            @Override
            public List<String> hints(Advice advice) {
                return lines(Counterfactuals.analyze(engine, advice));
            }
        };
    }

    /** The report's section body as lines, already wrapped and indented. */
    static List<String> lines(Analysis analysis) {
        return TextReport.whatWouldChange(analysis).lines().toList();
    }

    /** Lines ready to print, indented by two. */
    List<String> hints(Advice advice);
}
