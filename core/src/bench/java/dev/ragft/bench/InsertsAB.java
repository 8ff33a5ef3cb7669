package dev.ragft.bench;

import dev.ragft.cost.CostModel;
import dev.ragft.engine.RuleBase;
import dev.ragft.engine.RuleSource;
import dev.ragft.facts.CostFacts;
import dev.ragft.facts.Profile;
import dev.ragft.policy.CaseSpace;
import dev.ragft.questionnaire.Answers;
import dev.ragft.questionnaire.Questionnaire;
import dev.ragft.questionnaire.ResolvedAnswers;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * One rule session over distinct fact sets of the exhaustive case space, four ways in one JVM: the rules
 * compiled as written (every {@code insertLogical}) or with plain inserts where nothing can retract
 * ({@code RuleBase.compileWithPlainInserts}), each in a new session per evaluation or in reused reset sessions. Each round runs
 * the four one after the other over the same facts (in a rotating order), and the thread CPU time of each
 * evaluation is taken; prints the median of each. Run with
 * {@code mvn -B -q -Pbench -pl core -DskipTests -Dinvoker.skip test-compile exec:exec
 * -Dbench.main=dev.ragft.bench.InsertsAB -Djmh.args="FACT_SETS [RULES_DIR]"}.
 */
public final class InsertsAB {

    private InsertsAB() {
    }

    public static void main(String[] args) throws Exception {
        Questionnaire questionnaire = Questionnaire.load(Path.of("questionnaires/advisor.json"));
        RuleSource source = RuleSource.fromDirectory(Path.of(args.length > 1 ? args[1] : "rules"));
        RuleBase[] variants = {RuleBase.compile(source).withFreshSessions(),
            RuleBase.compileWithPlainInserts(source).withFreshSessions(), RuleBase.compile(source),
            RuleBase.compileWithPlainInserts(source)};
        String[] names = {"as written, new sessions", "plain inserts, new sessions", "as written, reused sessions",
            "plain inserts, reused sessions"};
        CaseSpace space = CaseSpace.standard(questionnaire, variants[0]);
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        Profile[] profiles = new Profile[n];
        CostFacts[] costs = new CostFacts[n];
        long stride = Math.max(1, space.size() / n);
        for (int i = 0; i < n; i++) {
            ResolvedAnswers resolved = questionnaire.resolve(Answers.of(space.answers((i * stride) % space.size())));
            profiles[i] = resolved.profile();
            costs[i] = CostModel.toFacts(CostModel.compute(resolved.costs()));
        }
        ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        int rounds = 8;
        long[][] times = new long[variants.length][n * rounds];
        for (int round = -2; round < rounds; round++) { // two warm-up rounds, not recorded
            for (int k = 0; k < variants.length; k++) {
                int v = (k + Math.max(round, 0)) % variants.length;
                for (int i = 0; i < n; i++) {
                    long t0 = bean.getCurrentThreadCpuTime();
                    variants[v].evaluate(profiles[i], costs[i]);
                    long t1 = bean.getCurrentThreadCpuTime();
                    if (round >= 0) {
                        times[v][round * n + i] = t1 - t0;
                    }
                }
            }
        }
        System.out.printf("load average: %s%n", java.nio.file.Files.readString(Path.of("/proc/loadavg")).strip());
        for (int v = 0; v < variants.length; v++) {
            Arrays.sort(times[v]);
            System.out.printf("%-32s %8.1f us CPU (median of %d)%n", names[v], times[v][times[v].length / 2] / 1000.0,
                    times[v].length);
        }
    }
}
