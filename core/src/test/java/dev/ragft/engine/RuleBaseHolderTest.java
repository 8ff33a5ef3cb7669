package dev.ragft.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ragft.RulesStatus;
import dev.ragft.policy.ReloadCheck;
import dev.ragft.questionnaire.Questionnaire;
import dev.ragft.testing.RulesCopy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuleBaseHolderTest {

    @TempDir
    Path tmp;

    @Test
    void aBrokenEditKeepsTheLastGoodRulesAndAFixedOneReplacesThem() throws IOException {
        Path rules = RulesCopy.of(tmp);
        RuleBaseHolder holder = RuleBaseHolder.forDirectory(rules);
        RuleBase first = holder.current();
        assertThat(first.policy().threshold("volume.monthly-queries")).isEqualTo(10000);

        Path speed = rules.resolve("60-speed.drl");
        String good = Files.readString(speed);
        Files.writeString(speed, good.replace("latencySensitivity == null)", "latencySensitivity == null"));
        RuleBaseHolder.Reload broken = holder.reload();
        assertThat(broken.reloaded()).isFalse();
        assertThat(broken.current()).isSameAs(first);
        assertThat(holder.current()).isSameAs(first);
        assertThat(broken.errors()).isNotEmpty().allSatisfy(e -> assertThat(e.file()).isEqualTo(speed));

        Files.writeString(speed, good);
        RulesCopy.edit(rules, "policy.properties", "volume.monthly-queries = 10000", "volume.monthly-queries = 20000");
        RuleBaseHolder.Reload fixed = holder.reload();
        assertThat(fixed.reloaded()).isTrue();
        assertThat(fixed.errors()).isEmpty();
        assertThat(holder.current()).isNotSameAs(first).isSameAs(fixed.current());
        assertThat(holder.current().policy().threshold("volume.monthly-queries")).isEqualTo(20000);
    }

    @Test
    void rulesThatCompileButThrowAreRefusedByTheCheckAndTheStatusSaysWhyWithoutFolders() throws IOException {
        Path rules = RulesCopy.of(tmp);
        Questionnaire questionnaire = Questionnaire.load(Path.of("questionnaires/advisor.json"));
        RuleBaseHolder holder = RuleBaseHolder.start(() -> RuleBase.compile(RuleSource.fromDirectory(rules)),
                ReloadCheck.of(questionnaire, Path.of("questionnaires/examples"), null));
        RuleBase first = holder.current();
        assertThat(holder.status().healthy()).isTrue();
        assertThat(holder.status().rules()).isEqualTo("11 rule files, 98 rules (load 1)");

        Files.writeString(rules.resolve("99-fault.drl"), """
                package dev.ragft.rules;

                import dev.ragft.facts.Scores;

                rule "Throws once the scores are in"
                    @criterion("decision") @section("Decision")
                when
                    Scores()
                then
                    throw new IllegalStateException("boom");
                end
                """);
        RuleBaseHolder.Reload refused = holder.reload();
        assertThat(refused.reloaded()).isFalse();
        assertThat(holder.current()).isSameAs(first);
        assertThat(refused.errors()).singleElement().satisfies(error -> {
            assertThat(error.file()).isEqualTo(rules.resolve("99-fault.drl"));
            assertThat(error.line()).isEqualTo(5);
            assertThat(error.message()).startsWith("rule \"Throws once the scores are in\" threw IllegalStateException: boom;"
                    + " on the smoke consultation ");
        });
        assertThat(holder.status().healthy()).isFalse();
        assertThat(holder.status().reason()).startsWith("the last edit of the rules was refused, so load 1 is still in use:"
                + " 99-fault.drl:5: rule \"Throws once the scores are in\" threw").doesNotContain(tmp.toString());

        Files.delete(rules.resolve("99-fault.drl"));
        RuleBaseHolder.Reload fixed = holder.reload();
        assertThat(fixed.reloaded()).as("%s", fixed.errors()).isTrue();
        assertThat(holder.status()).isEqualTo(new RulesStatus(true, 2, "11 rule files, 98 rules (load 2)", null));
    }

    @Test
    void anUnreadableFolderIsAFailedReloadNotAnException() throws IOException {
        Path rules = RulesCopy.of(tmp);
        RuleBaseHolder holder = RuleBaseHolder.forDirectory(rules);
        Files.delete(rules.resolve("policy.properties"));
        RuleBaseHolder.Reload reload = holder.reload();
        assertThat(reload.reloaded()).isFalse();
        assertThat(reload.errors()).singleElement().satisfies(e -> assertThat(e.message()).contains("policy.properties"));
    }
}
