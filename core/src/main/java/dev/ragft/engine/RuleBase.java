package dev.ragft.engine;

import dev.ragft.EvaluationLimits;
import dev.ragft.RuleError;
import dev.ragft.RuleFaultException;
import dev.ragft.RulesException;
import dev.ragft.facts.Blocker;
import dev.ragft.facts.Caveat;
import dev.ragft.facts.CostFacts;
import dev.ragft.facts.Finding;
import dev.ragft.facts.Policy;
import dev.ragft.facts.Profile;
import dev.ragft.facts.Recommendation;
import dev.ragft.facts.Strategy;
import dev.ragft.questionnaire.CatalogExtension;
import dev.ragft.questionnaire.Questionnaire;
import dev.ragft.questionnaire.Text;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.kiesession.session.StatefulKnowledgeSessionImpl;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.event.rule.ObjectUpdatedEvent;
import org.kie.api.event.rule.RuleRuntimeEventListener;
import org.kie.api.runtime.KieContainer;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.ConsequenceException;

/**
 * Not API. A compiled policy: one immutable {@link KieBase} shared by all threads, the policy values,
 * and the metadata of every rule. Each {@link #evaluate} call uses a session of its own.
 */
public final class RuleBase {

    /**
     * Where a rule lives and what it says of itself, for `why`, `how`, linting and fault reports.
     *
     * @param line 1-based line of {@code rule "name"} in its file, 0 when unknown
     */
    public record RuleInfo(String name, String file, String criterion, String section, Map<String, Object> metadata,
                           int line) {
    }

    /**
     * Everything one evaluation produced. Findings, caveats and blockers are in a stable order; the blockers
     * are the options the classification ruled out, which the exhaustive check holds the decision to.
     */
    public record Evaluation(List<Finding> findings, List<Caveat> caveats, Recommendation recommendation,
                             List<String> firedRules, List<Blocker> blockers) {
    }

    private static final AtomicLong BUILDS = new AtomicLong();
    private static final String VIRTUAL_ROOT = "src/main/resources/";
    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;?", Pattern.MULTILINE);
    /** How a DRL file asks for a criterion's weight: {@code weight("criterion")}; group 1 is the criterion. */
    private static final Pattern WEIGHT_REFERENCE = Pattern.compile("\\bweight\\(\\s*\"([^\"]+)\"\\s*\\)");
    /** A consequence that makes a finding whose weight comes from the policy. */
    private static final Pattern WEIGHED_FINDING = Pattern.compile("\\bFindings\\s*\\.\\s*of\\s*\\(");
    /** A consequence that makes the recommendation: the decision layer. */
    private static final Pattern MAKES_RECOMMENDATION = Pattern.compile("\\bnew\\s+(?:[\\w.]+\\.)?Recommendation\\s*\\(");
    /** How Drools names the rule whose condition failed: {@code ... [Rule "name" ...}. */
    private static final Pattern RULE_IN_MESSAGE = Pattern.compile("Rule \"((?:[^\"\\\\]|\\\\.)*)\"");

    private final RuleSource source;
    private final KieBase kieBase;
    private final Policy policy;
    private final List<RuleInfo> rules;
    private final boolean fromCache;
    private final EvaluationLimits limits;
    private final List<CatalogExtension.Entry> catalogEntries;
    /** Reset sessions waiting for the next evaluation; null when every evaluation gets a new session. */
    private final Sessions sessions;
    /** Evaluations and strategies already decided for a fact set; null when every call runs the rules. */
    private final Memo memo;
    /** {@link #splits()}, read once. */
    private final Splits splits;

    private RuleBase(RuleSource source, KieBase kieBase, Policy policy, List<RuleInfo> rules, boolean fromCache,
                     EvaluationLimits limits, boolean fast, Splits splits) {
        this.splits = splits;
        this.catalogEntries = source.criteria() == null ? List.of()
                : CatalogExtension.parse(source.criteria().text(), source.criteria().path(), new ArrayList<>());
        this.source = source;
        this.kieBase = kieBase;
        this.policy = policy;
        this.rules = List.copyOf(rules);
        this.fromCache = fromCache;
        this.limits = limits;
        this.sessions = fast ? new Sessions(kieBase) : null;
        this.memo = fast ? new Memo() : null;
    }

    private RuleBase(RuleSource source, KieBase kieBase, Policy policy, List<RuleInfo> rules, boolean fromCache,
                     EvaluationLimits limits, Splits splits) {
        this(source, kieBase, policy, rules, fromCache, limits, true, splits);
    }

    /**
     * The same compiled rules, evaluated under other limits than the process default (with a memo of its
     * own: an evaluation that passed under one limit may not pass under a tighter one).
     */
    public RuleBase withLimits(EvaluationLimits newLimits) {
        return new RuleBase(source, kieBase, policy, rules, fromCache, java.util.Objects.requireNonNull(newLimits),
                sessions != null, splits);
    }

