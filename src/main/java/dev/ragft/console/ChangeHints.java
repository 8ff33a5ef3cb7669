package dev.ragft.console;

import dev.ragft.Advice;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The "what would change the decision" lines under a recommendation. The hook for a full
 * counterfactual analysis; {@link #COSTS_ONLY} states only what the cost model gives directly.
 */
interface ChangeHints {

    /** The break-even volume, and a pointer to {@code what-if}. */
    ChangeHints COSTS_ONLY = new ChangeHints() {
        @Override
        public List<String> hints(Advice advice) {
            List<String> lines = new ArrayList<>();
            BigDecimal volume = advice.costs().breakEvenMonthlyQueries();
            if (volume != null) {
                lines.add("Costs: above about " + Values.grouped(volume.setScale(0, java.math.RoundingMode.HALF_UP))
                        + " queries/month fine-tuning is the cheaper option over " + advice.costs().horizonMonths()
                        + " months (you answered " + Values.grouped(BigDecimal.valueOf(advice.costs().monthlyQueries())) + ").");
            } else {
                lines.add("Costs: at no monthly volume do fine-tuning and RAG cost the same over this horizon.");
            }
            lines.add("Try a change with what-if <id>=<value>, e.g. what-if knowledge_change=RARELY.");
            return lines;
        }
    };

    List<String> hints(Advice advice);
}
