package dev.ragft.policy;

import java.nio.file.Path;

/**
 * Not API. One finding of {@code rules check}, printed compiler-style as
 * {@code file:line:column: error|warning: message} (line and column 0 when unknown).
 */
public record Problem(Severity severity, Path file, int line, int column, String message) {

    /** Errors fail the check (exit 3); warnings are shown but pass. */
    public enum Severity {
        ERROR, WARNING;

        String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    static Problem error(Path file, int line, String message) {
        return new Problem(Severity.ERROR, file, line, line > 0 ? 1 : 0, message);
    }

    static Problem warning(Path file, int line, String message) {
        return new Problem(Severity.WARNING, file, line, line > 0 ? 1 : 0, message);
    }

    @Override
    public String toString() {
        String where = line > 0 ? file + ":" + line + ":" + column : String.valueOf(file);
        return where + ": " + severity.label() + ": " + message;
    }
}
