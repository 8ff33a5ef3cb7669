package dev.ragft;

import java.nio.file.Path;

/**
 * One compile error in the policy: the real file (not Drools' virtual path), 1-based line, column
 * (0 when Drools does not know it) and Drools' message.
 */
public record RuleError(Path file, int line, int column, String message) {

    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": " + message;
    }
}
