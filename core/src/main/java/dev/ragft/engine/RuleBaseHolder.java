package dev.ragft.engine;

import dev.ragft.RuleError;
import dev.ragft.RulesException;
import dev.ragft.RulesStatus;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Not API. The one place that reloads rules and keeps the last good ones, for the console's
 * {@code reload} and {@code serve --watch}. New rules replace the current ones only after they compile
 * <em>and</em> pass the holder's check (the lint and a smoke set of consultations under the time limit,
 * see {@code SmokeCheck}); otherwise the current rules stay and the reload says why, each reason with
 * {@code file:line}. Thread-safe: readers see either the old or the new rule base, never a half-built one.
 */
public final class RuleBaseHolder {

    /** Reads the rules afresh on each reload (e.g. {@code () -> RuleSource.fromDirectory(dir)}). */
    @FunctionalInterface
    public interface Loader {
        RuleSource load() throws IOException;
    }

    /** Reads and compiles the rules afresh (with the caller's cache and evaluation limits). */
    @FunctionalInterface
    public interface Builder {
        RuleBase build() throws IOException;
    }

    /** Vets compiled rules before they are used: why they must not be, or an empty list when they may. */
    @FunctionalInterface
    public interface Check {
        /** Accepts every rule base that compiles. */
        Check NONE = candidate -> List.of();

        List<RuleError> problems(RuleBase candidate);
    }

    /**
     * What a reload did.
     *
     * @param reloaded whether the new rules replaced the old ones
     * @param current the rules in use after the reload (the old ones when it failed)
     * @param errors why it failed, each with file:line:column; empty on success
     */
    public record Reload(boolean reloaded, RuleBase current, List<RuleError> errors) {
    }

    private final Builder builder;
    private final Check check;
    private volatile RuleBase current;
    private volatile RulesStatus status;
    private int load = 1;

    private RuleBaseHolder(Builder builder, Check check, RuleBase initial, List<RuleError> initialProblems) {
        this.builder = builder;
        this.check = check;
        this.current = initial;
        this.status = initialProblems.isEmpty() ? healthy(initial, 1)
                : new RulesStatus(false, 1, describe(initial, 1), "the rules in use fail their check: " + reason(initial, initialProblems));
    }

    /**
     * Loads and compiles the rules a first time; there is nothing to fall back on yet, so failure throws.
     *
     * @throws RulesException when the rules do not compile
     * @throws IOException when they cannot be read
     */
    public static RuleBaseHolder load(Loader loader) throws IOException {
        Objects.requireNonNull(loader, "loader");
        return start(() -> RuleBase.compile(loader.load()), Check.NONE);
    }

    /** A holder for a rules folder, without a check beyond compiling. */
    public static RuleBaseHolder forDirectory(Path dir) throws IOException {
        return load(() -> RuleSource.fromDirectory(dir));
    }

    /**
     * Builds the rules a first time and checks them. Rules that compile but fail the check are still taken
     * into use (there is nothing better to serve), with an unhealthy {@link #status()} saying why.
     *
     * @throws RulesException when the rules do not compile
     * @throws IOException when they cannot be read
     */
    public static RuleBaseHolder start(Builder builder, Check check) throws IOException {
        Objects.requireNonNull(builder, "builder");
        Objects.requireNonNull(check, "check");
        RuleBase initial = builder.build();
        return new RuleBaseHolder(builder, check, initial, check.problems(initial));
    }

    /** Starts from rules already compiled (and taken as good); reloads build and check new ones. */
    public static RuleBaseHolder of(RuleBase initial, Builder builder, Check check) {
        return new RuleBaseHolder(Objects.requireNonNull(builder, "builder"), Objects.requireNonNull(check, "check"),
                Objects.requireNonNull(initial, "initial"), List.of());
    }

    /** Starts from rules already compiled; reloads only compile (for callers with no check of their own). */
    public static RuleBaseHolder of(RuleBase initial, Loader loader) {
        Objects.requireNonNull(loader, "loader");
        return of(initial, () -> RuleBase.compile(loader.load()), Check.NONE);
    }

    /** The rules in use: the last that compiled and passed the check. */
    public RuleBase current() {
        return current;
    }

    /** The health of the rules, for a service's health report. */
    public RulesStatus status() {
        return status;
    }

    /**
     * Reads, compiles and checks the rules again; when all three succeed they replace the current ones,
     * otherwise nothing changes but the status, which then says why.
     */
    public synchronized Reload reload() {
        RuleBase rebuilt;
        try {
            rebuilt = builder.build();
        } catch (RulesException e) {
            return refused(e.errors());
        } catch (IOException | RuntimeException e) {
            return refused(List.of(new RuleError(Path.of(current.source().origin()), 0, 0,
                    "cannot read the rules: " + e.getMessage())));
        }
        List<RuleError> problems;
        try {
            problems = check.problems(rebuilt);
        } catch (RuntimeException e) {
            problems = List.of(new RuleError(Path.of(rebuilt.source().origin()), 0, 0, "the check of the new rules failed: " + e));
        }
        if (!problems.isEmpty()) {
            return refused(problems);
        }
        current = rebuilt;
        load++;
        status = healthy(rebuilt, load);
        return new Reload(true, rebuilt, List.of());
    }

    private Reload refused(List<RuleError> errors) {
        status = new RulesStatus(false, load, describe(current, load), "the last edit of the rules was refused, so load " + load
                + " is still in use: " + reason(current, errors));
        return new Reload(false, current, errors);
    }

    private static RulesStatus healthy(RuleBase rules, int load) {
        return new RulesStatus(true, load, describe(rules, load), null);
    }

    private static String describe(RuleBase rules, int load) {
        return rules.source().drl().size() + " rule files, " + rules.rules().size() + " rules (load " + load + ")";
    }

    // The first errors, with every path made relative to the rules folder: a health report is public.
    private static String reason(RuleBase rules, List<RuleError> errors) {
        String origin = Path.of(rules.source().origin()).toAbsolutePath().normalize().toString();
        List<String> parts = new ArrayList<>();
        for (RuleError error : errors.subList(0, Math.min(3, errors.size()))) {
            Path file = error.file().toAbsolutePath().normalize();
            String where = file.startsWith(origin) && !file.toString().equals(origin)
                    ? Path.of(origin).relativize(file).toString() : file.getFileName() == null ? "" : file.getFileName().toString();
            String message = error.message().replace(origin + "/", "").replace(origin, "the rules folder")
                    .replace(rules.source().origin() + "/", "");
            parts.add((error.line() > 0 ? where + ":" + error.line() + ": " : where + ": ") + message);
        }
        return String.join("; ", parts) + (errors.size() > 3 ? "; and " + (errors.size() - 3) + " more" : "");
    }
}
