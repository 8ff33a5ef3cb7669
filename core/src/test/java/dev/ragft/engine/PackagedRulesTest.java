package dev.ragft.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ragft.facts.KnowledgeChange;
import dev.ragft.facts.QueryVariety;
import dev.ragft.testing.Fixtures;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The build's precompiled packaged rules: used when they match the jar's rules, evaluated as a compile. */
class PackagedRulesTest {

    @Test
    void thePackagedRulesLoadWithoutCompilingAndDecideAsCompiledOnes() {
        RuleBase packaged = RuleBase.packaged(PackagedRulesTest.class.getClassLoader(), null);

        assertThat(packaged.fromCache()).as("precompiled by the core module's build (process-classes)").isTrue();
        RuleBase compiled = Fixtures.engine().rules();
        assertThat(packaged.rules()).isEqualTo(compiled.rules());
        for (KnowledgeChange change : KnowledgeChange.values()) {
            var profile = RuleBaseTest.profile(change, QueryVariety.MIXED, 20_000, true, 5000, true, true);
            assertThat(packaged.withFreshSessions().evaluate(profile, RuleBaseTest.smallCompanyCosts()))
                    .isEqualTo(compiled.withFreshSessions().evaluate(profile, RuleBaseTest.smallCompanyCosts()));
        }
    }

    @Test
    void rulesThatDifferFromTheBuildsAreNotTakenFromIt() {
        RuleSource shipped = RuleSource.fromClasspath(PackagedRulesTest.class.getClassLoader());
        assertThat(PackagedRules.load(shipped)).isNotNull();

        List<RuleSource.SourceFile> edited = new ArrayList<>(shipped.drl());
        RuleSource.SourceFile first = edited.get(0);
        edited.set(0, new RuleSource.SourceFile(first.path(), first.name(), first.text() + "\n// edited\n"));
        assertThat(PackagedRules.load(new RuleSource(shipped.origin(), edited, shipped.policy()))).isNull();
        assertThat(PackagedRules.load(new RuleSource(shipped.origin(), shipped.drl(),
                new RuleSource.SourceFile(shipped.policy().path(), shipped.policy().name(),
                        shipped.policy().text() + "\n# edited\n")))).isNull();
    }
}
