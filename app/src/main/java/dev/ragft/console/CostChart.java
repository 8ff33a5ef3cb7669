package dev.ragft.console;

import dev.ragft.cost.CostReport;
import dev.ragft.cost.StrategyCost;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The cumulative cost of each strategy month by month, drawn with characters: F fine-tune, R RAG,
 * H hybrid ({@code *} where lines meet), the break-even month marked by a vertical bar.
 */
final class CostChart {

    static final int WIDTH = 60;
    static final int HEIGHT = 12;

    private CostChart() {
    }

    static List<String> render(CostReport costs, Style style) {
        int horizon = costs.horizonMonths();
        List<StrategyCost> series = List.of(costs.fineTune(), costs.rag(), costs.hybrid());
        char[] marks = {'F', 'R', 'H'};
        double max = 0;
        for (StrategyCost cost : series) {
            for (BigDecimal value : cost.cumulativeUsd()) {
                max = Math.max(max, value.doubleValue());
            }
        }
        if (max <= 0) {
            max = 1;
        }
        char[][] grid = new char[HEIGHT][WIDTH];
        for (char[] row : grid) {
            java.util.Arrays.fill(row, ' ');
        }
        Integer breakEven = costs.breakEvenMonth();
        int breakEvenColumn = -1;
        if (breakEven != null && breakEven <= horizon) {
            breakEvenColumn = (int) Math.round(breakEven * (WIDTH - 1) / (double) horizon);
            for (char[] row : grid) {
                row[breakEvenColumn] = style.unicode() ? '\u2502' : '|';
            }
        }
        for (int s = 0; s < series.size(); s++) {
            List<BigDecimal> values = series.get(s).cumulativeUsd();
            for (int column = 0; column < WIDTH; column++) {
                double month = column * (double) horizon / (WIDTH - 1);
                int low = (int) Math.floor(month);
                int high = Math.min(horizon, low + 1);
                double fraction = month - low;
                double value = values.get(low).doubleValue() * (1 - fraction) + values.get(high).doubleValue() * fraction;
                int row = HEIGHT - 1 - (int) Math.round(value / max * (HEIGHT - 1));
                char current = grid[row][column];
                grid[row][column] = current == ' ' || current == '|' || current == '\u2502' ? marks[s] : current == marks[s] ? current : '*';
            }
        }
        List<String> lines = new ArrayList<>();
        lines.add("  Cumulative cost over " + horizon + " months (F fine-tune, R RAG, H hybrid, * overlap"
                + (breakEvenColumn >= 0 ? ", " + (style.unicode() ? '\u2502' : '|') + " break-even" : "") + ")");
        String axis = style.unicode() ? "\u2524" : "|";
        for (int row = 0; row < HEIGHT; row++) {
            String label = "";
            if (row == 0) {
                label = compact(max);
            } else if (row == HEIGHT / 2) {
                label = compact(max * (HEIGHT - 1 - row) / (HEIGHT - 1));
            } else if (row == HEIGHT - 1) {
                label = "$0";
            }
            lines.add(String.format(Locale.ROOT, "  %8s %s%s", label, axis, colour(new String(grid[row]), style)).stripTrailing());
        }
        String bottom = (style.unicode() ? "\u2514" : "+") + (style.unicode() ? "\u2500" : "-").repeat(WIDTH);
        lines.add("           " + bottom);
        String mid = String.valueOf(horizon / 2);
        StringBuilder scale = new StringBuilder(" ".repeat(WIDTH + 1));
        scale.replace(1, 2, "0");
        int midColumn = 1 + (WIDTH - 1) / 2;
        scale.replace(midColumn, midColumn + mid.length(), mid);
        String end = String.valueOf(horizon);
        scale.replace(WIDTH + 1 - end.length(), WIDTH + 1, end);
        lines.add("           " + scale.toString().stripTrailing() + "  month");
        if (breakEven == null) {
            lines.add("  No break-even within 120 months: fine-tuning's cumulative cost stays above RAG's.");
        } else if (breakEven > horizon) {
            lines.add("  Break-even at month " + breakEven + ", after the " + horizon + "-month horizon.");
        } else {
            lines.add("  Break-even at month " + breakEven + ": from then on fine-tuning has cost no more than RAG.");
        }
        return lines;
    }

    private static String colour(String row, Style style) {
        if (!style.colour()) {
            return row;
        }
        StringBuilder out = new StringBuilder();
        for (char c : row.toCharArray()) {
            String code = switch (c) {
                case 'F' -> "\u001b[35m";
                case 'R' -> "\u001b[32m";
                case 'H' -> "\u001b[34m";
                case '*' -> "\u001b[1m";
                default -> null;
            };
            out.append(code == null ? String.valueOf(c) : code + c + "\u001b[0m");
        }
        return out.toString();
    }

    /** $1.9k, $1.33M: axis labels that fit in eight characters. */
    static String compact(double usd) {
        if (usd >= 1_000_000_000) {
            return String.format(Locale.ROOT, "$%.3gB", usd / 1_000_000_000);
        }
        if (usd >= 1_000_000) {
            return String.format(Locale.ROOT, "$%.3gM", usd / 1_000_000);
        }
        if (usd >= 1_000) {
            return String.format(Locale.ROOT, "$%.3gk", usd / 1_000);
        }
        return String.format(Locale.ROOT, "$%.0f", usd);
    }
}
