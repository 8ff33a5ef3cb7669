package dev.ragft.questionnaire;

import dev.ragft.questionnaire.Question;
import dev.ragft.questionnaire.QuestionType;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** Answer values as a person reads them: yes/no, $1,000, $50/month, 10,000 queries/month. */
public final class Values {

    private Values() {
    }

    public static String show(Question question, Object value) {
        if (value == null) {
            return "(unanswered)";
        }
        if (value instanceof Boolean b) {
            return b ? "yes" : "no";
        }
        if (question.type() == QuestionType.ENUM) {
            return value.toString();
        }
        BigDecimal number = value instanceof BigDecimal d ? d : new BigDecimal(value.toString());
        String unit = question.unit();
        if (unit != null && unit.startsWith("USD")) {
            String money = money(number);
            return unit.length() > 3 ? money + unit.substring(3) : money;
        }
        return grouped(number) + (unit == null ? "" : " " + unit);
    }

    public static String money(BigDecimal amount) {
        boolean cents = amount.stripTrailingZeros().scale() > 0;
        return new DecimalFormat(cents ? "$#,##0.00##" : "$#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT))
                .format(amount);
    }

    public static String grouped(BigDecimal number) {
        return new DecimalFormat("#,##0.##########", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(number);
    }
}
