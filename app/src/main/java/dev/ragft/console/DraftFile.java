package dev.ragft.console;

import dev.ragft.answers.AtomicFiles;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The draft of one running console: the file its answers are written to, every time one is given,
 * and the lock that keeps a second console from writing the same file.
 *
 * <p>Writes go to a temporary file beside the draft and are renamed over it
 * ({@link AtomicFiles#write}), so a kill at any moment leaves the previous draft or the new one, never
 * a torn one. The lock is an operating-system lock on a hidden file beside the draft
 * ({@code .NAME.lock}); the draft itself cannot carry it, since every write replaces its file. The
 * lock ends with the process, however it ends.
 */
final class DraftFile implements AutoCloseable {

    private final Path path;
    private final FileChannel lockChannel;
    private final FileLock lock;

    private DraftFile(Path path, FileChannel lockChannel, FileLock lock) {
        this.path = path;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /**
     * Locks {@code wanted} for this console, or, when another console holds it, the first free copy
     * beside it ({@code NAME-2.json}, {@code NAME-3.json}, …) that does not exist yet.
     *
     * @throws IOException when no lock file can be made (a read-only folder)
     */
    static DraftFile lock(Path wanted) throws IOException {
        DraftFile first = tryLock(wanted);
        if (first != null) {
            return first;
        }
        for (int n = 2; n < 1000; n++) {
            Path copy = copyName(wanted, n);
            if (Files.exists(copy)) {
                continue;
            }
            DraftFile taken = tryLock(copy);
            if (taken != null) {
                return taken;
            }
        }
        throw new IOException("no free draft beside " + wanted);
    }

    /** The first {@code NAME-N.json} beside {@code draft} that does not exist and is not locked. */
    static DraftFile freeCopy(Path draft) throws IOException {
        for (int n = 2; n < 1000; n++) {
            Path copy = copyName(draft, n);
            if (!Files.exists(copy)) {
                DraftFile taken = tryLock(copy);
                if (taken != null) {
                    return taken;
                }
            }
        }
        throw new IOException("no free draft beside " + draft);
    }

    static Path copyName(Path draft, int n) {
        String name = draft.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String copy = dot > 0 ? name.substring(0, dot) + "-" + n + name.substring(dot) : name + "-" + n;
        return draft.resolveSibling(copy);
    }

    private static DraftFile tryLock(Path draft) throws IOException {
        Path absolute = draft.toAbsolutePath();
        Path lockPath = absolute.resolveSibling("." + absolute.getFileName() + ".lock");
        Files.createDirectories(absolute.getParent());
        FileChannel channel = FileChannel.open(lockPath, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
                return null;
            }
            return new DraftFile(draft, channel, lock);
        } catch (OverlappingFileLockException heldHere) {
            // Another console in this same JVM (tests) holds it.
            channel.close();
            return null;
        }
    }

    /** The draft this console writes. */
    Path path() {
        return path;
    }

    /** Whether this console got a copy rather than the draft it asked for. */
    boolean isCopyOf(Path wanted) {
        return !path.equals(wanted);
    }

    /** Replaces the draft with {@code json} atomically. */
    void write(String json) throws IOException {
        AtomicFiles.write(path, json);
    }

    /** Removes the draft (the consultation ended and its answers were shown). */
    void delete() throws IOException {
        Files.deleteIfExists(path);
    }

    @Override
    public void close() {
        try {
            lock.release();
            lockChannel.close();
        } catch (IOException ignored) {
            // The lock ends with the process anyway.
        }
    }
}
