package dev.ragft.console;

import dev.ragft.Advice;
import dev.ragft.Advisor;
import dev.ragft.Analysis;
import dev.ragft.Flip;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The "what would change the decision" lines under a recommendation: the counterfactual analysis
 * ({@link Advisor#analyze}) in the text report's words (numbered flips, the questions no single answer
 * to which changes it, the cost crossover); the view wraps them to the terminal's width.
 */
interface ChangeHints {

    /** No analysis (e.g. for a view that has no advisor at hand). */
    ChangeHints NONE = new ChangeHints() {
        @Override
        public List<String> hints(Advice advice) {
            return List.of();
        }
    };

    /** The full analysis by {@code advisor}: flips smallest first, the stable questions, the cost crossover. */
    static ChangeHints of(Advisor advisor) {
        return new ChangeHints() {
            @Override
            public List<String> hints(Advice advice) {
                return lines(advisor.analyze(advice));
            }
        };
    }

    /** The section body, one line per item (a flip, the stable questions, each crossover sentence), indented by two. */
    static List<String> lines(Analysis analysis) {
        List<String> out = new ArrayList<>();
        if (analysis.flips().isEmpty()) {
            out.add("  No single answer changes the recommendation.");
        }
        int n = 1;
        for (Flip flip : analysis.flips()) {
            out.add(String.format(Locale.ROOT, "  %2d. ", n++) + flip.text());
        }
        if (!analysis.stable().isEmpty()) {
            out.add("  No answer to these changes it on its own: " + String.join(", ", analysis.stable()));
        }
        for (String line : analysis.crossover()) {
            out.add("  " + line);
        }
        return out;
    }

    /** One line per item, indented by two and not wrapped: the view wraps them to its width. */
    List<String> hints(Advice advice);
}
