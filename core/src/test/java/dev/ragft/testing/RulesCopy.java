package dev.ragft.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** A copy of the real {@code rules/} folder that a test may edit, so the checkout's rules stay untouched. */
public final class RulesCopy {

    private RulesCopy() {
    }

    /** Copies {@code rules/} into {@code dir/rules} and returns that folder. */
    public static Path of(Path dir) throws IOException {
        Path copy = dir.resolve("rules");
        Files.createDirectories(copy);
        try (Stream<Path> files = Files.list(Path.of("rules"))) {
            for (Path file : files.toList()) {
                Files.copy(file, copy.resolve(file.getFileName()));
            }
        }
        return copy;
    }

    /** Replaces the first occurrence of {@code from} in a file of the copy; fails if it is not there. */
    public static void edit(Path rules, String file, String from, String to) throws IOException {
        Path path = rules.resolve(file);
        String text = Files.readString(path);
        if (!text.contains(from)) {
            throw new AssertionError(file + " no longer contains '" + from + "'; update the test's edit");
        }
        Files.writeString(path, text.replaceFirst(java.util.regex.Pattern.quote(from),
                java.util.regex.Matcher.quoteReplacement(to)));
    }
}
