package dev.ragft.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Not API. The text of a policy (its DRL files and {@code policy.properties}) and where each came
 * from, so that errors can name the real file rather than Drools' virtual path.
 *
 * @param origin a folder, or {@code classpath:dev/ragft/rules}
 * @param drl the DRL files, sorted by name so every build is identical
 * @param policy {@code policy.properties}
 * @param criteria {@code criteria.json}: catalog entries for criteria the folder's rules add, or null
 */
public record RuleSource(String origin, List<SourceFile> drl, SourceFile policy, SourceFile criteria) {

    /** Folder inside the jar where the policy is packaged; also the DRL package's path. */
    public static final String CLASSPATH_FOLDER = "dev/ragft/rules";
    public static final String POLICY_FILE = "policy.properties";
    /** Optional file of a rules folder: catalog entries of the criteria its rules add. */
    public static final String CRITERIA_FILE = "criteria.json";

    /** One file: its display path (for messages), its name, and its text. */
    public record SourceFile(Path path, String name, String text) {
    }

    public RuleSource {
        drl = List.copyOf(drl);
    }

    /** A policy without catalog entries of its own. */
    public RuleSource(String origin, List<SourceFile> drl, SourceFile policy) {
        this(origin, drl, policy, null);
    }

    /**
     * A short content hash of the rule files, the policy and the criteria file ({@code sha256:} and 16 hex digits): what
     * changed rules can be told apart by, without naming where they live.
     */
    public String version() {
        try {
            java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
            for (SourceFile file : drl) {
                digest.update(file.name().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(file.text().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            digest.update(policy.text().getBytes(StandardCharsets.UTF_8));
            if (criteria != null) {
                digest.update((byte) 0);
                digest.update(criteria.text().getBytes(StandardCharsets.UTF_8));
            }
            return "sha256:" + java.util.HexFormat.of().formatHex(digest.digest()).substring(0, 16);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** Reads every {@code *.drl} and the policy file of a rules folder. */
    public static RuleSource fromDirectory(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IOException(dir + ": not a folder of rules"
                    + (Files.exists(dir) ? "" : " (it does not exist)"));
        }
        List<SourceFile> drl = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(p -> p.getFileName().toString().endsWith(".drl"))
                    .sorted(Comparator.comparing(p -> p.getFileName().toString())).toList()) {
                drl.add(new SourceFile(file, file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8)));
            }
        }
        Path policyPath = dir.resolve(POLICY_FILE);
        if (!Files.isRegularFile(policyPath)) {
            throw new IOException(policyPath + ": missing; every rules folder needs its policy values");
        }
        SourceFile policy = new SourceFile(policyPath, POLICY_FILE, Files.readString(policyPath, StandardCharsets.UTF_8));
        Path criteriaPath = dir.resolve(CRITERIA_FILE);
        SourceFile criteria = Files.isRegularFile(criteriaPath)
                ? new SourceFile(criteriaPath, CRITERIA_FILE, Files.readString(criteriaPath, StandardCharsets.UTF_8)) : null;
        return new RuleSource(dir.toString(), drl, policy, criteria);
    }

    /** Reads the copy of {@code rules/} packaged in the jar (or in target/classes during development). */
    public static RuleSource fromClasspath(ClassLoader loader) {
        try {
            URL folder = loader.getResource(CLASSPATH_FOLDER + "/" + POLICY_FILE);
            if (folder == null) {
                throw new IllegalStateException("the packaged rules are missing: no " + CLASSPATH_FOLDER + "/" + POLICY_FILE
                        + " on the classpath");
            }
            List<String> names = listNames(folder);
            List<SourceFile> drl = new ArrayList<>();
            for (String name : names) {
                if (name.endsWith(".drl")) {
                    drl.add(new SourceFile(Paths.get("classpath:" + CLASSPATH_FOLDER, name), name,
                            read(loader, CLASSPATH_FOLDER + "/" + name)));
                }
            }
            SourceFile policy = new SourceFile(Paths.get("classpath:" + CLASSPATH_FOLDER, POLICY_FILE), POLICY_FILE,
                    read(loader, CLASSPATH_FOLDER + "/" + POLICY_FILE));
            return new RuleSource("classpath:" + CLASSPATH_FOLDER, drl, policy);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the packaged rules", e);
        }
    }

    // The policy file's URL tells where the folder is: a directory during development, a jar entry when packaged.
    private static List<String> listNames(URL policyUrl) throws IOException {
        List<String> names = new ArrayList<>();
        if ("jar".equals(policyUrl.getProtocol())) {
            JarURLConnection connection = (JarURLConnection) policyUrl.openConnection();
            connection.setUseCaches(false);
            try (JarFile jar = connection.getJarFile()) {
                Enumeration<JarEntry> entries = jar.entries();
                String prefix = CLASSPATH_FOLDER + "/";
                while (entries.hasMoreElements()) {
                    String entry = entries.nextElement().getName();
                    if (entry.startsWith(prefix) && entry.indexOf('/', prefix.length()) < 0 && entry.length() > prefix.length()) {
                        names.add(entry.substring(prefix.length()));
                    }
                }
            }
        } else {
            try {
                Path dir = Paths.get(policyUrl.toURI()).getParent();
                try (Stream<Path> files = Files.list(dir)) {
                    files.forEach(p -> names.add(p.getFileName().toString()));
                }
            } catch (URISyntaxException e) {
                throw new IOException("unreadable rules location " + policyUrl, e);
            }
        }
        names.sort(null);
        return names;
    }

    private static String read(ClassLoader loader, String resource) throws IOException {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("missing resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
