package dev.ragft.answers;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.UUID;

/** Not API. Writes that a reader (or a crash) never sees half done. */
public final class AtomicFiles {

    private AtomicFiles() {
    }

    /**
     * Writes {@code text} to a temporary file beside {@code target}, then renames it over the target.
     * The file gets the permissions any new file of the user gets (the umask decides, as for a shell
     * redirect), or keeps those of the file it replaces; a missing folder is an error, never created.
     *
     * @throws NoSuchFileException when the folder of {@code target} does not exist
     */
    public static void write(Path target, String text) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        if (!Files.isDirectory(dir)) {
            throw new NoSuchFileException(dir.toString(), null, "no such folder");
        }
        // Not Files.createTempFile: it makes the file 0600 whatever the umask, so a colleague could not
        // read a shared report. A plain CREATE_NEW gets the umask's permissions.
        Path temp = dir.resolve("." + absolute.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            Files.writeString(temp, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            PosixFileAttributeView existing = Files.getFileAttributeView(absolute, PosixFileAttributeView.class);
            if (existing != null && Files.exists(absolute)) {
                Files.getFileAttributeView(temp, PosixFileAttributeView.class)
                        .setPermissions(existing.readAttributes().permissions());
            }
            Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