    /**
     * The same compiled rules evaluated the straightforward way: a new stateful session for every
     * evaluation and no memo of earlier outcomes. The reference the equality proof and the benchmarks
     * compare the reused sessions and the memo against.
     */
    public RuleBase withFreshSessions() {
        return new RuleBase(source, kieBase, policy, rules, fromCache, limits, false, splits);
    }

    /**
     * The questionnaire with the catalog entries of this rules folder's {@code criteria.json} appended, so
     * criteria an extension adds are reported, linted and weighed like the questionnaire's own.
     *
     * @throws RulesException when an entry clashes with the catalog or names an unknown question (file:line)
     */
    public Questionnaire catalog(Questionnaire questionnaire) {
        return CatalogExtension.extend(questionnaire, catalogEntries);
    }

    /** The limits every evaluation runs under: its own, else {@link EvaluationLimits#processDefault()}. */
    public EvaluationLimits limits() {
        return limits != null ? limits : EvaluationLimits.processDefault();
    }

    /**
     * Compiles the DRL and reads the policy values.
     *
     * @throws RulesException listing every compile error and policy problem, each with file and line
     */
    public static RuleBase compile(RuleSource source) {
        return compile(source, null);
    }

    /**
     * Like {@link #compile(RuleSource)}, reusing the compiled form of the same policy from an earlier
     * run when {@code cacheDir} holds one (and storing it there when not). Any change to a DRL file,
     * the policy values or ragft itself misses the cache, so errors are always found and reported
     * exactly as without it.
     *
     * @param cacheDir folder for compiled policies, or null for no cache
     * @throws RulesException listing every compile error and policy problem, each with file and line
     */
    public static RuleBase compile(RuleSource source, Path cacheDir) {
        return compile(source, cacheDir, false, false);
    }

    /**
     * The rules compiled with plain {@code insert} where a derivation cannot be retracted ({@link PlainInserts}),
     * never from a cache: an option of issue 14 that measured no faster than the rules as written (see
     * {@code bench/README.md}), so not the default; kept for the insert/insertLogical equality proof and
     * {@code InsertsAB}, which measure it.
     *
     * @throws RulesException listing every compile error and policy problem, each with file and line
     */
    public static RuleBase compileWithPlainInserts(RuleSource source) {
        return compile(source, null, false, true);
    }

    /**
     * The rules packaged in the ragft jar: the packages precompiled by the build ({@link PackagedRules})
     * when the jar's rules are the ones they were compiled from, else compiled (or read from
     * {@code cacheDir}) as {@link #compile(RuleSource, Path)} does.
     *
     * @param cacheDir folder for compiled policies, or null for no cache
     * @throws RulesException listing every compile error and policy problem, each with file and line
     */
    public static RuleBase packaged(ClassLoader loader, Path cacheDir) {
        return compile(RuleSource.fromClasspath(loader), cacheDir, true, false);
    }

    /**
     * System property for benchmarks: {@code naive} makes every rule base the naive baseline the figures
     * are compared with (the DRL compiled at run time as written, no precompiled entry or cache, a new
     * stateful session per evaluation, no memo), so one build measures both ways
     * ({@code RAGFT_JAVA_OPTS=-Dragft.engine=naive ./ragft ...}).
     */
    public static final String ENGINE_PROPERTY = "ragft.engine";

    private static RuleBase compile(RuleSource source, Path cacheDir, boolean packaged, boolean plainInserts) {
        if ("naive".equalsIgnoreCase(System.getProperty(ENGINE_PROPERTY, "").strip())) {
            return build(source, null, false, plainInserts).withFreshSessions();
        }
        return build(source, cacheDir, packaged, plainInserts);
    }

