package dev.ragft.questionnaire;

import dev.ragft.InputError;
import dev.ragft.InvalidAnswersException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One question of the questionnaire, as defined in {@code questionnaires/advisor.json}.
 *
 * @param id stable id, the key in answers files
 * @param section the id of the {@link Section} it is asked in
 * @param prompt the question as put to a person
 * @param help what the question means and how to pick, paraphrasing the guide
 * @param guideSection the guide section the question comes from
 * @param type the kind of value it takes
 * @param choices allowed values of an enum question, in display order; empty for other types
 * @param min inclusive lower bound of a numeric question, or {@code null}
 * @param max inclusive upper bound of a numeric question, or {@code null}
 * @param unit unit shown beside numbers (e.g. {@code queries/month}), or {@code null}
 * @param required whether an answer must be given (no default exists)
 * @param defaultValue the default, or {@code null} when an unanswered question stays unanswered
 * @param criteria ids of the catalog criteria this answer feeds
 * @param askWhen when the console asks it, or {@code null} when always asked
 * @param costDefaults whether it belongs to the cost inputs the console offers to default in one go
 * @param maxDecimals most digits allowed after the decimal point for a numeric question (0 for an
 *     integer question), or {@code null} for other types; together with {@code max} it bounds every
 *     number before any arithmetic sees it
 */
