package dev.ragft.report;

import dev.ragft.Advice;
import dev.ragft.Analysis;
import dev.ragft.CriterionResult;
import dev.ragft.facts.Caveat;
import dev.ragft.facts.Severity;
import dev.ragft.questionnaire.GuideRange;
import dev.ragft.questionnaire.Question;
import dev.ragft.questionnaire.Questionnaire;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Not API. Everything one report shows, whatever its format: the advice, the optional analysis, the
 * answers used (each marked as given or defaulted, with the guide's typical range beside it), the rules
 * version and when it was made. The four renderers ({@link TextReport}, {@link MarkdownReport},
 * {@link HtmlReport}, {@link JsonReport}) read only this, so they cannot disagree on what a report holds.
 *
 * @param analysis what would change the decision, or {@code null} when the analysis was turned off
 * @param answersUsed one row per question, in questionnaire order
 * @param rulesVersion {@code sha256:} and 16 hex digits over the rule files, the policy and the criteria file
 *     ({@link dev.ragft.Advisor#rulesVersion})
 * @param generated when the report was made (to the second)
 */
public record Report(Advice advice, Analysis analysis, List<AnswerUsed> answersUsed, String rulesVersion,
                     Instant generated) {

    /** The formats a report can be written in, each with the file extension that asks for it. */
    public enum Format {
        TEXT("txt"), MARKDOWN("md"), HTML("html"), JSON("json");

        private final String extension;

        Format(String extension) {
            this.extension = extension;
        }

        /** The report in this format. */
        public String render(Report report) {
            return switch (this) {
                case TEXT -> TextReport.render(report);
                case MARKDOWN -> MarkdownReport.render(report);
                case HTML -> HtmlReport.render(report);
                case JSON -> JsonReport.render(report) + "\n";
            };
        }

        /** The file extension this format is written with, without the dot. */
        public String extension() {
            return extension;
        }

        /** The format a file name asks for by its extension (any letter case); empty if none matches. */
        public static Optional<Format> forFile(Path file) {
            Path name = file.getFileName();
            String text = name == null ? "" : name.toString().toLowerCase(Locale.ROOT);
            for (Format format : values()) {
                if (text.endsWith("." + format.extension)
                        || (format == MARKDOWN && text.endsWith(".markdown"))
                        || (format == HTML && text.endsWith(".htm"))) {
                    return Optional.of(format);
                }
            }
            return Optional.empty();
        }
    }

    /** Where an answer used in the report came from. */
    public enum Source {
        /** Given by the user (file, {@code --set} or the console). */
        ANSWERED,
        /** Not given; the questionnaire's default was used. */
        DEFAULT,
        /** Not asked by the console, since no answer to it could change the outcome; its default was used. */
        SKIPPED,
        /** Not given and without a default: the rules saw no value. */
        UNANSWERED
    }

    /**
     * One answer the advice was computed from.
     *
     * @param value the effective value ({@code null} when unanswered)
     * @param unit the question's unit, or {@code null}
     * @param guideRange what the guide says about the value in words (the questionnaire's {@code guideRanges}),
     *     or {@code null} when it says nothing
     */
    public record AnswerUsed(String id, String prompt, Object value, String unit, Source source, String guideRange,
                             String guideSection) {
    }

    /** Copies the rows. */
    public Report {
        answersUsed = List.copyOf(answersUsed);
        generated = generated.truncatedTo(ChronoUnit.SECONDS);
    }

    /** The report, with the answers looked up in {@code questionnaire}. */
    public static Report of(Questionnaire questionnaire, String rulesVersion, Advice advice, Analysis analysis,
                            Set<String> skipped, Instant generated) {
        List<AnswerUsed> rows = new ArrayList<>();
        Set<String> listed = new HashSet<>();
        for (Question q : questionnaire.questions()) {
            listed.add(q.id());
            Object value = advice.effectiveAnswers().get(q.id());
            Source source = advice.answers().contains(q.id()) ? Source.ANSWERED
                    : value == null ? Source.UNANSWERED : skipped.contains(q.id()) ? Source.SKIPPED : Source.DEFAULT;
            String range = questionnaire.guideRange(q.id()).map(GuideRange::text).orElse(null);
            rows.add(new AnswerUsed(q.id(), q.prompt(), value, q.unit(), source, range, q.guideSection()));
        }
        // Values the questionnaire does not define (a custom rule set's extra keys) still show.
        advice.effectiveAnswers().forEach((id, value) -> {
            if (!listed.contains(id)) {
                rows.add(new AnswerUsed(id, id, value, null,
                        advice.answers().contains(id) ? Source.ANSWERED : Source.DEFAULT, null, null));
            }
        });
        return new Report(advice, analysis, rows, rulesVersion, generated);
    }

    /** The criteria trace grouped by guide section, sections in order of first appearance. */
    public Map<String, List<CriterionResult>> criteriaBySection() {
        Map<String, List<CriterionResult>> bySection = new LinkedHashMap<>();
        for (CriterionResult result : advice.criteria()) {
            bySection.computeIfAbsent(result.section(), s -> new ArrayList<>()).add(result);
        }
        return bySection;
    }

    /** The criteria the recommendation names as deciding, strongest first, each with its trace row. */
    public List<CriterionResult> decidingCriteria() {
        List<CriterionResult> deciding = new ArrayList<>();
        for (String id : advice.recommendation().decidingCriteria()) {
            advice.criteria().stream().filter(c -> c.id().equals(id)).findFirst().ifPresent(deciding::add);
        }
        return deciding;
    }

    /** The caveats grouped by severity, most severe first; severities without caveats are left out. */
    public Map<Severity, List<Caveat>> caveatsBySeverity() {
        Map<Severity, List<Caveat>> bySeverity = new EnumMap<>(Severity.class);
        for (Caveat caveat : advice.caveats()) {
            bySeverity.computeIfAbsent(caveat.severity(), s -> new ArrayList<>()).add(caveat);
        }
        return bySeverity;
    }

    /** How many answers came from defaults (asked or skipped). */
    public long defaultsUsed() {
        return answersUsed.stream().filter(a -> a.source() == Source.DEFAULT || a.source() == Source.SKIPPED).count();
    }

    /** The source of an answer in words, as the text formats show it. */
    public static String sourceText(Source source) {
        return switch (source) {
            case ANSWERED -> "answered";
            case DEFAULT -> "default";
            case SKIPPED -> "default (skipped)";
            case UNANSWERED -> "not answered";
        };
    }

    /** The date line every format shows, e.g. "2026-12-02 01:55 UTC". */
    public String generatedText() {
        return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC).format(generated);
    }

    /** An answer's value as the text reports show it: numbers grouped, units after, "(none)" when unanswered. */
    public static String valueText(AnswerUsed answer) {
        Object value = answer.value();
        if (value == null) {
            return "(none)";
        }
        String text;
        if (value instanceof BigDecimal number) {
            text = "USD".equals(answer.unit()) || (answer.unit() != null && answer.unit().startsWith("USD/"))
                    ? TextReport.usd(number) : TextReport.decimal(number);
        } else if (value instanceof Long || value instanceof Integer) {
            text = TextReport.integer(((Number) value).longValue());
        } else if (value instanceof Boolean yes) {
            text = yes ? "yes" : "no";
        } else {
            text = value.toString();
        }
        String unit = answer.unit();
        if (unit == null || unit.equals("USD")) {
            return text;
        }
        // "$0.10/query" rather than "$0.10 USD/query": the dollar sign already says the currency.
        return unit.startsWith("USD/") ? text + unit.substring(3) : text + " " + unit;
    }
}