    private static RuleBase build(RuleSource source, Path cacheDir, boolean packaged, boolean plainInserts) {
        List<RuleError> errors = new ArrayList<>();
        PolicyFile.Parsed parsedPolicy = PolicyFile.parse(source.policy());
        errors.addAll(parsedPolicy.errors());
        if (source.criteria() != null) {
            CatalogExtension.parse(source.criteria().text(), source.criteria().path(), errors);
        }
        Map<String, Map<String, DrlScan.RuleText>> texts = new HashMap<>();
        for (RuleSource.SourceFile drl : source.drl()) {
            Map<String, DrlScan.RuleText> byName = new LinkedHashMap<>();
            DrlScan.rules(drl.text()).forEach(rule -> byName.putIfAbsent(rule.name(), rule));
            texts.put(drl.name(), byName);
        }
        errors.addAll(missingPolicyValues(source, parsedPolicy, texts));

        Map<String, RuleSource.SourceFile> byVirtualPath = new HashMap<>();
        for (RuleSource.SourceFile drl : source.drl()) {
            String resourcePath = packageFolder(drl.text()) + drl.name();
            // Drools reports some messages with the resource path and some with the file system path.
            byVirtualPath.put(resourcePath, drl);
            byVirtualPath.put(VIRTUAL_ROOT + resourcePath, drl);
        }
        CompiledRulesCache cache = cacheDir == null ? null : new CompiledRulesCache(cacheDir);
        // Only a policy that compiled cleanly is ever cached, so a hit needs no error checks of its own.
        Splits splits = new Splits();
        if ((packaged || cache != null) && errors.isEmpty() && !plainInserts) {
            // Compiled rules come with the reading of their comparisons, which the first advice's robustness
            // check needs: no parse of the DRL text on a start that loads them.
            CompiledRulesCache.Entry cached = packaged ? PackagedRules.load(source) : null;
            if (cached == null && cache != null) {
                cached = cache.load(source);
            }
            if (cached != null) {
                splits.known(cached.splits());
                List<RuleInfo> infos = describe(cached.kieBase(), byVirtualPath, texts);
                List<RuleError> structure = structure(source, parsedPolicy, infos, texts);
                if (structure.isEmpty()) {
                    return new RuleBase(source, cached.kieBase(), parsedPolicy.policy(), infos, true, null, splits);
                }
                throw new RulesException(structure);
            }
            // To be compiled and stored with the reading: read on another core meanwhile.
            splits.readAhead(() -> RuleSplits.read(source, parsedPolicy.policy(), INPUT_TYPES));
        }

        KieServices services = KieServices.Factory.get();
        KieFileSystem files = services.newKieFileSystem();
        // A fresh release per build: several rule bases (e.g. `rules diff`) can live in one JVM.
        ReleaseId release = services.newReleaseId("dev.ragft.policy", "rules", "1.0." + BUILDS.incrementAndGet());
        files.generateAndWritePomXML(release);
        for (RuleSource.SourceFile drl : source.drl()) {
            files.write(VIRTUAL_ROOT + packageFolder(drl.text()) + drl.name(),
                    plainInserts ? PlainInserts.rewrite(drl.text()) : drl.text());
        }
        KieBuilder builder = services.newKieBuilder(files).buildAll();
        for (Message message : builder.getResults().getMessages(Message.Level.ERROR)) {
            if (message.getText().contains("Parser returned a null Package")) {
                continue; // a consequence of the parse error reported beside it, and no help to the reader
            }
            RuleSource.SourceFile file = byVirtualPath.get(message.getPath());
            Path path = file != null ? file.path() : Path.of(source.origin(), String.valueOf(message.getPath()));
            errors.add(new RuleError(path, Math.max(message.getLine(), 0), Math.max(message.getColumn(), 0),
                    message.getText().strip()));
        }
        if (!errors.isEmpty()) {
            throw new RulesException(errors);
        }
        KieContainer container = services.newKieContainer(release);
        KieBase kieBase = container.getKieBase();
        services.getRepository().removeKieModule(release);
        List<RuleInfo> infos = describe(kieBase, byVirtualPath, texts);
        List<RuleError> structure = structure(source, parsedPolicy, infos, texts);
        if (!structure.isEmpty()) {
            throw new RulesException(structure);
        }
        RuleBase built = new RuleBase(source, kieBase, parsedPolicy.policy(), infos, false, null, splits);
        if (cache != null && !plainInserts) {
            try {
                cache.store(source, kieBase, built.splits());
            } catch (RuntimeException unreadable) {
                // The comparisons could not be read: the rules work, the cache is only a shortcut, and the
                // analysis says what it cannot read.
            }
        }
        return built;
    }

    /** System property naming the compiled-rules cache folder; {@code off} disables the cache. */
    public static final String CACHE_PROPERTY = "ragft.cache";

    /**
     * Where command-line runs keep compiled policies: the {@value #CACHE_PROPERTY} system property
     * (the launcher points it into the checkout's {@code target/}), else {@code $XDG_CACHE_HOME/ragft},
     * else {@code ~/.cache/ragft}; null when the property is {@code off} or no home is known.
     */
    public static Path defaultCacheDir() {
        String configured = System.getProperty(CACHE_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return "off".equalsIgnoreCase(configured.strip()) ? null : Path.of(configured.strip());
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return Path.of(xdg, "ragft");
        }
        String home = System.getProperty("user.home");
        return home == null || home.isBlank() ? null : Path.of(home, ".cache", "ragft");
    }