public record Question(
        String id,
        String section,
        String prompt,
        String help,
        String guideSection,
        QuestionType type,
        List<Choice> choices,
        BigDecimal min,
        BigDecimal max,
        String unit,
        boolean required,
        QuestionDefault defaultValue,
        List<String> criteria,
        AskWhen askWhen,
        boolean costDefaults,
        Integer maxDecimals) {

    private static final Pattern SCIENTIFIC = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)e[+-]?\\d+");
    private static final Pattern GROUPED = Pattern.compile("\\d{1,3}(,\\d{3})+(\\.\\d*)?");
    private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);
    private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);
    /**
     * Longest number text looked at. Parsing a decimal string costs time quadratic in its length, and no
     * allowed value needs more than a few dozen characters, so longer text is refused unread.
     */
    static final int MAX_NUMBER_TEXT = 64;
    /** Numbers are shown in full up to this many digits; beyond, in scientific form, never expanded. */
    private static final int MAX_SHOWN_DIGITS = 40;

    /** Copies the lists. */
    public Question {
        choices = List.copyOf(choices);
        criteria = List.copyOf(criteria);
    }

    /** The choice whose value matches {@code value} in any letter case. */
    public Optional<Choice> choice(String value) {
        String wanted = value.trim();
        return choices.stream().filter(c -> c.value().equalsIgnoreCase(wanted)).findFirst();
    }

    /**
     * Parses what a person typed (console or {@code --set id=value}) into this question's normalized
     * value, applying the same checks as an answers file.
     *
     * <p>Numbers accept thousands separators ({@code 1,000}), a leading {@code $} and the suffixes
     * {@code k}, {@code M} and {@code b} (thousand, million, billion) in any case; booleans accept
     * yes/no/y/n/true/false; enums accept a value in any case, its label, or its 1-based choice number.
     *
     * @return a {@code String} (enum value), {@code Boolean}, {@code Long} or {@code BigDecimal}
     * @throws InvalidAnswersException with one error whose field is this question's id
     */
    public Object parseText(String text) {
        try {
            return normalize(textToRaw(text == null ? "" : text.trim()));
        } catch (ValueProblem problem) {
            throw new InvalidAnswersException(new InputError(id, problem.getMessage()));
        }
    }

    private Object textToRaw(String text) throws ValueProblem {
        if (text.isEmpty()) {
            throw new ValueProblem("no value given");
        }
        switch (type) {
            case BOOLEAN:
                switch (text.toLowerCase(Locale.ROOT)) {
                    case "yes", "y", "true":
                        return Boolean.TRUE;
                    case "no", "n", "false":
                        return Boolean.FALSE;
                    default:
                        throw new ValueProblem("expected yes or no, got \"" + text + "\"");
                }
            case ENUM:
                return enumFromText(text);
            default:
                return numberFromText(text);
        }
    }

    private String enumFromText(String text) throws ValueProblem {
        Optional<Choice> byValue = choice(text);
        if (byValue.isPresent()) {
            return byValue.get().value();
        }
        for (Choice c : choices) {
            if (c.label() != null && c.label().equalsIgnoreCase(text)) {
                return c.value();
            }
        }
        if (text.chars().allMatch(Character::isDigit) && text.length() <= 3) {
            int number = Integer.parseInt(text);
            if (number >= 1 && number <= choices.size()) {
                return choices.get(number - 1).value();
            }
        }
        String unquoted = unquoted(text);
        if (!unquoted.equals(text)) {
            Optional<Choice> quoted = choice(unquoted);
            if (quoted.isPresent()) {
                return quoted.get().value();
            }
        }
        throw new ValueProblem(notAllowed(text) + " (or its number 1-" + choices.size() + ")");
    }

    /** Why {@code text} is no choice of this question, with the nearest choice when it looks like a typo. */
    private String notAllowed(String text) {
        String shown = unquoted(text).equals(text.trim()) ? "\"" + text + "\"" : text.trim();
        Optional<String> close = closestChoice(text);
        return shown + " is not allowed; " + (close.isPresent() ? "did you mean " + close.get() + "? Choose" : "choose")
                + " one of " + choiceList();
    }

    /** {@code text} without one pair of surrounding quotes, as typed in a console: {@code "WEEKLY"}. */
    private static String unquoted(String text) {
        String trimmed = text.trim();
        boolean quoted = trimmed.length() >= 2 && (trimmed.startsWith("\"") && trimmed.endsWith("\"")
                || trimmed.startsWith("'") && trimmed.endsWith("'"));
        return quoted ? trimmed.substring(1, trimmed.length() - 1).trim() : trimmed;
    }

    /**
     * The choice value nearest to a mistyped one ({@code weeky} for WEEKLY), if close enough to be a
     * plausible typo; the same tolerance as for mistyped question ids.
     */
    public Optional<String> closestChoice(String typed) {
        String wanted = unquoted(typed).toUpperCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (Choice c : choices) {
            int distance = Text.editDistance(wanted, c.value().toUpperCase(Locale.ROOT));
            if (distance < bestDistance) {
                best = c.value();
                bestDistance = distance;
            }
        }
        int tolerance = Math.max(2, wanted.length() / 3);
        return best != null && bestDistance > 0 && bestDistance <= tolerance ? Optional.of(best) : Optional.empty();
    }

    private BigDecimal numberFromText(String original) throws ValueProblem {
        if (original.length() > MAX_NUMBER_TEXT) {
            throw new ValueProblem("must be " + limitText() + "; got a number text of " + original.length()
                    + " characters");
        }
        String text = original.toLowerCase(Locale.ROOT).replace("_", "").replace(" ", "");
        if (text.startsWith("$")) {
            text = text.substring(1);
        } else if (text.startsWith("-$")) {
            text = "-" + text.substring(2);
        }
        String bare = text.startsWith("-") || text.startsWith("+") ? text.substring(1) : text;
        if (bare.equals("nan") || bare.startsWith("inf")) {
            throw new ValueProblem("must be a finite number, got " + original);
        }
        BigDecimal multiplier = BigDecimal.ONE;
        if (!text.isEmpty()) {
            switch (text.charAt(text.length() - 1)) {
                case 'k' -> multiplier = BigDecimal.valueOf(1_000L);
                case 'm' -> multiplier = BigDecimal.valueOf(1_000_000L);
                case 'b' -> multiplier = BigDecimal.valueOf(1_000_000_000L);
                default -> { }
            }
            if (multiplier.signum() > 0 && multiplier.compareTo(BigDecimal.ONE) != 0) {
                text = text.substring(0, text.length() - 1);
            }
        }
        if (text.contains(",")) {
            String digits = text.startsWith("-") || text.startsWith("+") ? text.substring(1) : text;
            // Only thousands grouping: "1,5" is more likely a decimal comma, which would be read wrong.
            if (!GROUPED.matcher(digits).matches()) {
                throw new ValueProblem("\"" + original + "\" is not a number; use commas only between"
                        + " groups of three digits and a dot for decimals");
            }
            text = text.replace(",", "");
        }
        BigDecimal parsed;
        try {
            parsed = new BigDecimal(text);
        } catch (NumberFormatException e) {
            if (SCIENTIFIC.matcher(text).matches()) {
                // Well-formed, but an exponent beyond what any decimal can hold: too large or too precise.
                throw new ValueProblem("must be " + limitText() + ", got " + original);
            }
            throw new ValueProblem("\"" + original + "\" is not a number"
                    + (type == QuestionType.INTEGER ? " (e.g. 1000, 1,000, 10k or 1.5M)" : ""));
        }
        // 1e999999999 is held as digit 1 and an exponent; scaling or printing it in full would expand it
        // to a billion digits, so its size is judged from precision and scale first.
        // Slack of nine digits either way for the k/M/b suffix; normalize() checks the exact value after.
        checkMagnitude(parsed, original, 9);
        BigDecimal value = parsed.multiply(multiplier);
        return multiplier.compareTo(BigDecimal.ONE) == 0 ? value : plain(value);
    }

    /**
     * Rejects a number whose digits before or after the point exceed anything this question allows,
     * using only its precision and scale (cheap however large the exponent), so that no later step
     * expands it.
     */
    private void checkMagnitude(BigDecimal value, String shown, int slack) throws ValueProblem {
        if (value.signum() == 0) {
            return;
        }
        long integerDigits = (long) value.precision() - value.scale();
        long allowedDigits = (max == null ? 19 : Math.max(1, (long) max.precision() - max.scale()) + 1) + slack;
        if (integerDigits > allowedDigits) {
            throw new ValueProblem("must be " + limitText() + ", got " + shown);
        }
        // Digits after the point beyond the precision wanted, counted without stripping zeros: a scale
        // over a thousand is refused outright (stripping 1e-1000000's zeros is itself slow).
        if (value.scale() > 1_000 || (maxDecimals != null && value.scale() > maxDecimals + slack
                && value.stripTrailingZeros().scale() > maxDecimals + slack)) {
            throw new ValueProblem("must be " + limitText() + ", got " + shown);
        }
    }

    private static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /**
     * Checks a raw value (from an answers file or {@link dev.ragft.questionnaire.Answers#of}) against this question
     * and returns it normalized; never called with {@code null}.
     */
    Object normalize(Object raw) throws ValueProblem {
        switch (type) {
            case BOOLEAN:
                if (raw instanceof Boolean) {
                    return raw;
                }
                throw new ValueProblem("expected true or false, got " + describe(raw));
            case ENUM:
                if (raw instanceof String text) {
                    Optional<Choice> c = choice(text);
                    if (c.isPresent()) {
                        return c.get().value();
                    }
                    throw new ValueProblem(notAllowed(text));
                }
                throw new ValueProblem("expected one of " + choiceList() + ", got " + describe(raw));
            default:
                return normalizeNumber(raw);
        }
    }

    private Object normalizeNumber(Object raw) throws ValueProblem {
        BigDecimal value;
        if (raw instanceof Long number) {
            value = BigDecimal.valueOf(number);
        } else if (raw instanceof BigDecimal number) {
            value = number;
        } else if (raw instanceof Double || raw instanceof Float) {
            // Answers only holds doubles that are not finite (finite ones become BigDecimal).
            double d = ((Number) raw).doubleValue();
            if (!Double.isFinite(d)) {
                throw new ValueProblem("must be a finite number, got " + d);
            }
            value = new BigDecimal(Double.toString(d));
        } else {
            String hint = "";
            if (raw instanceof String text) {
                try {
                    hint = "; write it as a JSON number: " + plainText(numberFromText(text.trim()));
                } catch (ValueProblem notANumber) {
                    hint = "";
                }
            }
            throw new ValueProblem("expected " + (type == QuestionType.INTEGER ? "a whole number" : "a number")
                    + (unit == null ? "" : " (" + unit + ")") + ", got " + describe(raw) + hint);
        }
        // Range first: compareTo looks at the exponents before any digit, so 1e999999999 costs nothing.
        if ((min != null && value.compareTo(min) < 0) || (max != null && value.compareTo(max) > 0)) {
            throw new ValueProblem("must be " + limitText() + ", got " + shown(value));
        }
        if (type == QuestionType.INTEGER && value.signum() != 0 && value.scale() > 0
                && (value.scale() > 1_000 || value.stripTrailingZeros().scale() > 0)) {
            throw new ValueProblem("must be a whole number, got " + shown(value));
        }
        checkMagnitude(value, shown(value), 0);
        if (type == QuestionType.INTEGER) {
            if (value.compareTo(LONG_MAX) > 0 || value.compareTo(LONG_MIN) < 0) {
                throw new ValueProblem("is too large, got " + value.toPlainString());
            }
            return value.toBigIntegerExact().longValueExact();
        }
        return value;
    }

    /** The range and, for numbers with decimals, how many are allowed: what a rejected number is told. */
    public String limitText() {
        String range = rangeText();
        if (type == QuestionType.NUMBER && maxDecimals != null) {
            String decimals = maxDecimals == 0 ? "no decimals" : "at most " + maxDecimals + " decimal"
                    + (maxDecimals == 1 ? "" : "s");
            return range.isEmpty() ? "a number with " + decimals : range + ", with " + decimals;
        }
        return range.isEmpty() ? (type == QuestionType.INTEGER ? "a whole number" : "a number") : range;
    }

    /** A number as the user can read it, never expanded: plain up to 40 digits, else scientific. */
    static String shown(BigDecimal value) {
        long integerDigits = (long) value.precision() - value.scale();
        if (value.precision() <= MAX_SHOWN_DIGITS && integerDigits <= MAX_SHOWN_DIGITS
                && value.scale() <= MAX_SHOWN_DIGITS) {
            return value.toPlainString();
        }
        String text = value.toString();
        if (text.length() <= 2 * MAX_SHOWN_DIGITS) {
            return text;
        }
        int exponent = text.indexOf('E');
        return text.substring(0, MAX_SHOWN_DIGITS) + "…" + (exponent < 0 ? "" : text.substring(exponent));
    }

    /** The allowed range in words with the unit, e.g. "between 1 and 120 months"; empty if unbounded. */
    public String rangeText() {
        String suffix = unit == null ? "" : " " + unit;
        if (min != null && max != null) {
            return "between " + format(min) + " and " + format(max) + suffix;
        }
        if (min != null) {
            return "at least " + format(min) + suffix;
        }
        if (max != null) {
            return "at most " + format(max) + suffix;
        }
        return "";
    }

    private String choiceList() {
        return choices.stream().map(Choice::value).collect(Collectors.joining(", "));
    }

    private static String plainText(BigDecimal value) {
        return plain(value).toPlainString();
    }

    static String format(BigDecimal value) {
        DecimalFormat format = new DecimalFormat("#,##0.##########", DecimalFormatSymbols.getInstance(Locale.ROOT));
        return format.format(value);
    }

    static String describe(Object raw) {
        if (raw instanceof String text) {
            return "text \"" + text + "\"";
        }
        if (raw instanceof Boolean) {
            return raw.toString();
        }
        if (raw instanceof BigDecimal number) {
            return "number " + shown(number);
        }
        if (raw instanceof Number || raw instanceof BigInteger) {
            return "number " + raw;
        }
        return raw == null ? "null" : raw.getClass().getSimpleName();
    }
}
