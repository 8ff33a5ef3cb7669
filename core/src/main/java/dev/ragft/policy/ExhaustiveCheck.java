package dev.ragft.policy;

import dev.ragft.questionnaire.Answers;
import dev.ragft.cost.CostInputs;
import dev.ragft.cost.CostModel;
import dev.ragft.engine.RuleBase;
import dev.ragft.facts.Confidence;
import dev.ragft.facts.Blocker;
import dev.ragft.facts.CostFacts;
import dev.ragft.facts.Deployment;
import dev.ragft.facts.Finding;
import dev.ragft.facts.Strategy;
import dev.ragft.questionnaire.Criterion;
import dev.ragft.questionnaire.Question;
import dev.ragft.questionnaire.Questionnaire;
import dev.ragft.questionnaire.ResolvedAnswers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Not API. {@code rules check --exhaustive}: evaluates every case of a {@link CaseSpace} on one warm
 * {@link RuleBase} (a session per case, several threads) and checks the properties every consultation
 * must have: exactly one recommendation, no exception, the blockers respected, every catalog criterion
 * present. Each kind of violation is reported once, with a minimal answers file that reproduces it.
 */
public final class ExhaustiveCheck {

    private static final int CHUNK = 2048;

    /**
     * One kind of violation: how many cases show it, the first case's answers reduced to the fewest that
     * still show it, and the file they were written to.
     */
    public record Violation(String kind, String message, long cases, Map<String, Object> answers, Path file) {
    }

    /**
     * The outcome of a run.
     *
     * @param outcomes cases per strategy and confidence
     */
    public record Report(long cases, int threads, Duration elapsed, Map<Strategy, Map<Confidence, Long>> outcomes,
                         List<Violation> violations, CaseSpace space) {

        public boolean passed() {
            return violations.isEmpty();
        }
    }

    private final Questionnaire questionnaire;
    private final RuleBase rules;
    private final List<String> catalog;
    private final Set<String> required;

    /** For rules a policy command compiled with {@link RuleFiles}. */
    public ExhaustiveCheck(Questionnaire questionnaire, RuleFiles.Compiled rules) {
        this(questionnaire, rules.ruleBase());
    }

    public ExhaustiveCheck(Questionnaire questionnaire, RuleBase rules) {
        this.questionnaire = questionnaire;
        this.rules = rules;
        this.catalog = questionnaire.criteria().stream().map(Criterion::id).toList();
        Set<String> requiredIds = new HashSet<>();
        for (Question q : questionnaire.questions()) {
            if (q.required()) {
                requiredIds.add(q.id());
            }
        }
        this.required = Set.copyOf(requiredIds);
    }

    /** Runs the standard space. Violation files go to {@code violationsDir} (created if needed). */
    public Report run(int threads, Path violationsDir) {
        return run(CaseSpace.standard(questionnaire, rules), threads, violationsDir);
    }

