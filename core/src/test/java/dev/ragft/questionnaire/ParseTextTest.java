package dev.ragft.questionnaire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.ragft.InputError;
import dev.ragft.InvalidAnswersException;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What a person types at the console or in {@code --set id=value}. */
class ParseTextTest {

    private static final Questionnaire Q = QuestionnaireDefinitionTest.Q;

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "1000      | 1000",
        "'1,000'   | 1000",
        "10k       | 10000",
        "10K       | 10000",
        "1.5M      | 1500000",
        "2b        | 2000000000",
        "1000.0    | 1000",
        "1e3       | 1000",
        "' 42 '    | 42",
        "'1,234,567' | 1234567",
    })
    void integers(String text, long expected) {
        assertThat(Q.parseText("monthly_queries", text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "$0.11   | 0.11",
        "0.10    | 0.10",
        "1.5k    | 1500",
        "'$1,500' | 1500",
        "0       | 0",
    })
    void numbers(String text, String expected) {
        Object value = Q.parseText("fine_tune_cost_usd", text);
        assertThat(value).isInstanceOf(BigDecimal.class);
        assertThat((BigDecimal) value).isEqualByComparingTo(expected);
    }

    @Test
    void numbersKeepTheirExactText() {
        assertThat(Q.parseText("retrieval_cost_per_query_usd", "0.10")).isEqualTo(new BigDecimal("0.10"));
        assertThat(((BigDecimal) Q.parseText("fine_tune_cost_usd", "1.5k")).toPlainString()).isEqualTo("1500");
    }

    @ParameterizedTest
    @CsvSource({"yes,true", "Y,true", "TRUE,true", "no,false", "n,false", "False,false"})
    void booleans(String text, boolean expected) {
        assertThat(Q.parseText("on_prem_required", text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"monthly,MONTHLY", "MONTHLY,MONTHLY", "2,MONTHLY", "1,RARELY", "4,DAILY", "yearly or less,RARELY"})
    void enums(String text, String expected) {
        assertThat(Q.parseText("knowledge_change", text)).isEqualTo(expected);
    }

    @Test
    void modelSizeInAnyCase() {
        assertThat(Q.parseText("model_size", "7b")).isEqualTo("7B");
        assertThat(Q.parseText("model_size", "405B")).isEqualTo("405B");
        assertThat(Q.parseText("model_size", "3")).isEqualTo("405B");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "monthly_queries | abc | is not a number",
        "monthly_queries | 0 | must be between 1 and 10,000,000,000 queries/month, got 0",
        "monthly_queries | 1.5 | must be a whole number",
        "monthly_queries | '1,5' | use commas only between groups of three digits",
        "monthly_queries | NaN | must be a finite number",
        "fine_tune_cost_usd | inf | must be a finite number",
        "fine_tune_cost_usd | -5 | must be between 0 and 100,000,000 USD, with at most 2 decimals, got -5",
        "horizon_months | 121 | between 1 and 120 months",
        "monthly_queries | 1e999999999 | must be between 1 and 10,000,000,000 queries/month, got 1e999999999",
        "monthly_queries | 1e999999999k | must be between 1 and 10,000,000,000 queries/month, got 1e999999999k",
        "monthly_queries | 1e9999999999 | must be between 1 and 10,000,000,000 queries/month, got 1e9999999999",
        "retrieval_cost_per_query_usd | 1e-1000000 | between 0 and 10 USD/query, with at most 8 decimals, got 1e-1000000",
        "retrieval_cost_per_query_usd | 1e14 | between 0 and 10 USD/query, with at most 8 decimals, got 1e14",
        "fine_tune_cost_usd | 100.001 | between 0 and 100,000,000 USD, with at most 2 decimals, got 100.001",
        "data_prep_cost_usd | 12345678901234567.89 | between 0 and 100,000,000 USD",
        "on_prem_required | maybe | expected yes or no",
        "knowledge_change | 5 | choose one of RARELY, MONTHLY, WEEKLY, DAILY (or its number 1-4)",
        "knowledge_change | hourly | \"hourly\" is not allowed",
        "knowledge_change | '' | no value given",
    })
    void errorsNameTheQuestion(String id, String text, String messagePart) {
        InvalidAnswersException e = catchThrowableOfType(InvalidAnswersException.class, () -> Q.parseText(id, text));
        assertThat(e).isNotNull();
        assertThat(e.errors()).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo(id);
            assertThat(error.message()).contains(messagePart);
        });
    }

    @Test
    void unknownIdSuggestsTheQuestion() {
        InvalidAnswersException e = catchThrowableOfType(InvalidAnswersException.class,
                () -> Q.parseText("monthly-queries", "10k"));
        assertThat(e.errors()).extracting(InputError::field).containsExactly("monthly-queries");
        assertThat(e.getMessage()).contains("did you mean 'monthly_queries'?");
    }
}
