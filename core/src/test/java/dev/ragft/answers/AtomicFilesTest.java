package dev.ragft.answers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reports and answers files are written whole, with ordinary permissions, and only into folders that exist. */
class AtomicFilesTest {

    @TempDir
    Path dir;

    @Test
    void aNewFileGetsWhatTheUmaskGivesNotOwnerOnly() throws IOException {
        Path probe = Files.writeString(dir.resolve("probe"), "x");
        Path written = dir.resolve("report.txt");
        AtomicFiles.write(written, "text");
        assertThat(Files.readString(written)).isEqualTo("text");
        assertThat(Files.getPosixFilePermissions(written)).isEqualTo(Files.getPosixFilePermissions(probe));
        try (var left = Files.list(dir)) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("probe", "report.txt");
        }
    }

    @Test
    void aReplacedFileKeepsItsPermissions() throws IOException {
        Path written = Files.writeString(dir.resolve("report.txt"), "old");
        Set<PosixFilePermission> shared = PosixFilePermissions.fromString("rw-rw-r--");
        Files.setPosixFilePermissions(written, shared);
        AtomicFiles.write(written, "new");
        assertThat(Files.readString(written)).isEqualTo("new");
        assertThat(Files.getPosixFilePermissions(written)).isEqualTo(shared);
    }

    @Test
    void aMissingFolderIsAnErrorAndIsNotCreated() {
        Path target = dir.resolve("missing").resolve("deeper").resolve("report.txt");
        assertThatThrownBy(() -> AtomicFiles.write(target, "text")).isInstanceOf(NoSuchFileException.class)
                .hasMessageContaining(target.getParent().toString());
        assertThat(dir.resolve("missing")).doesNotExist();
    }
}
