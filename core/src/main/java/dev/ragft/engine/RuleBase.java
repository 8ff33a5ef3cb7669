package dev.ragft.engine;

import dev.ragft.RuleError;
import dev.ragft.RulesException;
import dev.ragft.facts.Caveat;
import dev.ragft.facts.CostFacts;
import dev.ragft.facts.Finding;
import dev.ragft.facts.Policy;
import dev.ragft.facts.Profile;
import dev.ragft.facts.Recommendation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieContainer;
import org.kie.api.runtime.KieSession;

/**
 * Not API. A compiled policy: one immutable {@link KieBase} shared by all threads, the policy values,
 * and the metadata of every rule. Each {@link #evaluate} call uses a session of its own.
 */
public final class RuleBase {

    /** Where a rule lives and what it says of itself, for `why`, `how` and linting. */
    public record RuleInfo(String name, String file, String criterion, String section, Map<String, Object> metadata) {
    }

    /** Everything one evaluation produced. Findings and caveats are in a stable order. */
    public record Evaluation(List<Finding> findings, List<Caveat> caveats, Recommendation recommendation,
                             List<String> firedRules) {
    }

    private static final AtomicLong BUILDS = new AtomicLong();
    private static final String VIRTUAL_ROOT = "src/main/resources/";
    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;?", Pattern.MULTILINE);

    private final RuleSource source;
    private final KieBase kieBase;
    private final Policy policy;
    private final List<RuleInfo> rules;
    private final boolean fromCache;

    private RuleBase(RuleSource source, KieBase kieBase, Policy policy, List<RuleInfo> rules, boolean fromCache) {
        this.source = source;
        this.kieBase = kieBase;
        this.policy = policy;
        this.rules = List.copyOf(rules);
        this.fromCache = fromCache;
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
        List<RuleError> errors = new ArrayList<>();
        PolicyFile.Parsed parsedPolicy = PolicyFile.parse(source.policy());
        errors.addAll(parsedPolicy.errors());
        errors.addAll(missingPolicyValues(source, parsedPolicy));

        Map<String, RuleSource.SourceFile> byVirtualPath = new HashMap<>();
        for (RuleSource.SourceFile drl : source.drl()) {
            String resourcePath = packageFolder(drl.text()) + drl.name();
            // Drools reports some messages with the resource path and some with the file system path.
            byVirtualPath.put(resourcePath, drl);
            byVirtualPath.put(VIRTUAL_ROOT + resourcePath, drl);
        }
        CompiledRulesCache cache = cacheDir == null ? null : new CompiledRulesCache(cacheDir);
        // Only a policy that compiled cleanly is ever cached, so a hit needs no error checks of its own.
        if (cache != null && errors.isEmpty()) {
            KieBase cached = cache.load(source);
            if (cached != null) {
                return new RuleBase(source, cached, parsedPolicy.policy(), describe(cached, byVirtualPath), true);
            }
        }

        KieServices services = KieServices.Factory.get();
        KieFileSystem files = services.newKieFileSystem();
        // A fresh release per build: several rule bases (e.g. `rules diff`) can live in one JVM.
        ReleaseId release = services.newReleaseId("dev.ragft.policy", "rules", "1.0." + BUILDS.incrementAndGet());
        files.generateAndWritePomXML(release);
        for (RuleSource.SourceFile drl : source.drl()) {
            files.write(VIRTUAL_ROOT + packageFolder(drl.text()) + drl.name(), drl.text());
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
        if (cache != null) {
            cache.store(source, kieBase);
        }
        return new RuleBase(source, kieBase, parsedPolicy.policy(), describe(kieBase, byVirtualPath), false);
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

    // A rule that asks for a threshold or a weight the policy lacks would fail mid-consultation;
    // catching it at load time reports it like a compile error instead.
    private static List<RuleError> missingPolicyValues(RuleSource source, PolicyFile.Parsed policy) {
        List<RuleError> errors = new ArrayList<>();
        for (RuleSource.SourceFile drl : source.drl()) {
            String[] lines = drl.text().split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                Matcher threshold = PolicyFile.THRESHOLD_REFERENCE.matcher(lines[i]);
                while (threshold.find()) {
                    if (!policy.entries().containsKey(threshold.group(1))) {
                        errors.add(new RuleError(drl.path(), i + 1, threshold.start() + 1,
                                "uses threshold '" + threshold.group(1) + "', which " + RuleSource.POLICY_FILE + " does not define"));
                    }
                }
            }
        }
        return errors;
    }

    private static String packageFolder(String drlText) {
        Matcher matcher = PACKAGE.matcher(drlText);
        return matcher.find() ? matcher.group(1).replace('.', '/') + "/" : "";
    }

    private static List<RuleInfo> describe(KieBase kieBase, Map<String, RuleSource.SourceFile> byVirtualPath) {
        List<RuleInfo> infos = new ArrayList<>();
        for (KiePackage kiePackage : kieBase.getKiePackages()) {
            for (Rule rule : kiePackage.getRules()) {
                Map<String, Object> metadata = rule.getMetaData();
                String file = fileOf(rule, byVirtualPath);
                infos.add(new RuleInfo(rule.getName(), file, text(metadata.get("criterion")),
                        text(metadata.get("section")), Map.copyOf(metadata)));
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

    /** Runs the rules over one consultation's facts, in a session of its own. */
    public Evaluation evaluate(Profile profile, CostFacts costs) {
        return evaluate(profile, costs, List.of());
    }

    /** Runs the rules over one consultation's facts plus {@code extra} input facts (e.g. robustness flips). */
    public Evaluation evaluate(Profile profile, CostFacts costs, List<?> extra) {
        KieSession session = kieBase.newKieSession();
        try {
            List<String> fired = new ArrayList<>();
            session.addEventListener(new DefaultAgendaEventListener() {
                @Override
                public void afterMatchFired(AfterMatchFiredEvent event) {
                    fired.add(event.getMatch().getRule().getName());
                }
            });
            session.insert(policy);
            session.insert(profile);
            session.insert(costs);
            for (Object fact : extra) {
                session.insert(fact);
            }
            session.fireAllRules();

            List<Finding> findings = new ArrayList<>();
            List<Caveat> caveats = new ArrayList<>();
            List<Recommendation> recommendations = new ArrayList<>();
            for (Object fact : session.getObjects()) {
                if (fact instanceof Finding finding) {
                    findings.add(finding);
                } else if (fact instanceof Caveat caveat) {
                    caveats.add(caveat);
                } else if (fact instanceof Recommendation recommendation) {
                    recommendations.add(recommendation);
                }
            }
            if (recommendations.size() != 1) {
                throw new RulesException(List.of(new RuleError(Path.of(source.origin()), 0, 0,
                        "the rules produced " + recommendations.size() + " recommendations for one consultation;"
                                + " the decision rules must produce exactly one (rules fired: " + fired + ")")));
            }
            findings.sort(Comparator.comparing(Finding::criterion).thenComparing(Finding::rule));
            caveats.sort(Comparator.comparing(Caveat::severity).thenComparing(Caveat::id).thenComparing(Caveat::message));
            return new Evaluation(List.copyOf(findings), List.copyOf(caveats), recommendations.get(0), List.copyOf(fired));
        } finally {
            session.dispose();
        }
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
}
