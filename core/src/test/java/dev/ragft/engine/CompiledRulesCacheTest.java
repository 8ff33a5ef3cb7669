package dev.ragft.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ragft.RulesException;
import dev.ragft.facts.KnowledgeChange;
import dev.ragft.facts.Profile;
import dev.ragft.facts.QueryVariety;
import dev.ragft.testing.RulesCopy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The compiled-rules cache: a hit behaves exactly like a compile, and any edit is a miss. */
class CompiledRulesCacheTest {

    @TempDir
    Path work;
    Path rulesDir;

    @TempDir
    Path cacheDir;

    // One real compile for the whole class (compiles are the slow part): its cache entry is copied into
    // each test's cache folder. Entries are keyed by content, not by folder, so the copies are hits.
    static RuleBase compiled;
    static Path sharedCache;

    @BeforeAll
    static void compileOnce(@TempDir Path shared) throws IOException {
        sharedCache = shared;
        compiled = RuleBase.compile(RuleSource.fromDirectory(Path.of("rules")), sharedCache);
        assertThat(compiled.fromCache()).isFalse();
    }

    @BeforeEach
    void copyRealRulesAndWarmCache() throws IOException {
        rulesDir = RulesCopy.of(work);
        try (Stream<Path> files = Files.list(sharedCache)) {
            for (Path file : files.toList()) {
                Files.copy(file, cacheDir.resolve(file.getFileName()));
            }
        }
    }

    static Profile profile() {
        return RuleBaseTest.profile(KnowledgeChange.RARELY, QueryVariety.REPETITIVE, 1000, true, 5000, false, false);
    }

    @Test
    void aSecondLoadComesFromTheCacheAndEvaluatesIdentically() throws IOException {
        assertThat(cacheEntries()).isEqualTo(1);
        RuleBase cached = RuleBase.compile(RuleSource.fromDirectory(rulesDir), cacheDir);
        assertThat(cached.fromCache()).isTrue();
        assertThat(cached.rules()).isEqualTo(compiled.rules());
        assertThat(cached.policy()).isEqualTo(compiled.policy());
        assertThat(cached.evaluate(profile(), RuleBaseTest.smallCompanyCosts()))
                .isEqualTo(compiled.evaluate(profile(), RuleBaseTest.smallCompanyCosts()));
        // The entry holds the reading of the rules' comparisons too: a hit does not parse the DRL for it.
        RuleBaseTest.assertSameReading(cached.splits(), compiled.splits());
    }

    @Test
    void aHitTakesTheReadingOfTheComparisonsFromTheEntry() throws IOException {
        // An entry stored with another reading (that of an edited threshold) under these rules' key: a hit must
        // hand out what the entry holds, so the reading on a hit is the stored one and no parse of the DRL.
        RuleSource source = RuleSource.fromDirectory(rulesDir);
        replaceIn("policy.properties", "volume.monthly-queries = 10000", "volume.monthly-queries = 25000");
        RuleSource edited = RuleSource.fromDirectory(rulesDir);
        RuleSplits other = RuleSplits.read(edited, PolicyFile.parse(edited.policy()).policy(),
                java.util.List.of(Profile.class, dev.ragft.facts.CostFacts.class));
        assertThat(other.atoms()).isNotEqualTo(compiled.splits().atoms());
        try (var out = Files.newOutputStream(new CompiledRulesCache(cacheDir).entryFor(source))) {
            CompiledRulesCache.write(compiled.kieBase(), other, out);
        }
        RuleBase hit = RuleBase.compile(source, cacheDir);
        assertThat(hit.fromCache()).isTrue();
        assertThat(hit.splits().atoms()).isEqualTo(other.atoms());
    }

    @Test
    void editingARuleMissesTheCacheAndTheEditTakesEffect() throws IOException {
        replaceIn("90-decision.drl", "rule \"Score the options\"", "rule \"Score the options, edited\"");

        RuleBase edited = RuleBase.compile(RuleSource.fromDirectory(rulesDir), cacheDir);
        assertThat(edited.fromCache()).isFalse();
        assertThat(edited.evaluate(profile(), RuleBaseTest.smallCompanyCosts()).firedRules())
                .contains("Score the options, edited").doesNotContain("Score the options");
        assertThat(cacheEntries()).isEqualTo(2);
    }

