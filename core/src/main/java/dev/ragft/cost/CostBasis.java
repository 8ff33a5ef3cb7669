package dev.ragft.cost;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How the figures behind the cost table were obtained: the serving cost (stated, or derived from volume and
 * throughput), the generation price per query (stated, or computed from tokens) and where RAG runs. Reports print
 * {@link #lines()} under the table, so every derived number a user sees comes with its computation.
 *
 * @param servingMonthlyUsd what serving one model costs a month (fine-tuned model; also self-hosted RAG's)
 * @param servingInstances serving instances needed at the peak load, or {@code null} when serving was stated
 * @param peakTokensPerSecond output tokens per second at the peak, or {@code null} when serving was stated
 * @param generationPerQueryUsd what generating one answer costs through the API (0 when self-hosted and not stated)
 * @param selfHostedRag whether RAG retrieves and generates on its own infrastructure
 * @param inputs the inputs, for the figures the lines quote
 */
public record CostBasis(
        BigDecimal servingMonthlyUsd,
        Long servingInstances,
        BigDecimal peakTokensPerSecond,
        BigDecimal generationPerQueryUsd,
        boolean selfHostedRag,
        CostInputs inputs) {

    /** Whether the serving cost was derived from volume and throughput. */
    public boolean servingDerived() {
        return servingInstances != null;
    }

    /** Whether generation was priced per token. */
    public boolean tokenPricing() {
        return inputs.tokenPricing();
    }

    /** The computations in words, one line each: serving, generation, and where RAG runs. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        if (servingDerived()) {
            lines.add("Serving: " + grouped(BigDecimal.valueOf(inputs.monthlyQueries())) + " queries/month × "
                    + grouped(BigDecimal.valueOf(inputs.outputTokensPerQuery())) + " output tokens × peak factor "
                    + grouped(inputs.peakLoadFactor()) + " ÷ " + grouped(BigDecimal.valueOf(CostModel.SECONDS_PER_MONTH))
                    + " s/month = " + grouped(peakTokensPerSecond.setScale(2, RoundingMode.HALF_EVEN))
                    + " tokens/s at the peak; at " + grouped(inputs.gpuTokensPerSecond()) + " tokens/s per instance that is "
                    + servingInstances + (servingInstances == 1 ? " instance" : " instances") + " × "
                    + usd(inputs.gpuMonthlyUsd()) + " = " + usd(servingMonthlyUsd) + "/month");
        } else {
            lines.add("Serving: " + usd(servingMonthlyUsd) + "/month, as stated");
        }
        if (tokenPricing()) {
            lines.add("Generation per query: (" + grouped(BigDecimal.valueOf(inputs.contextTokensPerQuery()))
                    + " context + " + grouped(BigDecimal.valueOf(inputs.promptTokensPerQuery())) + " prompt tokens) × "
                    + usd(inputs.inputPricePerMillionTokensUsd()) + "/M + "
                    + grouped(BigDecimal.valueOf(inputs.outputTokensPerQuery())) + " output tokens × "
                    + usd(inputs.outputPricePerMillionTokensUsd()) + "/M = " + usd(generationPerQueryUsd));
        } else {
            lines.add("Generation per query: " + usd(generationPerQueryUsd));
        }
        lines.add(selfHostedRag
                ? "RAG self-hosted: its own vector database (" + usd(inputs.vectorDbMonthlyUsd()) + "/month) and model, served"
                        + " like the fine-tuned one (" + usd(servingMonthlyUsd) + "/month), plus "
                        + usd(inputs.retrievalCostPerQueryUsd()) + " retrieval and " + usd(generationPerQueryUsd)
                        + " generation per query"
                : "RAG through managed services: " + usd(inputs.vectorDbMonthlyUsd()) + "/month vector database, "
                        + usd(inputs.retrievalCostPerQueryUsd()) + " retrieval and " + usd(generationPerQueryUsd)
                        + " generation per query");
        return lines;
    }

    /** Dollars with cents where there are any, and up to eight decimals for per-query and per-token prices. */
    static String usd(BigDecimal amount) {
        BigDecimal stripped = amount.stripTrailingZeros();
        String pattern = stripped.scale() > 0 ? "$#,##0.00######" : "$#,##0";
        DecimalFormat format = new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.ROOT));
        format.setRoundingMode(RoundingMode.HALF_EVEN);
        return format.format(amount);
    }

    static String grouped(BigDecimal number) {
        return new DecimalFormat("#,##0.########", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(number);
    }
}
