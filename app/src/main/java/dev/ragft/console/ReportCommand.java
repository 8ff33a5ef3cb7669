package dev.ragft.console;

import dev.ragft.answers.AtomicFiles;
import dev.ragft.report.Report;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The console's {@code report FILE}: the format comes from the extension, {@code ~} means the home
 * folder as in a shell, and a missing folder is refused rather than created (a typo in a path should
 * not leave folders behind). Nothing here touches the consultation, so the answers stay whatever happens.
 */
final class ReportCommand {

    /** What happened, as one line for the user; {@code ok} false when nothing was written. */
    record Outcome(boolean ok, String message) {
    }

    private ReportCommand() {
    }

    /** Writes the report {@code report} makes to the file {@code argument} names. */
    static Outcome write(String argument, Supplier<Report> report) {
        if (argument.isEmpty()) {
            return new Outcome(false, "give a file name, e.g. report my-report.html (.html, .md, .json or .txt)");
        }
        Path target;
        try {
            // $HOME first, as a shell expands ~; Java's user.home comes from the password file instead.
            String home = System.getenv("HOME");
            target = Path.of(expandHome(argument, home == null || home.isEmpty() ? System.getProperty("user.home") : home));
        } catch (InvalidPathException e) {
            return new Outcome(false, "'" + argument + "' is not a file name: " + e.getReason());
        }
        Optional<Report.Format> format = Report.Format.forFile(target);
        if (format.isEmpty()) {
            return new Outcome(false, "cannot tell the format of " + target + " from its extension: use .html, .md,"
                    + " .json or .txt (answers kept)");
        }
        Path folder = target.toAbsolutePath().getParent();
        if (!Files.isDirectory(folder)) {
            return new Outcome(false, "the folder " + folder + " does not exist; create it first or pick another file"
                    + " (answers kept)");
        }
        if (Files.isDirectory(target)) {
            return new Outcome(false, target + " is a folder; give a file name inside it (answers kept)");
        }
        try {
            AtomicFiles.write(target, format.get().render(report.get()));
        } catch (IOException | RuntimeException e) {
            return new Outcome(false, "cannot write " + target + ": " + e.getMessage() + " (answers kept)");
        }
        return new Outcome(true, format.get().name().toLowerCase(Locale.ROOT) + " report written to " + target);
    }

    /** {@code ~} and {@code ~/x} as a shell reads them; {@code ~user} and everything else as typed. */
    static String expandHome(String path, String home) {
        if (path.equals("~")) {
            return home;
        }
        if (path.startsWith("~/") || path.startsWith("~" + File.separator)) {
            return home + path.substring(1);
        }
        return path;
    }
}
