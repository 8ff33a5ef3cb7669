package dev.ragft.report;

import dev.ragft.Advice;
import dev.ragft.cost.CostReport;
import dev.ragft.cost.StrategyCost;
import dev.ragft.facts.Strategy;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/**
 * Not API. The cumulative cost of each strategy month by month as an inline SVG line chart: one path
 * per strategy, labelled axes, a legend, and the break-even month marked where it falls inside the
 * horizon. Meant to be pasted into an HTML page as is (no {@code xmlns}, no scripts, no fonts, no
 * external references); accessible through {@code <title>} and {@code <desc>}, which state the
 * totals and the break-even in words, and distinguishable without colour (each line has its own dash
 * pattern). Shared by the HTML report and the web page.
 */
public final class CostChartSvg {

    static final int WIDTH = 640;
    static final int HEIGHT = 340;
    private static final int LEFT = 78;
    private static final int RIGHT = 20;
    private static final int TOP = 44;
    private static final int BOTTOM = 52;

    /** One look per strategy: colour (colour-blind safe) and dash pattern, in the order drawn. */
    private record Look(Strategy strategy, String label, String colour, String dash) {
    }

    private static final List<Look> LOOKS = List.of(
            new Look(Strategy.FINE_TUNE, "Fine-tune", "#7b3294", ""),
            new Look(Strategy.RAG, "RAG", "#1b7837", "8 4"),
            new Look(Strategy.HYBRID, "Hybrid", "#e08214", "2 3"));

    private CostChartSvg() {
    }

