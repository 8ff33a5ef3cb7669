package dev.ragft;

import dev.ragft.facts.Strategy;
import java.util.List;

/**
 * What would change a recommendation: for every question, the nearest different answer that changes
 * the recommended strategy (or that none does), and the cost crossover in words. Get one from
 * {@link Advisor#analyze(Advice)}.
 *
 * @param strategy the strategy recommended for the current answers
 * @param flips one per question that can change the strategy, smallest change first (see
 *     {@link Flip#distance()}; ties keep questionnaire order)
 * @param stable ids of the questions no answer to which changes the strategy on its own, in
 *     questionnaire order
 * @param crossover the break-even month and break-even volume in plain words, one sentence each
 * @param evaluations how many rule sessions the analysis ran (the rest were answered from its memo)
 */
public record Analysis(Strategy strategy, List<Flip> flips, List<String> stable, List<String> crossover,
                       int evaluations) {

    public Analysis {
        flips = List.copyOf(flips);
        stable = List.copyOf(stable);
        crossover = List.copyOf(crossover);
    }
}
