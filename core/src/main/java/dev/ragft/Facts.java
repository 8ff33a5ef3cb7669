package dev.ragft;

import dev.ragft.cost.CostModel;
import dev.ragft.engine.PolicyFile;
import dev.ragft.engine.RuleSource;
import dev.ragft.facts.Blocker;
import dev.ragft.facts.Caveat;
import dev.ragft.facts.CostFacts;
import dev.ragft.facts.Finding;
import dev.ragft.facts.HybridScore;
import dev.ragft.facts.Policy;
import dev.ragft.facts.Profile;
import dev.ragft.facts.Recommendation;
import dev.ragft.facts.Scores;
import dev.ragft.questionnaire.Answers;
import dev.ragft.questionnaire.Questionnaire;
import dev.ragft.questionnaire.ResolvedAnswers;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * The facts a plain KIE session over the packaged kbase {@code ragft} needs, and helpers to pick the
 * results out of what it returns. For applications that drive Drools themselves instead of using
 * {@link dev.ragft.Advisor}.
 *
 * <p><b>In</b> (one of each): {@link Policy} (the weights and thresholds, {@link #shippedPolicy()}),
 * {@link Profile} (the answers with defaults applied) and {@link CostFacts} (from
 * {@link CostModel#toFacts(dev.ragft.cost.CostReport)}). {@link #of(Answers)} builds all three from
 * answers, validated against the packaged questionnaire.
 *
 * <p><b>Out</b>: exactly one {@link Recommendation}; one or more {@link Finding}s per criterion of the
 * catalog; zero or more {@link Caveat}s. The rules also leave intermediate facts ({@link Blocker},
 * {@link Scores}, {@link HybridScore}) in a stateful session; they are not part of the contract.
 *
 * <p><b>One consultation per session.</b> The rules reason about the one {@link Profile} in the
 * session: two inserted together would be judged as one consultation (their scores summed into a
 * single recommendation). {@link #recommendation}, {@link #findings} and {@link #caveats} therefore
 * refuse facts that hold more than one {@code Profile}, and the packaged rules leave a
 * {@link dev.ragft.facts.Severity#BLOCKER BLOCKER} caveat {@code session.several-consultations} among the
 * facts ({@code rules/05-one-consultation.drl}); use a new session (or a new stateless execution) for
 * each consultation.
 *
 * <pre>{@code
 * StatelessKieSession session = KieServices.get().getKieClasspathContainer()
 *         .newStatelessKieSession("ragft-stateless");
 * ExecutionResults results = session.execute(CommandFactory.newBatchExecution(List.of(
 *         CommandFactory.newInsertElements(Facts.of(answers)),
 *         CommandFactory.newFireAllRules(),
 *         CommandFactory.newGetObjects("facts"))));
 * Recommendation recommendation = Facts.recommendation((Collection<?>) results.getValue("facts"));
 * }</pre>
 */
public final class Facts {

    private Facts() {
    }

    /**
     * The three input facts for these answers: the packaged {@link Policy}, the {@link Profile} and the
     * {@link CostFacts}, in that order.
     *
     * @param answers the consultation's answers
     * @return a new, modifiable list of the three facts
     * @throws InvalidAnswersException naming every field that is wrong
     */
    public static List<Object> of(Answers answers) {
        return of(answers, Questionnaire.fromClasspath(), shippedPolicy());
    }

    /**
     * The policy packaged in the ragft jar ({@code dev/ragft/rules/policy.properties}), the one the
     * kbase {@code ragft} of {@code META-INF/kmodule.xml} was written against.
     *
     * @return the packaged policy
     * @throws RulesException if the packaged file is malformed (which a release never ships)
     */
    public static Policy shippedPolicy() {
        String resource = RuleSource.CLASSPATH_FOLDER + "/" + RuleSource.POLICY_FILE;
        String text;
        try (InputStream in = Facts.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the packaged policy is missing: no " + resource + " on the classpath");
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
        PolicyFile.Parsed parsed = PolicyFile.parse(new RuleSource.SourceFile(
                Path.of("classpath:" + RuleSource.CLASSPATH_FOLDER, RuleSource.POLICY_FILE), RuleSource.POLICY_FILE, text));
        if (!parsed.errors().isEmpty()) {
            throw new RulesException(parsed.errors());
        }
        return parsed.policy();
    }

    /**
     * The three input facts for these answers, validated against {@code questionnaire}, with {@code policy}.
     *
     * @param answers the consultation's answers
     * @param questionnaire the questionnaire that validates them and supplies the defaults
     * @param policy the weights and thresholds to reason with
     * @return a new, modifiable list: policy, profile, cost facts
     * @throws InvalidAnswersException naming every field that is wrong
     */
    public static List<Object> of(Answers answers, Questionnaire questionnaire, Policy policy) {
        ResolvedAnswers resolved = questionnaire.resolve(answers);
        List<Object> facts = new ArrayList<>(3);
        facts.add(policy);
        facts.add(resolved.profile());
        facts.add(CostModel.facts(resolved.costs()));
        return facts;
    }

    /**
     * The single recommendation among a session's facts.
     *
     * @param facts what the session holds after firing, e.g. the result of a {@code GetObjects} command
     * @return the recommendation
     * @throws IllegalStateException if there is not exactly one, or the facts hold more than one {@link Profile}
     */
    public static Recommendation recommendation(Collection<?> facts) {
        requireOneConsultation(facts);
        List<Recommendation> found = ofType(facts, Recommendation.class);
        if (found.size() != 1) {
            throw new IllegalStateException("expected exactly one Recommendation among the facts, found " + found.size());
        }
        return found.get(0);
    }

    /**
     * The findings among a session's facts, sorted by criterion id then rule name.
     *
     * @param facts what the session holds after firing
     * @return the findings, in a stable order
     * @throws IllegalStateException if the facts hold more than one {@link Profile}
     */
    public static List<Finding> findings(Collection<?> facts) {
        requireOneConsultation(facts);
        List<Finding> found = ofType(facts, Finding.class);
        found.sort(Comparator.comparing(Finding::criterion).thenComparing(Finding::rule));
        return List.copyOf(found);
    }

    /**
     * The caveats among a session's facts, blockers first, then by id.
     *
     * @param facts what the session holds after firing
     * @return the caveats, in the order the reports use
     * @throws IllegalStateException if the facts hold more than one {@link Profile}
     */
    public static List<Caveat> caveats(Collection<?> facts) {
        requireOneConsultation(facts);
        List<Caveat> found = ofType(facts, Caveat.class);
        found.sort(Comparator.comparing(Caveat::severity).thenComparing(Caveat::id).thenComparing(Caveat::message));
        return List.copyOf(found);
    }

    /** Results of a session that judged two consultations at once are mixed, so none of them is returned. */
    private static void requireOneConsultation(Collection<?> facts) {
        int profiles = ofType(facts, Profile.class).size();
        if (profiles > 1) {
            throw new IllegalStateException("one consultation per session: found " + profiles
                    + " Profile facts, and the rules would merge them into one recommendation with summed scores;"
                    + " insert each consultation's facts in a session of its own");
        }
    }

    private static <T> List<T> ofType(Collection<?> facts, Class<T> type) {
        List<T> found = new ArrayList<>();
        for (Object fact : facts) {
            if (type.isInstance(fact)) {
                found.add(type.cast(fact));
            }
        }
        return found;
    }
}
