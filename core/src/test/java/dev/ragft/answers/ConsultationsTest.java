package dev.ragft.answers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ragft.facts.Confidence;
import dev.ragft.facts.Favor;
import dev.ragft.facts.Strategy;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ConsultationsTest {

    static final Path FILE = Path.of("x.json");

    @Test
    void readsAnExampleWithEveryKindOfExpectation() {
        Consultation c = Consultations.parse("""
                {"description": "d", "answers": {"knowledge_change": "RARELY", "retrieval_cost_per_query_usd": 0.10},
                 "expect": {"strategy": "rag", "confidence": "HIGH", "costs": {"FINE_TUNE": 1700, "RAG": 1920.5},
                            "breakEvenMonth": null, "caveats": ["data.below-minimum"],
                            "criteria": {"rag.frequent-data-changes": "RAG"}}}""", FILE);
        assertThat(c.description()).isEqualTo("d");
        assertThat(c.answers().get("knowledge_change")).isEqualTo("RARELY");
        assertThat(c.answers().get("retrieval_cost_per_query_usd")).isEqualTo(new BigDecimal("0.10"));
        Consultation.Expectation e = c.expect();
        assertThat(e.strategy()).isEqualTo(Strategy.RAG);
        assertThat(e.confidence()).isEqualTo(Confidence.HIGH);
        assertThat(e.costs()).containsEntry(Strategy.FINE_TUNE, new BigDecimal("1700")).containsEntry(Strategy.RAG, new BigDecimal("1920.5"));
        assertThat(e.breakEvenMonthChecked()).isTrue();
        assertThat(e.breakEvenMonth()).isNull();
        assertThat(e.caveats()).containsExactly("data.below-minimum");
        assertThat(e.criteria()).containsEntry("rag.frequent-data-changes", Favor.RAG);
    }

    @Test
    void aPlainAnswersFileIsAConsultationWithoutExpectation() {
        Consultation c = Consultations.parse("{\"knowledge_change\": \"DAILY\", \"training_examples\": 5}", FILE);
        assertThat(c.expect()).isNull();
        assertThat(c.answers().ids()).containsExactly("knowledge_change", "training_examples");
    }

    @Test
    void mistakesNameTheFileAndTheKey() {
        assertThatThrownBy(() -> Consultations.parse("{\"answers\": {}, \"expect\": {\"strategy\": \"RAG\", \"confidense\": \"LOW\"}}", FILE))
                .hasMessageContaining("x.json").hasMessageContaining("unknown key 'confidense'");
        assertThatThrownBy(() -> Consultations.parse("{\"answers\": {}, \"expect\": {\"strategy\": \"MAYBE\"}}", FILE))
                .hasMessageContaining("expect.strategy is 'MAYBE'");
        assertThatThrownBy(() -> Consultations.parse("{\"answers\": {}, \"expect\": {}}", FILE))
                .hasMessageContaining("needs a \"strategy\"");
        assertThatThrownBy(() -> Consultations.parse("{\n\"answers\": {,}}", FILE)).hasMessageStartingWith("x.json:2:");
    }

    @Test
    void readsAFolderInNameOrder() throws IOException {
        assertThat(Consultations.readFolder(Path.of("core/src/test/resources/policy/scenarios")))
                .extracting(Consultation::name).containsExactly("few-examples.json", "mid-volume.json", "small-company.json");
    }
}