    // A rule that asks for a threshold or a weight the policy lacks would fail mid-consultation, and only
    // on the consultations that reach it; catching it at load time reports it like a compile error instead.
    // Comments are left out: a key named in a comment is neither required nor used.
    private static List<RuleError> missingPolicyValues(RuleSource source, PolicyFile.Parsed policy,
                                                       Map<String, Map<String, DrlScan.RuleText>> texts) {
        List<RuleError> errors = new ArrayList<>();
        Path policyPath = source.policy().path();
        for (RuleSource.SourceFile drl : source.drl()) {
            String[] lines = DrlScan.withoutComments(drl.text()).split("\n", -1);
            Map<String, DrlScan.RuleText> rules = texts.getOrDefault(drl.name(), Map.of());
            for (int i = 0; i < lines.length; i++) {
                // The rule's name only when there is an error to name it in: looked up for every line, it cost
                // a cold start about 80 ms (bench/first-advice.sh, 1,519 against 1,435 ms to the first advice).
                Matcher threshold = PolicyFile.THRESHOLD_REFERENCE.matcher(lines[i]);
                while (threshold.find()) {
                    if (!policy.entries().containsKey(threshold.group(1))) {
                        errors.add(new RuleError(drl.path(), i + 1, threshold.start() + 1, ruleAt(rules, i + 1)
                                + "uses threshold '" + threshold.group(1) + "', which " + policyPath + " does not define"));
                    }
                }
                Matcher weight = WEIGHT_REFERENCE.matcher(lines[i]);
                while (weight.find()) {
                    if (!policy.entries().containsKey("weight." + weight.group(1))) {
                        errors.add(new RuleError(drl.path(), i + 1, weight.start() + 1, ruleAt(rules, i + 1)
                                + "uses the weight of '" + weight.group(1) + "', but " + policyPath + " has no 'weight."
                                + weight.group(1) + "'"));
                    }
                }
            }
        }
        return errors;
    }

    /** {@code rule "X" } for the rule whose text holds this line, or nothing (a function, say). */
    private static String ruleAt(Map<String, DrlScan.RuleText> rules, int line) {
        for (DrlScan.RuleText rule : rules.values()) {
            int last = rule.line() + (int) rule.text().chars().filter(c -> c == '\n').count();
            if (line >= rule.line() && line <= last) {
                return "rule \"" + rule.name() + "\" ";
            }
        }
        return "";
    }

    // What compiles can still fail on the consultations that reach it: a finding whose criterion has no
    // weight, or no decision layer at all. Both are visible in the rules as written, so they are load errors.
    private static List<RuleError> structure(RuleSource source, PolicyFile.Parsed policy, List<RuleInfo> infos,
                                             Map<String, Map<String, DrlScan.RuleText>> texts) {
        List<RuleError> errors = new ArrayList<>();
        Path policyPath = source.policy().path();
        boolean decides = false;
        for (RuleInfo rule : infos) {
            DrlScan.RuleText text = texts.getOrDefault(rule.file(), Map.of()).get(rule.name());
            if (text == null) {
                continue;
            }
            if (MAKES_RECOMMENDATION.matcher(text.text()).find()) {
                decides = true;
            }
            if (rule.criterion() != null && WEIGHED_FINDING.matcher(text.text()).find()
                    && !policy.entries().containsKey("weight." + rule.criterion())) {
                errors.add(new RuleError(pathOf(source, rule.file()), rule.line(), 1, "rule \"" + rule.name()
                        + "\" makes findings for criterion '" + rule.criterion() + "', which has no weight: add 'weight."
                        + rule.criterion() + " = <0…" + (int) PolicyFile.MAX_WEIGHT + ">' to " + policyPath
                        + weightSuggestion(rule.criterion(), policy)));
            }
        }
        errors.sort(Comparator.comparing((RuleError e) -> e.file().toString()).thenComparingInt(RuleError::line));
        if (!decides && !source.drl().isEmpty()) {
            errors.add(new RuleError(Path.of(source.origin()), 0, 0, "no rule makes a Recommendation: the decision"
                    + " layer is missing (rules with @criterion(\"decision\") that insert new Recommendation(...), as"
                    + " 90-decision.drl of the packaged rules does), so no consultation could be advised"));
        }
        return errors;
    }

