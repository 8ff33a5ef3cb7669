package dev.ragft.policy;

import dev.ragft.RuleError;
import dev.ragft.RulesException;
import dev.ragft.RulesStatus;
import dev.ragft.engine.Engine;
import dev.ragft.engine.RuleBase;
import dev.ragft.engine.RuleBaseHolder;
import dev.ragft.engine.RuleSource;
import dev.ragft.questionnaire.Answers;
import dev.ragft.questionnaire.Questionnaire;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

/**
 * Not API. The rules a long-running front end serves ({@code serve}, the console), kept by the one
 * {@link RuleBaseHolder} and vetted by {@link ReloadCheck}: a reload takes new rules only once they
 * compile and pass the lint and the smoke set, and the engine for them is made here, so the front ends
 * never handle the engine's types themselves.
 */
public final class CheckedRules {

    /**
     * What a reload did.
     *
     * @param taken whether the new rules are now in use
     * @param ruleCount how many rules are in use after it
     * @param errors why the new rules were refused, each with file:line; empty when taken
     */
    public record Reload(boolean taken, int ruleCount, List<RuleError> errors) {
    }

    private final Questionnaire questionnaire;
    /** Null only for {@link #reloading} before its first reload could compile the rules. */
    private RuleBaseHolder holder;
    private final Path watched;
    private volatile Engine engine;
    private RuleSource seen;
    /** For {@link #reloading}: how to make the holder once the rules compile; null otherwise. */
    private final RuleBaseHolder.Builder pendingBuilder;
    private final RuleBaseHolder.Check pendingCheck;
    private final String pendingOrigin;

    private CheckedRules(Questionnaire questionnaire, RuleBaseHolder holder, Path watched, RuleSource seen) {
        this.questionnaire = questionnaire;
        this.holder = holder;
        this.watched = watched;
        this.seen = seen;
        this.engine = new Engine(questionnaire, holder.current());
        this.pendingBuilder = null;
        this.pendingCheck = null;
        this.pendingOrigin = null;
    }

    private CheckedRules(Questionnaire questionnaire, RuleBaseHolder.Builder builder, RuleBaseHolder.Check check,
            String origin) {
        this.questionnaire = questionnaire;
        this.watched = null;
        this.pendingBuilder = builder;
        this.pendingCheck = check;
        this.pendingOrigin = origin;
    }

    /**
     * The rules of {@code source}, compiled and checked now. Rules that compile but fail the check are
     * served all the same (nothing better exists) with an unhealthy {@link #status()}.
     *
     * @param examples the example consultations for the smoke set, or null
     * @param watch whether {@link #reloadIfChanged()} will re-read the source's folder
     * @throws dev.ragft.RulesException when the rules do not compile
     */
    public static CheckedRules start(Questionnaire questionnaire, Path examples, RuleSource source, boolean watch)
            throws IOException {
        Path folder = watch ? Path.of(source.origin()) : null;
        RuleBaseHolder holder = RuleBaseHolder.start(
                () -> RuleBase.compile(folder != null ? RuleSource.fromDirectory(folder) : source),
                ReloadCheck.of(questionnaire, examples, null));
        return new CheckedRules(questionnaire, holder, folder, source);
    }

    /** {@link #start(Questionnaire, Path, RuleSource, boolean)} for rule files read by a front end. */
    public static CheckedRules start(Questionnaire questionnaire, Path examples, RuleFiles files, boolean watch)
            throws IOException {
        return start(questionnaire, examples, files.source(), watch);
    }

    /**
     * The console's reloads, for a front end that holds its rules in use through the facade: each
     * {@link #reload()} reads the rules again from {@code rulesDir} (null: the packaged rules), compiles them
     * through the compiled-rules cache in {@code cacheDir} (null: none) and checks them with the smoke set plus
     * the answers {@code current} gives. The rules the front end uses stay its own until a reload is taken;
     * then {@link #engine()} serves the new ones. Nothing is read before the first reload.
     */
    public static CheckedRules reloading(Questionnaire questionnaire, Path rulesDir, Path cacheDir,
            Supplier<Answers> current) {
        RuleBaseHolder.Builder builder = () -> RuleBase.compile(RuleFiles.read(rulesDir).source(), cacheDir);
        RuleBaseHolder.Check check = ReloadCheck.of(questionnaire, null,
                () -> List.of(new SmokeCheck.Case("your answers", current.get())));
        return new CheckedRules(questionnaire, builder, check,
                rulesDir != null ? rulesDir.toString() : "classpath:" + RuleSource.CLASSPATH_FOLDER);
    }

    /** The engine for the rules in use. */
    public Engine engine() {
        return engine;
    }

    /** The rules version of the rules in use (a hash of their files, never where they live). */
    public String version() {
        return engine.rules().source().version();
    }

    /** How many DRL files the rules in use have. */
    public int drlCount() {
        return engine.rules().source().drl().size();
    }

    /** The health of the rules, for {@code /healthz}. */
    public RulesStatus status() {
        return holder.status();
    }

    /** Reads, compiles and checks the rules again; takes them only if all three succeed. */
    public synchronized Reload reload() {
        if (holder == null) {
            // The first reload of reloading(): a holder needs rules to fall back on, so it starts from this
            // compile (errors refuse the reload exactly as the holder would) and then reloads as usual.
            RuleBase baseline;
            try {
                baseline = pendingBuilder.build();
            } catch (RulesException e) {
                return new Reload(false, 0, e.errors());
            } catch (IOException | RuntimeException e) {
                return new Reload(false, 0, List.of(new RuleError(Path.of(pendingOrigin), 0, 0,
                        "cannot read the rules: " + e.getMessage())));
            }
            holder = RuleBaseHolder.of(baseline, pendingBuilder, pendingCheck);
        }
        RuleBaseHolder.Reload reload = holder.reload();
        if (reload.reloaded()) {
            engine = new Engine(questionnaire, reload.current());
        }
        return new Reload(reload.reloaded(), reload.current().rules().size(), reload.errors());
    }

    /**
     * For {@code --watch}: reloads when the watched folder's files differ from the last ones looked at;
     * null when nothing changed or the folder cannot be read right now (mid-save, say).
     */
    public synchronized Reload reloadIfChanged() {
        if (watched == null) {
            return null;
        }
        RuleSource current;
        try {
            current = RuleSource.fromDirectory(watched);
        } catch (IOException e) {
            return null;
        }
        if (current.equals(seen)) {
            return null;
        }
        seen = current;
        return reload();
    }
}
