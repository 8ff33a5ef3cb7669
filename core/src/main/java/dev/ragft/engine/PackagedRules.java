package dev.ragft.engine;

import dev.ragft.RulesException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * Not API. The packaged policy compiled at build time and shipped in the ragft-core jar, so that
 * {@code Advisor.fromClasspath()} and the command line start without the DRL parser and the Java
 * compiler (the seconds of a cold start).
 *
 * <p>The core module's build runs {@link #main} in the {@code process-classes} phase: it compiles the
 * rules just copied to {@code target/classes/dev/ragft/rules} and writes their packages (Drools'
 * externalized form, the one {@link CompiledRulesCache} stores, with the reading of their comparisons)
 * to {@value #ENTRY} next to this class,
 * with {@value #KEY}: the SHA-256 of every DRL file's name and text and of the policy file. At run time
 * the entry is used only when the packaged rules hash to that key, so a jar whose rules were changed
 * after the build compiles them as before; an entry that cannot be read (another Drools on the class
 * path) is ignored the same way. The fact classes the consequences were compiled against are the ones
 * in the same jar, so the key needs no code identity (unlike the cache's, whose entries outlive builds).
 */
public final class PackagedRules {

    static final String ENTRY = "packaged-rules.kpkgs";
    static final String KEY = "packaged-rules.key";
    /** What the build last compiled from: the key plus the fact classes; unchanged means nothing to do. */
    private static final String STAMP = "packaged-rules.stamp";

    private PackagedRules() {
    }

    /** The precompiled packaged rules when they were built from exactly {@code source}, else null. Never throws. */
    static CompiledRulesCache.Entry load(RuleSource source) {
        try (InputStream key = PackagedRules.class.getResourceAsStream(KEY)) {
            if (key == null || !new String(key.readAllBytes(), StandardCharsets.US_ASCII).strip().equals(key(source))) {
                return null;
            }
            try (InputStream entry = PackagedRules.class.getResourceAsStream(ENTRY)) {
                return entry == null ? null : CompiledRulesCache.read(entry);
            }
        } catch (IOException | ClassNotFoundException | RuntimeException | LinkageError e) {
            return null; // compiling is always possible; this was only a shortcut
        }
    }

    /** The key of a policy: its DRL files' names and texts and its policy file. */
    static String key(RuleSource source) {
        return CompiledRulesCache.digest(source, "ragft-packaged-rules/2");
    }

    /**
     * Build step: {@code PackagedRules OUTPUT_CLASSES_DIR}. Compiles the rules under
     * {@code OUTPUT_CLASSES_DIR/dev/ragft/rules} and writes the entry and its key beside this class. Does
     * nothing when neither the rules nor the compiled classes changed since the last run. Rules that do
     * not compile are reported and leave no entry (the build goes on; the run-time compile reports them
     * with file and line, as it always did).
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: PackagedRules OUTPUT_CLASSES_DIR");
        }
        Path classes = Path.of(args[0]);
        Path here = classes.resolve(PackagedRules.class.getPackageName().replace('.', '/'));
        RuleSource source = RuleSource.fromDirectory(classes.resolve(RuleSource.CLASSPATH_FOLDER));
        String key = key(source);
        String stamp = key + "\n" + classesHash(classes);
        Path stampFile = here.resolve(STAMP);
        if (Files.isRegularFile(stampFile) && Files.isRegularFile(here.resolve(ENTRY))
                && Files.readString(stampFile, StandardCharsets.US_ASCII).equals(stamp)) {
            System.out.println("ragft: packaged rules already precompiled (" + key.substring(0, 12) + ")");
            return;
        }
        Files.deleteIfExists(here.resolve(ENTRY));
        Files.deleteIfExists(here.resolve(KEY));
        Files.deleteIfExists(stampFile);
        long start = System.nanoTime();
        RuleBase compiled;
        try {
            compiled = RuleBase.compile(source);
        } catch (RulesException broken) {
            System.out.println("ragft: the packaged rules do not compile, so none are precompiled: " + broken.getMessage());
            return;
        }
        RuleSplits splits;
        try {
            splits = compiled.splits();
        } catch (RuntimeException unreadable) {
            System.out.println("ragft: the packaged rules' comparisons cannot be read, so none are precompiled: " + unreadable);
            return;
        }
        Path temp = Files.createTempFile(here, ".packaged", ".tmp");
        try (OutputStream out = Files.newOutputStream(temp)) {
            CompiledRulesCache.write(compiled.kieBase(), splits, out);
        }
        Files.move(temp, here.resolve(ENTRY), StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(here.resolve(KEY), key + "\n", StandardCharsets.US_ASCII);
        Files.writeString(stampFile, stamp, StandardCharsets.US_ASCII);
        System.out.printf("ragft: precompiled the packaged rules (%d files, %,d bytes) in %.1f s%n", source.drl().size(),
                Files.size(here.resolve(ENTRY)), (System.nanoTime() - start) / 1e9);
    }

    // The bytes of every compiled class: consequences are compiled against the fact classes, so any
    // change to them means compiling the rules again.
    private static String classesHash(Path classes) throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            List<Path> files;
            try (Stream<Path> walk = Files.walk(classes.resolve("dev/ragft"))) {
                files = walk.filter(p -> p.toString().endsWith(".class")).sorted().toList();
            }
            for (Path file : files) {
                CompiledRulesCache.update(digest, classes.relativize(file).toString());
                digest.update(Files.readAllBytes(file));
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
