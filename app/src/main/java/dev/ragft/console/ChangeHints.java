package dev.ragft.console;

import dev.ragft.Advice;
import dev.ragft.Analysis;
import dev.ragft.Flip;
import dev.ragft.analysis.Counterfactuals;
import dev.ragft.engine.Engine;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The "what would change the decision" lines under a recommendation: the counterfactual analysis
 * ({@link Counterfactuals}) in the text report's words (numbered flips, the questions no single answer
 * to which changes it, the cost crossover), wrapped to the terminal's width.
 */
interface ChangeHints {

    /** No analysis (e.g. for a view that has no engine at hand). */
    ChangeHints NONE = new ChangeHints() {
        @Override
        public List<String> hints(Advice advice, int width) {
            return List.of();
        }
    };

    /** The full analysis by {@code engine}: flips smallest first, the stable questions, the cost crossover. */
    static ChangeHints of(Engine engine) {
        return new ChangeHints() {
            @Override
            public List<String> hints(Advice advice, int width) {
                return lines(Counterfactuals.analyze(engine, advice), width);
            }
        };
    }

    /** The section body as lines of at most {@code width} columns, indented by two. */
    static List<String> lines(Analysis analysis, int width) {
        List<String> out = new ArrayList<>();
        if (analysis.flips().isEmpty()) {
            out.add("  No single answer changes the recommendation.");
        }
        int n = 1;
        for (Flip flip : analysis.flips()) {
            String head = String.format(Locale.ROOT, "  %2d. ", n++);
            List<String> lines = new ArrayList<>();
            ResultView.wrap(lines, flip.text(), " ".repeat(head.length()), width);
            lines.set(0, head + lines.get(0).substring(head.length()));
            out.addAll(lines);
        }
        if (!analysis.stable().isEmpty()) {
            ResultView.wrap(out, "No answer to these changes it on its own: " + String.join(", ", analysis.stable()),
                    "  ", width);
        }
        for (String line : analysis.crossover()) {
            ResultView.wrap(out, line, "  ", width);
        }
        return out;
    }

    /** Lines ready to print, indented by two, at most {@code width} columns where words allow. */
    List<String> hints(Advice advice, int width);
}