    public Report run(CaseSpace space, int threads, Path violationsDir) {
        long started = System.nanoTime();
        AtomicLong cursor = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "ragft-exhaustive");
            thread.setDaemon(true);
            return thread;
        });
        List<Future<Tally>> futures = new ArrayList<>();
        try {
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    Tally tally = new Tally();
                    Map<CostInputs, CostFacts> costCache = new HashMap<>();
                    long from;
                    while ((from = cursor.getAndAdd(CHUNK)) < space.size()) {
                        long to = Math.min(space.size(), from + CHUNK);
                        for (long index = from; index < to; index++) {
                            Outcome outcome = evaluate(Answers.of(space.answers(index)), costCache);
                            tally.add(index, outcome);
                        }
                    }
                    return tally;
                }));
            }
            Tally total = new Tally();
            for (Future<Tally> future : futures) {
                total.merge(future.get());
            }
            Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
            List<Violation> violations = new ArrayList<>();
            for (Map.Entry<String, First> entry : total.first.entrySet()) {
                First first = entry.getValue();
                Map<String, Object> minimal = minimize(space.answers(first.index), entry.getKey());
                Path file = write(violationsDir, entry.getKey(), minimal);
                violations.add(new Violation(entry.getKey(), first.message, total.violationCounts.get(entry.getKey()),
                        minimal, file));
            }
            return new Report(space.size(), threads, elapsed, total.outcomes(), violations, space);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the exhaustive check was interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the exhaustive check failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** What one case produced: its recommendation, or the violations it shows (kind → message). */
    record Outcome(Strategy strategy, Confidence confidence, Map<String, String> violations) {
    }

    /** Checks one consultation's answers against every property. */
    Outcome evaluate(Answers answers, Map<CostInputs, CostFacts> costCache) {
        Map<String, String> violations = new TreeMap<>();
        RuleBase.Evaluation evaluation;
        ResolvedAnswers resolved;
        try {
            resolved = questionnaire.resolve(answers);
            CostFacts costs = costCache.computeIfAbsent(resolved.costs(), CostModel::facts);
            evaluation = rules.evaluate(resolved.profile(), costs);
        } catch (RuntimeException e) {
            String message = String.valueOf(e.getMessage());
            if (message.contains("recommendations for one consultation")) {
                violations.put("not exactly one recommendation", firstLine(message.substring(message.indexOf("the rules produced"))));
            } else {
                violations.put("exception " + e.getClass().getSimpleName(), firstLine(e.getClass().getName() + ": " + message));
            }
            return new Outcome(null, null, violations);
        }
        Strategy strategy = evaluation.recommendation().strategy();
        // The decision layer must respect every option the classification ruled out (the rules say which and why).
        for (Blocker blocker : evaluation.blockers()) {
            boolean ignored = switch (blocker.rulesOut()) {
                case FINE_TUNE -> strategy == Strategy.FINE_TUNE;
                case HYBRID -> strategy == Strategy.HYBRID;
                case MANAGED_API -> evaluation.recommendation().deployment() == Deployment.MANAGED_API;
            };
            if (ignored) {
                violations.put("blocker ignored: " + blocker.rulesOut(), strategy + " ("
                        + evaluation.recommendation().deployment() + ") recommended although the rules ruled out "
                        + blocker.rulesOut() + ": " + blocker.reason());
            }
        }
        Set<String> present = new HashSet<>();
        for (Finding finding : evaluation.findings()) {
            present.add(finding.criterion());
        }
        for (String id : catalog) {
            if (!present.contains(id)) {
                violations.put("criterion missing: " + id, "no rule produced a finding for catalog criterion " + id);
            }
        }
        return new Outcome(strategy, evaluation.recommendation().confidence(), violations);
    }

    // Drop every optional answer that is not needed to show the violation, one at a time (the case's
    // order is the questionnaire's, so the result is stable).
    Map<String, Object> minimize(Map<String, Object> answers, String kind) {
        Map<String, Object> current = new LinkedHashMap<>(answers);
        for (String id : List.copyOf(answers.keySet())) {
            if (required.contains(id)) {
                continue;
            }
            if ("inference_monthly_usd".equals(id) && "405B".equals(current.get("model_size"))) {
                continue; // 405B has no default inference cost
            }
            Map<String, Object> without = new LinkedHashMap<>(current);
            without.remove(id);
            if (evaluate(Answers.of(without), new HashMap<>()).violations().containsKey(kind)) {
                current = without;
            }
        }
        return current;
    }

    private static Path write(Path dir, String kind, Map<String, Object> answers) {
        try {
            Files.createDirectories(dir);
            String slug = kind.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9.]+", "-").replaceAll("^-|-$", "");
            Path file = dir.resolve(slug + ".json");
            Files.writeString(file, Answers.of(answers).toJson(), StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the reproducing answers to " + dir, e);
        }
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }

    private record First(long index, String message) {
    }

    /** One thread's counts; merged at the end, so the hot loop shares nothing. */
    private static final class Tally {
        final long[][] counts = new long[Strategy.values().length][Confidence.values().length];
        final Map<String, Long> violationCounts = new TreeMap<>();
        final Map<String, First> first = new TreeMap<>();

        void add(long index, Outcome outcome) {
            if (outcome.strategy() != null) {
                counts[outcome.strategy().ordinal()][outcome.confidence().ordinal()]++;
            }
            outcome.violations().forEach((kind, message) -> {
                violationCounts.merge(kind, 1L, Long::sum);
                First seen = first.get(kind);
                if (seen == null || seen.index > index) {
                    first.put(kind, new First(index, message));
                }
            });
        }

        void merge(Tally other) {
            for (int s = 0; s < counts.length; s++) {
                for (int c = 0; c < counts[s].length; c++) {
                    counts[s][c] += other.counts[s][c];
                }
            }
            other.violationCounts.forEach((kind, n) -> violationCounts.merge(kind, n, Long::sum));
            other.first.forEach((kind, seen) -> {
                First mine = first.get(kind);
                if (mine == null || mine.index > seen.index) {
                    first.put(kind, seen);
                }
            });
        }

        Map<Strategy, Map<Confidence, Long>> outcomes() {
            Map<Strategy, Map<Confidence, Long>> outcomes = new LinkedHashMap<>();
            for (Strategy strategy : Strategy.values()) {
                Map<Confidence, Long> row = new LinkedHashMap<>();
                for (Confidence confidence : Confidence.values()) {
                    row.put(confidence, counts[strategy.ordinal()][confidence.ordinal()]);
                }
                outcomes.put(strategy, row);
            }
            return outcomes;
        }
    }
}
