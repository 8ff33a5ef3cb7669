package dev.ragft.engine;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.drools.base.common.DroolsObjectInputStream;
import org.drools.base.common.DroolsObjectOutputStream;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;

/**
 * Not API. Compiled policies on disk, so that a CLI run whose rules did not change skips the DRL
 * parser and the Java compiler (about two thirds of a cold start).
 *
 * <p>An entry holds the compiled packages (Drools' own externalized form, consequences as bytecode) of
 * one policy, and the reading of its comparisons ({@link RuleSplits}), which would otherwise take a
 * parse of the DRL on the first advice. Its name is the SHA-256 of every DRL file's name and text, the
 * policy file, the ragft and Drools versions, the Java version and the identity of the fact classes the
 * rules were compiled against, so any edit to a rule, a policy value or the code is a miss and a fresh
 * compile. Anything
 * wrong with an entry (truncated, corrupt, from an incompatible build) is a miss too: the entry is
 * deleted and the rules are compiled as if there were no cache. Entries are written through a
 * temporary file and a rename, so concurrent runs never read half an entry; only the newest
 * {@value #KEEP} entries are kept.
 */
final class CompiledRulesCache {

    static final int KEEP = 16;
    private static final String SUFFIX = ".kpkgs";

    private final Path dir;

    /** A loaded entry: the knowledge base and the rules' comparisons as read when it was stored. */
    record Entry(KieBase kieBase, RuleSplits splits) {
    }

    CompiledRulesCache(Path dir) {
        this.dir = dir;
    }

    Path dir() {
        return dir;
    }

    /** The file an entry for {@code source} lives in (whether or not it exists). */
    Path entryFor(RuleSource source) {
        return dir.resolve(key(source) + SUFFIX);
    }

    /** The cached entry for {@code source}, or null on a miss. Never throws. */
    Entry load(RuleSource source) {
        Path entry = entryFor(source);
        if (!Files.isRegularFile(entry)) {
            return null;
        }
        try (InputStream file = Files.newInputStream(entry)) {
            Entry read = read(file);
            touch(entry);
            return read;
        } catch (IOException | ClassNotFoundException | RuntimeException | LinkageError e) {
            // A damaged or incompatible entry must never break a run: forget it and compile afresh.
            deleteQuietly(entry);
            return null;
        }
    }

    /** A knowledge base from compiled packages, and the comparisons, as {@link #write} wrote them. */
    static Entry read(InputStream stream) throws IOException, ClassNotFoundException {
        try (ObjectInputStream in = new DroolsObjectInputStream(new BufferedInputStream(stream, 1 << 16),
                CompiledRulesCache.class.getClassLoader())) {
            Object read = in.readObject();
            if (!(read instanceof Collection<?> packages) || packages.isEmpty()) {
                throw new IOException("not a list of packages");
            }
            List<KiePackage> kiePackages = new ArrayList<>();
            for (Object element : packages) {
                kiePackages.add((KiePackage) element);
            }
            if (!(in.readObject() instanceof RuleSplits splits)) {
                throw new IOException("no reading of the rules' comparisons");
            }
            InternalKnowledgeBase kieBase = KnowledgeBaseFactory.newKnowledgeBase();
            kieBase.addPackages(kiePackages);
            return new Entry(kieBase, splits);
        }
    }

    /** Writes the compiled packages of {@code kieBase} in Drools' externalized form, then {@code splits}. */
    static void write(KieBase kieBase, RuleSplits splits, OutputStream stream) throws IOException {
        try (ObjectOutputStream out = new DroolsObjectOutputStream(new BufferedOutputStream(stream, 1 << 16))) {
            out.writeObject(new ArrayList<>(kieBase.getKiePackages()));
            out.writeObject(splits);
        }
    }

    /**
     * Stores the compiled packages of {@code kieBase} for {@code source}, with the reading of its comparisons.
     * Failure to write is not an error.
     */
    void store(RuleSource source, KieBase kieBase, RuleSplits splits) {
        Path entry = entryFor(source);
        Path temp = null;
        try {
            Files.createDirectories(dir);
            temp = Files.createTempFile(dir, ".entry", ".tmp");
            try (OutputStream file = Files.newOutputStream(temp)) {
                write(kieBase, splits, file);
            }
            Files.move(temp, entry, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            prune();
        } catch (IOException | RuntimeException e) {
            // A read-only home or a full disk only costs the next run a compile.
        } finally {
            if (temp != null) {
                deleteQuietly(temp);
            }
        }
    }

    private void prune() throws IOException {
        List<Path> entries;
        try (Stream<Path> files = Files.list(dir)) {
            entries = files.filter(p -> p.getFileName().toString().endsWith(SUFFIX)).toList();
        }
        if (entries.size() <= KEEP) {
            return;
        }
        List<Path> oldestFirst = new ArrayList<>(entries);
        oldestFirst.sort(Comparator.comparing(CompiledRulesCache::modified));
        for (Path old : oldestFirst.subList(0, oldestFirst.size() - KEEP)) {
            deleteQuietly(old);
        }
    }

    static String key(RuleSource source) {
        return digest(source, "ragft-rules-cache/2",
                String.valueOf(CompiledRulesCache.class.getPackage().getImplementationVersion()),
                String.valueOf(KieBase.class.getPackage().getImplementationVersion()),
                KnowledgeBaseFactory.class.getName(), Runtime.version().toString(), codeIdentity());
    }

    /**
     * SHA-256, in hex, of {@code prefix} and then of the policy (each DRL file's name and text, then the
     * policy file), every part length-prefixed so that no two different inputs run together alike.
     */
    static String digest(RuleSource source, String... prefix) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String part : prefix) {
                update(digest, part);
            }
            for (RuleSource.SourceFile drl : source.drl()) {
                update(digest, drl.name());
                update(digest, drl.text());
            }
            update(digest, source.policy().text());
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    // Consequences are compiled against the fact classes; a rebuilt jar (or recompiled classes during
    // development) must not reuse bytecode compiled against the old ones.
    private static String codeIdentity() {
        try {
            CodeSource code = CompiledRulesCache.class.getProtectionDomain().getCodeSource();
            if (code == null || code.getLocation() == null) {
                return "unknown";
            }
            Path location = Path.of(code.getLocation().toURI());
            if (Files.isRegularFile(location)) {
                return location + "|" + Files.size(location) + "|" + Files.getLastModifiedTime(location).toMillis();
            }
            StringBuilder identity = new StringBuilder(location.toString());
            try (Stream<Path> classes = Files.walk(location.resolve("dev/ragft"))) {
                classes.filter(p -> p.toString().endsWith(".class")).sorted().forEach(p -> identity.append('|')
                        .append(location.relativize(p)).append('@').append(modified(p).toMillis()));
            }
            return identity.toString();
        } catch (IOException | URISyntaxException | RuntimeException e) {
            // Not knowing the code means not trusting the cache: a key no entry will ever match.
            return "unknown-" + System.nanoTime();
        }
    }

    /** Adds {@code text} to the digest, length-prefixed. */
    static void update(MessageDigest digest, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        digest.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
        digest.update((byte) ':');
        digest.update(bytes);
    }

    private static FileTime modified(Path path) {
        try {
            return Files.getLastModifiedTime(path);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    // The newest-used entries survive pruning.
    private static void touch(Path entry) {
        try {
            Files.setLastModifiedTime(entry, FileTime.fromMillis(System.currentTimeMillis()));
        } catch (IOException e) {
            // only affects which entry is pruned first
        }
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            // a later run retries
        }
    }
}