    // A criterion id with a typo has no weight: the nearest weighed criterion is most likely the one meant.
    private static String weightSuggestion(String criterion, PolicyFile.Parsed policy) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String key : policy.entries().keySet()) {
            if (key.startsWith("weight.")) {
                int distance = Text.editDistance(criterion, key.substring("weight.".length()));
                if (distance < bestDistance) {
                    best = key.substring("weight.".length());
                    bestDistance = distance;
                }
            }
        }
        return best != null && bestDistance <= Math.max(2, criterion.length() / 4)
                ? "; or did you mean @criterion(\"" + best + "\")?" : "";
    }

    /** The real path of a DRL file of this source, by its name. */
    private static Path pathOf(RuleSource source, String fileName) {
        for (RuleSource.SourceFile drl : source.drl()) {
            if (drl.name().equals(fileName)) {
                return drl.path();
            }
        }
        return Path.of(source.origin(), fileName == null ? "" : fileName);
    }

    private static String packageFolder(String drlText) {
        Matcher matcher = PACKAGE.matcher(drlText);
        return matcher.find() ? matcher.group(1).replace('.', '/') + "/" : "";
    }

    private static List<RuleInfo> describe(KieBase kieBase, Map<String, RuleSource.SourceFile> byVirtualPath,
                                           Map<String, Map<String, DrlScan.RuleText>> texts) {
        List<RuleInfo> infos = new ArrayList<>();
        for (KiePackage kiePackage : kieBase.getKiePackages()) {
            for (Rule rule : kiePackage.getRules()) {
                Map<String, Object> metadata = rule.getMetaData();
                String file = fileOf(rule, byVirtualPath);
                DrlScan.RuleText text = texts.getOrDefault(file, Map.of()).get(rule.getName());
                infos.add(new RuleInfo(rule.getName(), file, text(metadata.get("criterion")),
                        text(metadata.get("section")), Map.copyOf(metadata), text == null ? 0 : text.line()));
            }
        }
        infos.sort(Comparator.comparing(RuleInfo::file).thenComparing(RuleInfo::name));
        return infos;
    }

    private static String fileOf(Rule rule, Map<String, RuleSource.SourceFile> byVirtualPath) {
        if (rule instanceof org.drools.base.definitions.rule.impl.RuleImpl impl && impl.getResource() != null) {
            String sourcePath = impl.getResource().getSourcePath();
            RuleSource.SourceFile file = byVirtualPath.get(sourcePath);
            if (file != null) {
                return file.name();
            }
            return sourcePath == null ? "" : sourcePath.substring(sourcePath.lastIndexOf('/') + 1);
        }
        return "";
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    /**
     * Runs the rules over one consultation's facts, in a session of its own, under {@link #limits()}.
     *
     * @throws RuleFaultException when a rule throws, the evaluation runs past the time limit or fires or
     *     inserts without end, or the decision layer does not produce exactly one recommendation
     */
    public Evaluation evaluate(Profile profile, CostFacts costs) {
        return evaluate(profile, costs, List.of());
    }

    /** Runs the rules over one consultation's facts plus {@code extra} input facts (e.g. robustness flips). */
    public Evaluation evaluate(Profile profile, CostFacts costs, List<?> extra) {
        if (memo == null) {
            return run(profile, costs, extra);
        }
        Memo.Facts key = new Memo.Facts(profile, costs, List.copyOf(extra));
        Evaluation known = memo.evaluations.get(key);
        if (known == null) {
            known = run(profile, costs, extra);
            memo.evaluations.put(key, known);
            if (extra.isEmpty()) {
                // The robustness check then asks the strategy of every end whose costs the rules see as these.
                memo.strategies.put(strategyKey(key), known.recommendation().strategy());
            }
        }
        return known;
    }

    /**
     * The strategy the rules recommend for these facts: what the robustness check asks for every guide-range
     * end of every consultation. It is remembered per fact set as the rules see it: the profile, and the
     * cost facts by their {@linkplain RuleSplits#view view} (which comparisons of the rule conditions they
     * pass). Cost facts with equal views satisfy the same conditions, so with the same profile the rules
     * decide the same strategy; many consultations' ends share a view where they share no figure. When the
     * rules use a cost field in a way the view cannot capture ({@link RuleSplits#anyOpaque}), per exact
     * fact set instead.
     *
     * @throws RuleFaultException as {@link #evaluate}
     */
    public Strategy strategy(Profile profile, CostFacts costs) {
        if (memo == null) {
            return run(profile, costs, List.of()).recommendation().strategy();
        }
        Memo.Facts facts = new Memo.Facts(profile, costs, List.of());
        Object key = strategyKey(facts);
        Strategy known = memo.strategies.get(key);
        if (known == null) {
            Evaluation evaluation = memo.evaluations.get(facts);
            known = (evaluation != null ? evaluation : run(profile, costs, List.of())).recommendation().strategy();
            memo.strategies.put(key, known);
        }
        return known;
    }

    /** The key of {@link Memo#strategies} for these facts: by cost view where the view captures the costs. */
    private Object strategyKey(Memo.Facts facts) {
        RuleSplits seen = splits();
        return seen.anyOpaque(CostFacts.class) ? facts : new Memo.Seen(facts.profile(), seen.view(facts.costs()));
    }

    /**
     * The recommendations the rules make for these facts, from a lean run: no listener, no limits, nothing
     * collected but the recommendations (what the analysis asks thousands of times, on rules that already
     * advised this consultation under the limits). A reused session when this rule base keeps them.
     */
    public List<Recommendation> recommendations(Profile profile, CostFacts costs) {
        KieSession session = borrowSession();
        boolean clean = false;
        try {
            session.insert(policy);
            session.insert(profile);
            session.insert(costs);
            session.fireAllRules();
            List<Recommendation> found = new ArrayList<>(1);
            for (Object fact : session.getObjects(fact -> fact instanceof Recommendation)) {
                found.add((Recommendation) fact);
            }
            clean = true;
            return found;
        } finally {
            returnSession(session, clean);
        }
    }

    /** A reset session from the pool, or a new one when this rule base keeps none. */
    private KieSession borrowSession() {
        return sessions != null ? sessions.take() : kieBase.newKieSession();
    }

    /** Back to the pool to be reset and reused if the evaluation ended cleanly; otherwise disposed. */
    private void returnSession(KieSession session, boolean clean) {
        if (sessions != null) {
            sessions.giveBack(session, clean);
        } else {
            session.dispose();
        }
    }

    private Evaluation run(Profile profile, CostFacts costs, List<?> extra) {
        EvaluationLimits limits = limits();
        KieSession session = borrowSession();
        boolean clean = false;
        Monitor monitor = new Monitor(limits.maxFactChanges());
        session.addEventListener((DefaultAgendaEventListener) monitor);
        session.addEventListener((RuleRuntimeEventListener) monitor);
        EvaluationWatchdog.Watch watch = EvaluationWatchdog.watch(session, limits.timeLimit());
        monitor.watch = watch;
        try {
            try {
                try {
                    session.insert(policy);
                    session.insert(profile);
                    session.insert(costs);
                    for (Object fact : extra) {
                        session.insert(fact);
                    }
                    session.fireAllRules(limits.maxFirings());
                } finally {
                    watch.finish();
                }
            } catch (ThreadDeath death) {
                watch.finish();
                if (!watch.stopped()) {
                    throw death; // not ours: the JVM or a caller is ending this thread
                }
                // Thread.stop also interrupts the thread (to wake it from a wait); that was ours too, and
                // left set it would end the caller's next sleep (a --watch poller's, a worker's).
                Thread.interrupted();
                throw timeLimit(watch);
            } catch (OutOfMemoryError exhausted) {
                // The session is what filled the heap; it is dropped below, and the rest of the program goes on.
                throw fault(RuleFaultException.Kind.RUNAWAY, monitor.firing != null ? monitor.firing : monitor.mostFired(),
                        "used up the memory (" + monitor.factChanges + " facts inserted or modified)");
            } catch (ConsequenceException failed) {
                throw consequenceFault(failed, monitor);
            } catch (RuntimeException failed) {
                throw conditionFault(failed, monitor);
            }
            if (watch.expired()) {
                throw timeLimit(watch);
            }
            if (monitor.firings >= limits.maxFirings()) {
                throw fault(RuleFaultException.Kind.RUNAWAY, monitor.mostFired(), "kept firing: " + monitor.firings
                        + " rule firings in one consultation (the limit is " + limits.maxFirings()
                        + "; a real one fires about forty), so the rules re-activate each other without end");
            }
            Evaluation evaluation = collect(session, monitor.fired);
            clean = true;
            return evaluation;
        } finally {
            returnSession(session, clean);
        }
    }

    /**
     * Sessions of this knowledge base kept for reuse. A session whose evaluation ended cleanly is
     * {@code reset()} (working memory, agenda, truth maintenance, node memories and listeners cleared,
     * as a new session's) and kept; a session that faulted, was halted or stopped is disposed, never
     * reused. Reuse skips building the session's segment memories anew: ~20 % of an evaluation. The
     * equality proof ({@code EngineEqualityTest}, {@code bench/equality.sh} over the whole case
     * space) checks that reports from reused sessions are byte-identical to fresh ones.
     */
    private static final class Sessions {
        /** Enough for every thread of a server pool on a small machine; more are made and disposed. */
        private static final int KEEP = Math.max(4, 2 * Runtime.getRuntime().availableProcessors());
        private final KieBase kieBase;
        private final ArrayBlockingQueue<KieSession> idle =
                new ArrayBlockingQueue<>(KEEP);

        Sessions(KieBase kieBase) {
            this.kieBase = kieBase;
        }

        KieSession take() {
            KieSession session = idle.poll();
            return session != null ? session : kieBase.newKieSession();
        }

        void giveBack(KieSession session, boolean clean) {
            if (clean && session instanceof StatefulKnowledgeSessionImpl reusable) {
                try {
                    reusable.reset();
                    if (idle.offer(session)) {
                        return;
                    }
                } catch (RuntimeException resetFailed) {
                    // not reusable after all: disposed below
                }
            }
            session.dispose();
        }
    }

    /**
     * Outcomes already computed, per distinct fact set. The rules are a function of their input facts
     * (records compared by value, so a number written 0.1 and one written 0.10 are different keys and
     * never share a result), so a repeated fact set needs no session. Only clean evaluations are kept;
     * a fault is raised again each time. Bounded: a full map is emptied rather than grown.
     */
    private static final class Memo {
        record Facts(Profile profile, CostFacts costs, List<?> extra) {
        }

        /** A profile with the cost facts as the rule conditions see them (never modified once made). */
        record Seen(Profile profile, BitSet costView) {
        }

        /** Whole evaluations are ~10 KB each (findings with their reasons): a few hundred. */
        final Bounded<Facts, Evaluation> evaluations = new Bounded<>(256);
        /** Only the strategy, what the robustness check needs: many more, by {@link Seen} or {@link Facts}. */
        final Bounded<Object, Strategy> strategies = new Bounded<>(8192);
    }

    /** A concurrent map that is cleared when it reaches its bound (simpler than LRU, and as good here). */
    static final class Bounded<K, V> {
        private final int max;
        private final ConcurrentHashMap<K, V> map = new ConcurrentHashMap<>();

        Bounded(int max) {
            this.max = max;
        }

        V get(K key) {
            return map.get(key);
        }

        void put(K key, V value) {
            if (map.size() >= max) {
                map.clear();
            }
            map.put(key, value);
        }
    }

    private Evaluation collect(KieSession session, List<String> fired) {
        List<Finding> findings = new ArrayList<>();
        List<Caveat> caveats = new ArrayList<>();
        List<Recommendation> recommendations = new ArrayList<>();
        List<Blocker> blockers = new ArrayList<>();
        for (Object fact : session.getObjects()) {
            if (fact instanceof Finding finding) {
                findings.add(finding);
            } else if (fact instanceof Caveat caveat) {
                caveats.add(caveat);
            } else if (fact instanceof Recommendation recommendation) {
                recommendations.add(recommendation);
            } else if (fact instanceof Blocker blocker) {
                blockers.add(blocker);
            }
        }
        if (recommendations.isEmpty()) {
            List<String> decision = rules.stream().filter(r -> "decision".equals(r.criterion())).map(RuleInfo::file)
                    .distinct().toList();
            Path file = decision.size() == 1 ? pathOf(source, decision.get(0)) : Path.of(source.origin());
            throw new RuleFaultException(RuleFaultException.Kind.NO_RECOMMENDATION, null, file, 0,
                    "produced no recommendation for this consultation; the decision rules must produce exactly one"
                            + " (rules fired: " + fired + ")");
        }
        if (recommendations.size() > 1) {
            List<String> makers = recommendations.stream().map(Recommendation::rule).sorted().toList();
            RuleInfo first = info(makers.get(0));
            throw new RuleFaultException(RuleFaultException.Kind.SEVERAL_RECOMMENDATIONS, null,
                    first == null ? Path.of(source.origin()) : pathOf(source, first.file()), first == null ? 0 : first.line(),
                    "produced " + recommendations.size() + " recommendations for one consultation, from the rules "
                            + makers + "; the decision rules must produce exactly one");
        }
        findings.sort(Comparator.comparing(Finding::criterion).thenComparing(Finding::rule));
        caveats.sort(Comparator.comparing(Caveat::severity).thenComparing(Caveat::id).thenComparing(Caveat::message));
        blockers.sort(Comparator.comparing(Blocker::rulesOut).thenComparing(Blocker::reason));
        return new Evaluation(List.copyOf(findings), List.copyOf(caveats), recommendations.get(0), List.copyOf(fired),
                List.copyOf(blockers));
    }

    private RuleFaultException timeLimit(EvaluationWatchdog.Watch watch) {
        String rule = watch.culprit();
        return fault(RuleFaultException.Kind.TIME_LIMIT, rule, (rule == null
                ? "did not finish evaluating their conditions" : "did not finish") + " within the time limit of "
                + limits().timeLimitText() + " (a loop that never ends?); the evaluation was stopped");
    }

    private RuleFaultException consequenceFault(ConsequenceException failed, Monitor monitor) {
        String rule = failed.getRule() != null ? failed.getRule().getName() : monitor.firing;
        Throwable cause = failed.getCause() != null ? failed.getCause() : failed;
        if (cause instanceof FactLimitReached) {
            return fault(RuleFaultException.Kind.RUNAWAY, rule, "inserted or modified " + monitor.factChanges
                    + " facts in one consultation (the limit is " + limits().maxFactChanges()
                    + "; a real one makes about forty), so it was stopped before it used up the memory");
        }
        return fault(RuleFaultException.Kind.THREW, rule, "threw " + describe(cause));
    }

    // An exception outside any consequence: Drools evaluating a condition (its message names the rule),
    // or the fact limit reached while a logical insertion propagated.
    private RuleFaultException conditionFault(RuntimeException failed, Monitor monitor) {
        for (Throwable cause = failed; cause != null; cause = cause.getCause()) {
            if (cause instanceof FactLimitReached) {
                return fault(RuleFaultException.Kind.RUNAWAY, monitor.firing != null ? monitor.firing : monitor.mostFired(),
                        "inserted or modified " + monitor.factChanges + " facts in one consultation (the limit is "
                                + limits().maxFactChanges() + "), so it was stopped before it used up the memory");
            }
            if (cause instanceof ConsequenceException consequence) {
                return consequenceFault(consequence, monitor);
            }
        }
        Matcher named = RULE_IN_MESSAGE.matcher(String.valueOf(failed.getMessage()));
        String rule = named.find() ? named.group(1) : monitor.firing;
        Throwable root = failed;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return fault(RuleFaultException.Kind.THREW, rule, "threw " + describe(root) + " while its conditions were evaluated");
    }

    private String describe(Throwable cause) {
        String message = cause.getMessage();
        if (cause instanceof NoSuchElementException && message != null) {
            // Policy names the file only by its name; here the real one is known.
            message = message.replace(RuleSource.POLICY_FILE, source.policy().path().toString());
        }
        return cause.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    private RuleFaultException fault(RuleFaultException.Kind kind, String rule, String detail) {
        RuleInfo info = rule == null ? null : info(rule);
        Path file = info != null ? pathOf(source, info.file()) : Path.of(source.origin());
        return new RuleFaultException(kind, rule, file, info != null ? info.line() : 0, detail);
    }

    /** The rule with this name, or null. */
    public RuleInfo info(String ruleName) {
        for (RuleInfo rule : rules) {
            if (rule.name().equals(ruleName)) {
                return rule;
            }
        }
        return null;
    }

    /** Thrown from inside a session when it inserts or modifies too many facts; reported as a runaway rule. */
    private static final class FactLimitReached extends RuntimeException {
        private static final long serialVersionUID = 1L;

        FactLimitReached() {
            super("fact limit reached", null, false, false);
        }
    }

    /**
     * Watches one session: the rules fired (for the report), the rule whose consequence is running (for
     * the time limit's report), and the number of fact changes, stopping a session that inserts without end.
     */
    private static final class Monitor extends DefaultAgendaEventListener implements RuleRuntimeEventListener {
        final List<String> fired = new ArrayList<>();
        final int maxFactChanges;
        int firings;
        int factChanges;
        volatile String firing;
        EvaluationWatchdog.Watch watch;

        Monitor(int maxFactChanges) {
            this.maxFactChanges = maxFactChanges;
        }

        @Override
        public void beforeMatchFired(BeforeMatchFiredEvent event) {
            firing = event.getMatch().getRule().getName();
            watch.firing = firing;
        }

        @Override
        public void afterMatchFired(AfterMatchFiredEvent event) {
            firings++;
            fired.add(event.getMatch().getRule().getName());
            firing = null;
            watch.firing = null;
        }

        @Override
        public void objectInserted(ObjectInsertedEvent event) {
            counted();
        }

        @Override
        public void objectUpdated(ObjectUpdatedEvent event) {
            counted();
        }

        @Override
        public void objectDeleted(ObjectDeletedEvent event) {
            // Deleting frees memory; only growth and churn are limited.
        }

        private void counted() {
            if (++factChanges > maxFactChanges) {
                throw new FactLimitReached();
            }
        }

        /** The rule that fired most often: the one that keeps re-activating. */
        String mostFired() {
            Map<String, Integer> counts = new HashMap<>();
            String best = null;
            for (String rule : fired) {
                int n = counts.merge(rule, 1, Integer::sum);
                if (best == null || n > counts.get(best)) {
                    best = rule;
                }
            }
            return best;
        }
    }

    /** Whether evaluations are remembered per fact set (false for {@link #withFreshSessions()}). */
    boolean memoizes() {
        return memo != null;
    }

    /** Whether this rule base came from the compiled-rules cache rather than a compile; for tests and benchmarks. */
    boolean fromCache() {
        return fromCache;
    }

    public Policy policy() {
        return policy;
    }

    public List<RuleInfo> rules() {
        return rules;
    }

    public RuleSource source() {
        return source;
    }

    /** The compiled knowledge base, for callers that drive sessions themselves. */
    public KieBase kieBase() {
        return kieBase;
    }

    /** The facts built from the answers; the rules' comparisons on their fields are what {@link #splits} reads. */
    private static final List<Class<?>> INPUT_TYPES = List.of(Profile.class, CostFacts.class);

    /**
     * What these rules, as written, compare the input facts with, read on first use (a parse of the DRL
     * text) and kept, shared by the copies under other limits or sessions (same rules, same reading).
     */
    public RuleSplits splits() {
        return splits.get(() -> RuleSplits.read(source, policy, INPUT_TYPES));
    }

    /**
     * The rules' reading ({@link RuleSplits}), made once: loaded with compiled rules, or by the first caller,
     * or ahead of it on the common pool while a rule base compiles. A caller that comes while it is being read
     * waits for it.
     */
    private static final class Splits {
        private final AtomicReference<CompletableFuture<RuleSplits>> reading = new AtomicReference<>();

        /** The reading stored with compiled rules. */
        void known(RuleSplits read) {
            reading.compareAndSet(null, CompletableFuture.completedFuture(read));
        }

        void readAhead(Supplier<RuleSplits> read) {
            CompletableFuture<RuleSplits> started = new CompletableFuture<>();
            if (reading.compareAndSet(null, started)) {
                ForkJoinPool.commonPool().execute(() -> complete(started, read));
            }
        }

        RuleSplits get(Supplier<RuleSplits> read) {
            CompletableFuture<RuleSplits> known = reading.get();
            if (known == null) {
                CompletableFuture<RuleSplits> mine = new CompletableFuture<>();
                if (reading.compareAndSet(null, mine)) {
                    complete(mine, read);
                }
                known = reading.get();
            }
            try {
                return known.join();
            } catch (CompletionException failed) {
                if (failed.getCause() instanceof RuntimeException cause) {
                    throw cause;
                }
                if (failed.getCause() instanceof Error cause) {
                    throw cause;
                }
                throw failed;
            }
        }

        private static void complete(CompletableFuture<RuleSplits> future, Supplier<RuleSplits> read) {
            try {
                future.complete(read.get());
            } catch (RuntimeException | Error failed) {
                future.completeExceptionally(failed);
            }
        }
    }
}
