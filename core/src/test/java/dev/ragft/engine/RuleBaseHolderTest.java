package dev.ragft.engine;

import static org.assertj.core.api.Assertions.assertThat;

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
    void anUnreadableFolderIsAFailedReloadNotAnException() throws IOException {
        Path rules = RulesCopy.of(tmp);
        RuleBaseHolder holder = RuleBaseHolder.forDirectory(rules);
        Files.delete(rules.resolve("policy.properties"));
        RuleBaseHolder.Reload reload = holder.reload();
        assertThat(reload.reloaded()).isFalse();
        assertThat(reload.errors()).singleElement().satisfies(e -> assertThat(e.message()).contains("policy.properties"));
    }
}
