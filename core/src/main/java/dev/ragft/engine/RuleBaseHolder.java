package dev.ragft.engine;

import dev.ragft.RuleError;
import dev.ragft.RulesException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Not API. Keeps the last good {@link RuleBase} of a rules folder and rebuilds it on request: for the
 * console's {@code reload} and long-running {@code --watch} uses. A rebuild that fails to read or
 * compile leaves the current rules in place and reports why. Thread-safe: readers see either the old
 * or the new rule base, never a half-built one.
 */
public final class RuleBaseHolder {

    /** Reads the rules afresh on each reload (e.g. {@code () -> RuleSource.fromDirectory(dir)}). */
    @FunctionalInterface
    public interface Loader {
        RuleSource load() throws IOException;
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

    private final Loader loader;
    private volatile RuleBase current;

    private RuleBaseHolder(Loader loader, RuleBase initial) {
        this.loader = loader;
        this.current = initial;
    }

    /**
     * Loads and compiles the rules a first time; there is nothing to fall back on yet, so failure throws.
     *
     * @throws RulesException when the rules do not compile
     * @throws IOException when they cannot be read
     */
    public static RuleBaseHolder load(Loader loader) throws IOException {
        Objects.requireNonNull(loader, "loader");
        return new RuleBaseHolder(loader, RuleBase.compile(loader.load()));
    }

    /** A holder for a rules folder. */
    public static RuleBaseHolder forDirectory(Path dir) throws IOException {
        return load(() -> RuleSource.fromDirectory(dir));
    }

    /** Starts from rules already compiled. */
    public static RuleBaseHolder of(RuleBase initial, Loader loader) {
        return new RuleBaseHolder(Objects.requireNonNull(loader, "loader"), Objects.requireNonNull(initial, "initial"));
    }

    /** The rules in use: the last that compiled. */
    public RuleBase current() {
        return current;
    }

    /** Reads and compiles the rules again; on success they replace the current ones, otherwise nothing changes. */
    public synchronized Reload reload() {
        RuleSource source;
        try {
            source = loader.load();
        } catch (IOException | RuntimeException e) {
            return new Reload(false, current, List.of(new RuleError(Path.of(String.valueOf(originOf(current))), 0, 0,
                    "cannot read the rules: " + e.getMessage())));
        }
        try {
            RuleBase rebuilt = RuleBase.compile(source);
            current = rebuilt;
            return new Reload(true, rebuilt, List.of());
        } catch (RulesException e) {
            return new Reload(false, current, e.errors());
        }
    }

    private static String originOf(RuleBase rules) {
        return rules.source().origin();
    }
}