    @Test
    void editingAPolicyValueMissesTheCache() throws IOException {
        RuleSource before = RuleSource.fromDirectory(rulesDir);
        Files.writeString(rulesDir.resolve("policy.properties"), "\n# a policy owner's note\n",
                StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        assertThat(CompiledRulesCache.key(RuleSource.fromDirectory(rulesDir)))
                .isNotEqualTo(CompiledRulesCache.key(before));
        assertThat(new CompiledRulesCache(cacheDir).load(RuleSource.fromDirectory(rulesDir))).isNull();
        assertThat(new CompiledRulesCache(cacheDir).load(before)).isNotNull();
    }

    @Test
    void aBrokenRuleIsReportedWithFileAndLineEvenWithAWarmCache() throws IOException {
        replaceIn("50-quality.drl", "Profile(outOfDomainQueries == OutOfDomain.OFTEN)",
                "Profile(outOfDomainQueries == OutOfDomain.OFTEN");

        assertThatThrownBy(() -> RuleBase.compile(RuleSource.fromDirectory(rulesDir), cacheDir))
                .isInstanceOf(RulesException.class)
                .satisfies(e -> assertThat(((RulesException) e).errors()).anySatisfy(error -> {
                    assertThat(error.file()).isEqualTo(rulesDir.resolve("50-quality.drl"));
                    assertThat(error.line()).isBetween(lineOf("50-quality.drl", "OutOfDomain.OFTEN"),
                            lineOf("50-quality.drl", "OutOfDomain.OFTEN") + 1);
                }));
        assertThat(cacheEntries()).as("a broken policy is never cached").isEqualTo(1);
    }

    @Test
    void aDamagedEntryIsRecompiledAndReplaced() throws IOException {
        RuleSource source = RuleSource.fromDirectory(rulesDir);
        Path entry = new CompiledRulesCache(cacheDir).entryFor(source);
        byte[] bytes = Files.readAllBytes(entry);
        Files.write(entry, java.util.Arrays.copyOf(bytes, bytes.length / 2)); // truncated, as by a full disk

        RuleBase recovered = RuleBase.compile(source, cacheDir);
        assertThat(recovered.fromCache()).isFalse();
        assertThat(recovered.evaluate(profile(), RuleBaseTest.smallCompanyCosts()).firedRules()).contains("Score the options");
        assertThat(Files.size(entry)).isEqualTo(bytes.length);
        assertThat(RuleBase.compile(source, cacheDir).fromCache()).isTrue();
    }

    @Test
    void theCacheCanBeTurnedOff() {
        String before = System.getProperty(RuleBase.CACHE_PROPERTY);
        try {
            System.setProperty(RuleBase.CACHE_PROPERTY, "off");
            assertThat(RuleBase.defaultCacheDir()).isNull();
            System.setProperty(RuleBase.CACHE_PROPERTY, cacheDir.toString());
            assertThat(RuleBase.defaultCacheDir()).isEqualTo(cacheDir);
        } finally {
            if (before == null) {
                System.clearProperty(RuleBase.CACHE_PROPERTY);
            } else {
                System.setProperty(RuleBase.CACHE_PROPERTY, before);
            }
        }
    }

    private long cacheEntries() throws IOException {
        try (Stream<Path> files = Files.list(cacheDir)) {
            return files.filter(p -> p.toString().endsWith(".kpkgs")).count();
        }
    }

    private void replaceIn(String file, String from, String to) throws IOException {
        Path path = rulesDir.resolve(file);
        String text = Files.readString(path);
        assertThat(text).as(file + " still contains the text this test edits").contains(from);
        Files.writeString(path, text.replace(from, to));
    }

    private int lineOf(String file, String text) throws IOException {
        String[] lines = Files.readString(rulesDir.resolve(file)).split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError(text + " not in " + file);
    }
}
