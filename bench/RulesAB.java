import dev.ragft.questionnaire.Answers;
import dev.ragft.cost.CostModel;
import dev.ragft.engine.RuleBase;
import dev.ragft.engine.RuleSource;
import dev.ragft.facts.CostFacts;
import dev.ragft.facts.Profile;
import dev.ragft.questionnaire.Questionnaire;
import dev.ragft.questionnaire.ResolvedAnswers;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Compares the CPU cost of two rules folders in one JVM: alternating rounds of 1,000 evaluations of
 * every example consultation under each, so machine load hits both alike. Prints medians of thread
 * CPU time per evaluation and their ratio. Run through bench/rules-ab.sh.
 */
public class RulesAB {
    public static void main(String[] args) throws Exception {
        Questionnaire q = Questionnaire.load(Path.of("questionnaires/advisor.json"));
        RuleBase a = RuleBase.compile(RuleSource.fromDirectory(Path.of(args[0])));
        RuleBase b = RuleBase.compile(RuleSource.fromDirectory(Path.of(args[1])));
        List<Profile> profiles = new ArrayList<>(); List<CostFacts> costs = new ArrayList<>();
        try (var files = Files.list(Path.of("questionnaires/examples"))) {
            for (Path f : files.sorted().toList()) {
                var node = new com.fasterxml.jackson.databind.ObjectMapper().readTree(f.toFile()).get("answers");
                ResolvedAnswers r = q.resolve(Answers.fromJson(node.toString(), f.toString()));
                profiles.add(r.profile()); costs.add(CostModel.toFacts(CostModel.compute(r.costs())));
            }
        }
        var bean = ManagementFactory.getThreadMXBean();
        int rounds = 30, n = 1000;
        double[] ta = new double[rounds], tb = new double[rounds];
        for (int w = 0; w < 3000; w++) { int i = w % profiles.size(); a.evaluate(profiles.get(i), costs.get(i)); b.evaluate(profiles.get(i), costs.get(i)); }
        for (int r = 0; r < rounds; r++) {
            long t0 = bean.getCurrentThreadCpuTime();
            for (int k = 0; k < n; k++) { int i = k % profiles.size(); a.evaluate(profiles.get(i), costs.get(i)); }
            long t1 = bean.getCurrentThreadCpuTime();
            for (int k = 0; k < n; k++) { int i = k % profiles.size(); b.evaluate(profiles.get(i), costs.get(i)); }
            long t2 = bean.getCurrentThreadCpuTime();
            ta[r] = (t1 - t0) / 1000.0 / n; tb[r] = (t2 - t1) / 1000.0 / n;
        }
        Arrays.sort(ta); Arrays.sort(tb);
        System.out.printf("A %s: median %.1f us CPU/eval; B %s: median %.1f us CPU/eval; B/A = %.2f%n",
                args[0], ta[rounds / 2], args[1], tb[rounds / 2], tb[rounds / 2] / ta[rounds / 2]);
    }
}
