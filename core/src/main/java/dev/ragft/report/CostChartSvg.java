package dev.ragft.report;

import dev.ragft.Advice;
import dev.ragft.cost.CostReport;
import dev.ragft.cost.StrategyCost;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/**
 * Not API. The cumulative cost of each strategy month by month as one self-contained SVG: a line per
 * strategy (told apart by dash pattern as well as colour), the break-even month as a vertical line, a
 * title and a description for screen readers. Only presentation attributes are used (no {@code style}
 * attribute or element), so the chart can be shown under a Content-Security-Policy without
 * {@code 'unsafe-inline'} and embedded in a report as it is.
 */
public final class CostChartSvg {

    private static final int WIDTH = 640;
    private static final int HEIGHT = 320;
    private static final int LEFT = 72;
    private static final int RIGHT = 16;
    private static final int TOP = 40;
    private static final int BOTTOM = 44;

    private record Line(String name, String colour, String dash) {
    }

    private static final List<Line> LINES = List.of(
            new Line("fine-tune", "#1f6fb2", ""),
            new Line("RAG", "#c2410c", "8 5"),
            new Line("hybrid", "#4d7c0f", "2 4"));

    private CostChartSvg() {
    }

    /** The chart of {@code advice}'s costs over its horizon. */
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
        if (max <= 0) {
            max = 1;
        }
        double plotWidth = WIDTH - LEFT - RIGHT;
        double plotHeight = HEIGHT - TOP - BOTTOM;
        StringBuilder out = new StringBuilder();
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT)
                .append("\" role=\"img\" aria-labelledby=\"cost-chart-title cost-chart-desc\"")
                .append(" font-family=\"system-ui, sans-serif\" font-size=\"12\">\n");
        out.append("<title id=\"cost-chart-title\">Cumulative cost over ").append(horizon).append(" months</title>\n");
        out.append("<desc id=\"cost-chart-desc\">").append(escape(description(costs, series))).append("</desc>\n");
        out.append("<rect x=\"0\" y=\"0\" width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT)
                .append("\" fill=\"#ffffff\"/>\n");
        // Grid and value labels: four bands from $0 to the largest cumulative cost.
        for (int i = 0; i <= 4; i++) {
            double y = TOP + plotHeight - plotHeight * i / 4;
            out.append("<line x1=\"").append(LEFT).append("\" y1=\"").append(number(y)).append("\" x2=\"")
                    .append(WIDTH - RIGHT).append("\" y2=\"").append(number(y))
                    .append("\" stroke=\"#d4d4d4\" stroke-width=\"1\"/>\n");
            out.append("<text x=\"").append(LEFT - 6).append("\" y=\"").append(number(y + 4))
                    .append("\" text-anchor=\"end\" fill=\"#333333\">").append(escape(compact(max * i / 4)))
                    .append("</text>\n");
        }
        // Month axis: start, middle and end of the horizon.
        for (int month : new int[] {0, horizon / 2, horizon}) {
            double x = LEFT + plotWidth * month / horizon;
            out.append("<text x=\"").append(number(x)).append("\" y=\"").append(HEIGHT - BOTTOM + 18)
                    .append("\" text-anchor=\"middle\" fill=\"#333333\">").append(month).append("</text>\n");
        }
        out.append("<text x=\"").append(number(LEFT + plotWidth / 2)).append("\" y=\"").append(HEIGHT - 8)
                .append("\" text-anchor=\"middle\" fill=\"#333333\">month</text>\n");
        Integer breakEven = costs.breakEvenMonth();
        if (breakEven != null && breakEven <= horizon) {
            double x = LEFT + plotWidth * breakEven / horizon;
            out.append("<line x1=\"").append(number(x)).append("\" y1=\"").append(TOP).append("\" x2=\"")
                    .append(number(x)).append("\" y2=\"").append(number(TOP + plotHeight))
                    .append("\" stroke=\"#6b21a8\" stroke-width=\"1.5\" stroke-dasharray=\"3 3\"/>\n");
            out.append("<text x=\"").append(number(Math.min(x + 4, WIDTH - RIGHT - 90))).append("\" y=\"")
                    .append(TOP + 12).append("\" fill=\"#6b21a8\">break-even: month ").append(breakEven)
                    .append("</text>\n");
        }
        for (int s = 0; s < series.size(); s++) {
            Line line = LINES.get(s);
            List<BigDecimal> values = series.get(s).cumulativeUsd();
            StringBuilder points = new StringBuilder();
            for (int month = 0; month < values.size(); month++) {
                double x = LEFT + plotWidth * month / Math.max(1, horizon);
                double y = TOP + plotHeight - plotHeight * values.get(month).doubleValue() / max;
                points.append(month == 0 ? "" : " ").append(number(x)).append(',').append(number(y));
            }
            out.append("<polyline fill=\"none\" stroke=\"").append(line.colour()).append("\" stroke-width=\"2.5\"")
                    .append(line.dash().isEmpty() ? "" : " stroke-dasharray=\"" + line.dash() + "\"")
                    .append(" points=\"").append(points).append("\"/>\n");
            // Legend along the top.
            double legendX = LEFT + s * 150;
            out.append("<line x1=\"").append(number(legendX)).append("\" y1=\"16\" x2=\"").append(number(legendX + 28))
                    .append("\" y2=\"16\" stroke=\"").append(line.colour()).append("\" stroke-width=\"2.5\"")
                    .append(line.dash().isEmpty() ? "" : " stroke-dasharray=\"" + line.dash() + "\"").append("/>\n");
            out.append("<text x=\"").append(number(legendX + 34)).append("\" y=\"20\" fill=\"#222222\">")
                    .append(line.name()).append(' ').append(escape(TextReport.usd(series.get(s).totalUsd())))
                    .append("</text>\n");
        }
        out.append("</svg>\n");
        return out.toString();
    }

    private static String description(CostReport costs, List<StrategyCost> series) {
        StringBuilder text = new StringBuilder("Totals after ").append(costs.horizonMonths()).append(" months: ");
        for (int s = 0; s < series.size(); s++) {
            text.append(s == 0 ? "" : ", ").append(LINES.get(s).name()).append(' ')
                    .append(TextReport.usd(series.get(s).totalUsd()));
        }
        text.append(costs.breakEvenMonth() == null ? ". Fine-tuning does not break even with RAG."
                : ". Fine-tuning breaks even with RAG in month " + costs.breakEvenMonth() + ".");
        return text.toString();
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    /** $1.2M, $35k, $900: short labels for the value axis. */
    static String compact(double value) {
        if (value >= 1e9) {
            return String.format(Locale.ROOT, "$%.1fB", value / 1e9);
        }
        if (value >= 1e6) {
            return String.format(Locale.ROOT, "$%.1fM", value / 1e6);
        }
        if (value >= 1e4) {
            return String.format(Locale.ROOT, "$%.0fk", value / 1e3);
        }
        if (value >= 1e3) {
            return String.format(Locale.ROOT, "$%.1fk", value / 1e3);
        }
        return String.format(Locale.ROOT, "$%.0f", value);
    }

    private static String escape(String text) {
        return HtmlReport.escape(text);
    }
}
