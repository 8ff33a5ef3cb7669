package dev.ragft.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Which logical insertions the compiled rules make plain, and that the text keeps its lines and columns. */
class PlainInsertsTest {

    private static final String RULES = """
            rule "On the profile only"
            when
                $policy : Policy()
                Profile(onPremRequired == true)
            then
                insertLogical(Findings.of(drools, $policy, Favor.FINE_TUNE, "insertLogical( stays in a string"));
            end

            rule "Reads a derived fact"
            when
                $policy : Policy()
                Finding(criterion == "x")
            then
                insertLogical(Findings.of(drools, $policy, Favor.RAG, "r"));
            end

            rule "Negation can be undone"
            when
                $policy : Policy()
                CostFacts()
                not Profile(onPremRequired == true)
            then
                insertLogical(Findings.of(drools, $policy, Favor.RAG, "r"));
            end

            rule "A fact another rule could insert equal"
            when
                dev.ragft.facts.Profile(onPremRequired == true)
            then
                insertLogical(new Caveat("id", Severity.INFO, "m"));
            end

            rule "A qualified derived type"
            when
                Profile()
                dev.ragft.facts.HybridScore()
            then
                insertLogical(Findings.of(drools, null, Favor.RAG, "r"));
            end
            """;

    @Test
    void onlyFindingsOfRulesOnTheSingleInputsBecomePlain() {
        String compiled = PlainInserts.rewrite(RULES);

        assertThat(compiled).hasSameSizeAs(RULES);
        assertThat(compiled.lines().toList()).hasSameSizeAs(RULES.lines().toList());
        assertThat(compiled).contains("    insert(       Findings.of(drools, $policy, Favor.FINE_TUNE, \"insertLogical( stays");
        // Every other rule keeps its logical insertion.
        assertThat(compiled.split("insertLogical\\(", -1)).hasSize(RULES.split("insertLogical\\(", -1).length - 1);
        assertThat(compiled.replace("    insert(       Findings.of(drools, $policy, Favor.FINE_TUNE,",
                "    insertLogical(Findings.of(drools, $policy, Favor.FINE_TUNE,")).isEqualTo(RULES);
    }

    @Test
    void mostFindingsOfTheShippedClassificationLayerBecomePlain() throws Exception {
        int logical = 0;
        int plain = 0;
        try (var files = Files.list(Path.of("rules"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".drl")).toList()) {
                String text = Files.readString(file);
                String compiled = PlainInserts.rewrite(text);
                logical += text.split("insertLogical\\(", -1).length - 1;
                plain += text.split("insertLogical\\(", -1).length - compiled.split("insertLogical\\(", -1).length;
            }
        }
        assertThat(plain).isPositive().isLessThan(logical);
    }
}