    /** The chart of {@code advice}'s costs, an {@code <svg>} element with everything inline. */
    public static String svg(Advice advice) {
        CostReport costs = advice.costs();
        int horizon = costs.horizonMonths();
        List<StrategyCost> series = List.of(costs.fineTune(), costs.rag(), costs.hybrid());
        double max = 0;
        for (StrategyCost cost : series) {
            for (BigDecimal value : cost.cumulativeUsd()) {
                max = Math.max(max, value.doubleValue());
            }
        }
        double yStep = niceStep(max <= 0 ? 1 : max, 5);
        double yMax = Math.max(yStep, Math.ceil(max / yStep) * yStep);
        int xStep = monthStep(horizon);
        Plot plot = new Plot(horizon, yMax);

        StringBuilder out = new StringBuilder();
        out.append("<svg class=\"ragft-cost-chart\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT)
                .append("\" role=\"img\" aria-labelledby=\"ragft-cost-title ragft-cost-desc\">\n");
        out.append("<title id=\"ragft-cost-title\">Cumulative cost by month over ").append(horizon)
                .append(" months: fine-tune, RAG and hybrid</title>\n");
        out.append("<desc id=\"ragft-cost-desc\">").append(HtmlReport.escape(description(costs))).append("</desc>\n");
        out.append("<style>.ragft-cost-chart text{font:12px system-ui,sans-serif;fill:#222}")
                .append(".ragft-cost-chart .grid{stroke:#ddd;stroke-width:1}")
                .append(".ragft-cost-chart .axis{stroke:#444;stroke-width:1}</style>\n");

        // Grid and y axis labels.
        for (double value = 0; value <= yMax + yStep / 2; value += yStep) {
            double y = plot.y(value);
            out.append("<line class=\"grid\" x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - RIGHT)
                    .append("\" y1=\"").append(fmt(y)).append("\" y2=\"").append(fmt(y)).append("\"/>");
            out.append("<text x=\"").append(LEFT - 6).append("\" y=\"").append(fmt(y + 4))
                    .append("\" text-anchor=\"end\">").append(HtmlReport.escape(money(value))).append("</text>\n");
        }
        // x axis ticks.
        for (int month = 0; month <= horizon; month += xStep) {
            double x = plot.x(month);
            out.append("<line class=\"axis\" x1=\"").append(fmt(x)).append("\" x2=\"").append(fmt(x)).append("\" y1=\"")
                    .append(HEIGHT - BOTTOM).append("\" y2=\"").append(HEIGHT - BOTTOM + 5).append("\"/>");
            out.append("<text x=\"").append(fmt(x)).append("\" y=\"").append(HEIGHT - BOTTOM + 18)
                    .append("\" text-anchor=\"middle\">").append(month).append("</text>\n");
        }
        out.append("<line class=\"axis\" x1=\"").append(LEFT).append("\" x2=\"").append(LEFT).append("\" y1=\"").append(TOP)
                .append("\" y2=\"").append(HEIGHT - BOTTOM).append("\"/>");
        out.append("<line class=\"axis\" x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - RIGHT).append("\" y1=\"")
                .append(HEIGHT - BOTTOM).append("\" y2=\"").append(HEIGHT - BOTTOM).append("\"/>\n");
        // Axis titles.
        out.append("<text x=\"").append(LEFT + (WIDTH - LEFT - RIGHT) / 2).append("\" y=\"").append(HEIGHT - 12)
                .append("\" text-anchor=\"middle\">Month</text>\n");
        out.append("<text transform=\"translate(16 ").append(TOP + (HEIGHT - TOP - BOTTOM) / 2)
                .append(") rotate(-90)\" text-anchor=\"middle\">Cumulative cost (USD)</text>\n");

        // Break-even marker, under the lines so they stay readable.
        Integer breakEven = costs.breakEvenMonth();
        if (breakEven != null && breakEven <= horizon) {
            double x = plot.x(breakEven);
            double y = plot.y(costs.fineTune().cumulativeUsd().get(breakEven).doubleValue());
            out.append("<g class=\"break-even\"><line x1=\"").append(fmt(x)).append("\" x2=\"").append(fmt(x))
                    .append("\" y1=\"").append(TOP).append("\" y2=\"").append(HEIGHT - BOTTOM)
                    .append("\" stroke=\"#555\" stroke-width=\"1\" stroke-dasharray=\"3 3\"/>")
                    .append("<circle cx=\"").append(fmt(x)).append("\" cy=\"").append(fmt(y))
                    .append("\" r=\"5\" fill=\"#fff\" stroke=\"#222\" stroke-width=\"2\"/>")
                    .append("<text x=\"").append(fmt(Math.min(x + 6, WIDTH - RIGHT - 130))).append("\" y=\"").append(TOP + 12)
                    .append("\">break-even: month ").append(breakEven).append("</text></g>\n");
        }

        // One path per strategy.
        for (int s = 0; s < series.size(); s++) {
            StrategyCost cost = series.get(s);
            Look look = LOOKS.get(s);
            StringBuilder d = new StringBuilder();
            List<BigDecimal> values = cost.cumulativeUsd();
            for (int month = 0; month < values.size(); month++) {
                d.append(month == 0 ? "M" : " L").append(fmt(plot.x(month))).append(' ')
                        .append(fmt(plot.y(values.get(month).doubleValue())));
            }
            out.append("<path class=\"series\" data-strategy=\"").append(look.strategy()).append("\" d=\"").append(d)
                    .append("\" fill=\"none\" stroke=\"").append(look.colour()).append("\" stroke-width=\"2.5\"")
                    .append(look.dash().isEmpty() ? "" : " stroke-dasharray=\"" + look.dash() + "\"")
                    .append("><title>").append(look.label()).append(": ").append(HtmlReport.escape(TextReport.usd(cost.totalUsd())))
                    .append(" over ").append(horizon).append(" months</title></path>\n");
        }

        // Legend, above the plot.
        int x = LEFT;
        out.append("<g class=\"legend\">");
        for (Look look : LOOKS) {
            out.append("<line x1=\"").append(x).append("\" x2=\"").append(x + 28).append("\" y1=\"18\" y2=\"18\" stroke=\"")
                    .append(look.colour()).append("\" stroke-width=\"2.5\"")
                    .append(look.dash().isEmpty() ? "" : " stroke-dasharray=\"" + look.dash() + "\"").append("/>")
                    .append("<text x=\"").append(x + 34).append("\" y=\"22\">").append(look.label()).append("</text>");
            x += 120;
        }
        out.append("</g>\n</svg>");
        return out.toString();
    }

    /** The chart in words, for screen readers and as the figure's alternative text. */
    static String description(CostReport costs) {
        StringBuilder text = new StringBuilder("Cumulative cost over ").append(costs.horizonMonths()).append(" months at ")
                .append(TextReport.integer(costs.monthlyQueries())).append(" queries a month: fine-tune ")
                .append(TextReport.usd(costs.fineTune().totalUsd())).append(", RAG ").append(TextReport.usd(costs.rag().totalUsd()))
                .append(", hybrid ").append(TextReport.usd(costs.hybrid().totalUsd())).append(". ");
        Integer breakEven = costs.breakEvenMonth();
        if (breakEven == null) {
            text.append("Fine-tuning never breaks even with RAG within 120 months.");
        } else if (breakEven > costs.horizonMonths()) {
            text.append("Fine-tuning breaks even with RAG at month ").append(breakEven).append(", after the horizon.");
        } else {
            text.append("Fine-tuning breaks even with RAG at month ").append(breakEven)
                    .append(": from then on its cumulative cost is at or below RAG's.");
        }
        return text.toString();
    }

    /** Maps months and dollars to the drawing area. */
    private record Plot(int horizon, double yMax) {
        double x(double month) {
            return LEFT + month / horizon * (WIDTH - LEFT - RIGHT);
        }

        double y(double usd) {
            return HEIGHT - BOTTOM - usd / yMax * (HEIGHT - TOP - BOTTOM);
        }
    }

    /** A step of 1, 2 or 5 times a power of ten that cuts {@code max} into at most about {@code ticks} parts. */
    static double niceStep(double max, int ticks) {
        double raw = max / ticks;
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double factor : new double[] {1, 2, 5, 10}) {
            if (raw <= factor * power) {
                return factor * power;
            }
        }
        return 10 * power;
    }

    /** Month ticks at whole steps that suit a calendar: every month, quarter, half-year, year... */
    static int monthStep(int horizon) {
        for (int step : new int[] {1, 2, 3, 6, 12, 24}) {
            if (horizon / step <= 12) {
                return step;
            }
        }
        return 24;
    }

    /** $0, $500, $1.5k, $2M: short axis labels. */
    static String money(double usd) {
        if (usd >= 1_000_000) {
            return "$" + trim(usd / 1_000_000) + "M";
        }
        if (usd >= 1_000) {
            return "$" + trim(usd / 1_000) + "k";
        }
        return "$" + trim(usd);
    }

    private static String trim(double value) {
        String text = String.format(Locale.ROOT, "%.2f", value);
        text = text.replaceAll("0+$", "");
        return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
    }

    private static String fmt(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
