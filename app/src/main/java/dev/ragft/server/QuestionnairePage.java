package dev.ragft.server;

import dev.ragft.questionnaire.Choice;
import dev.ragft.questionnaire.Criterion;
import dev.ragft.questionnaire.Question;
import dev.ragft.questionnaire.QuestionDefault;
import dev.ragft.questionnaire.QuestionType;
import dev.ragft.questionnaire.Questionnaire;
import dev.ragft.questionnaire.Section;
import dev.ragft.report.HtmlReport;
import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

/**
 * The web page's HTML, generated from the same questionnaire definition as the console: one section
 * per questionnaire section, each question with its prompt as the control's label, its help text, the
 * allowed values or range, the default as a placeholder and a "why this question" list of the criteria
 * it feeds. The page holds no script or style of its own (both come from {@code /web/}), so it runs
 * under a Content-Security-Policy without {@code 'unsafe-inline'}; it names no file or path.
 */
final class QuestionnairePage {

    private QuestionnairePage() {
    }

    /** The whole page for {@code questionnaire}. */
    static String render(Questionnaire questionnaire) {
        StringBuilder out = new StringBuilder(32 * 1024);
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta name=\"color-scheme\" content=\"light dark\">\n")
                .append("<title>ragft: fine-tune, RAG or hybrid?</title>\n")
                .append("<link rel=\"icon\" href=\"data:,\">\n")
                .append("<link rel=\"stylesheet\" href=\"/web/app.css\">\n")
                .append("<script src=\"/web/app.js\" defer></script>\n</head>\n<body>\n");
        out.append("<a class=\"skip\" href=\"#advice\">Skip to the recommendation</a>\n");
        out.append("<header class=\"top\"><h1>Fine-tune, RAG or hybrid?</h1>\n<p>Answer what you know; the")
                .append(" recommendation on the right follows every change. Required questions are marked.")
                .append(" Empty fields use the default shown in grey. Numbers accept 10k, 1.5M, 1,000 and $0.11.</p>\n")
                .append("<p id=\"noscript\" class=\"warn\">This page needs JavaScript for live advice; without it,")
                .append(" use <code>ragft advise</code> or <code>POST /v1/advice</code>.</p>\n</header>\n");
        out.append("<div class=\"layout\">\n<main>\n<form id=\"questions\" novalidate>\n");
        for (Section section : questionnaire.sections()) {
            out.append("<section class=\"section\" aria-labelledby=\"s-").append(attr(section.id())).append("\">\n")
                    .append("<h2 id=\"s-").append(attr(section.id())).append("\">").append(text(section.title()))
                    .append("</h2>\n");
            for (Question question : questionnaire.questionsIn(section.id())) {
                question(out, questionnaire, question);
            }
            out.append("</section>\n");
        }
        out.append("</form>\n</main>\n");
        panel(out);
        // On a narrow screen the panel comes after the questions; this bar keeps the verdict in sight.
        out.append("</div>\n<div id=\"mini\" class=\"mini\"><span id=\"mini-text\"></span>")
                .append(" <button type=\"button\" id=\"mini-go\">See the advice</button></div>\n");
        out.append("</body>\n</html>\n");
        return out.toString();
    }

    private static void question(StringBuilder out, Questionnaire questionnaire, Question q) {
        String id = attr(q.id());
        out.append("<div class=\"question\" id=\"q-").append(id).append("\" data-question=\"").append(id)
                .append("\" data-type=\"").append(q.type().jsonName()).append("\"")
                .append(q.required() ? " data-required=\"true\"" : "").append(">\n");
        out.append("<label class=\"prompt\" for=\"f-").append(id).append("\">").append(text(q.prompt()));
        if (q.required()) {
            out.append(" <span class=\"required\">required</span>");
        }
        out.append(" <code class=\"qid\">").append(text(q.id())).append("</code></label>\n");
        // Filled in by the script when the question is not asked or cannot change the outcome.
        out.append("<div class=\"skipnote\" id=\"k-").append(id).append("\" hidden><span class=\"reason\"></span> ")
                .append("<button type=\"button\" class=\"link show\" aria-expanded=\"false\" aria-controls=\"b-")
                .append(id).append("\">Answer anyway</button></div>\n");
        out.append("<div class=\"body\" id=\"b-").append(id).append("\">\n");
        String described = "h-" + id + " e-" + id + (q.rangeText().isEmpty() ? "" : " r-" + id);
        if (q.type() == QuestionType.ENUM || q.type() == QuestionType.BOOLEAN) {
            out.append("<select id=\"f-").append(id).append("\" name=\"").append(id)
                    .append("\" aria-describedby=\"").append(described).append("\"")
                    .append(q.required() ? " aria-required=\"true\"" : "").append(">\n");
            out.append("<option value=\"\">").append(text(emptyChoice(q))).append("</option>\n");
            if (q.type() == QuestionType.BOOLEAN) {
                out.append("<option value=\"yes\">yes</option>\n<option value=\"no\">no</option>\n");
            } else {
                for (Choice choice : q.choices()) {
                    out.append("<option value=\"").append(attr(choice.value())).append("\">")
                            .append(text(choice.label() == null ? choice.value() : choice.label()))
                            .append(" (").append(text(choice.value())).append(")</option>\n");
                }
            }
            out.append("</select>\n");
        } else {
            out.append("<div class=\"number\"><input type=\"text\" inputmode=\"decimal\" autocomplete=\"off\"")
                    .append(" spellcheck=\"false\" id=\"f-").append(id).append("\" name=\"").append(id)
                    .append("\" aria-describedby=\"").append(described).append("\"")
                    .append(q.required() ? " aria-required=\"true\"" : "")
                    .append(" placeholder=\"").append(attr(placeholder(q))).append("\">");
            if (q.unit() != null) {
                out.append(" <span class=\"unit\">").append(text(q.unit())).append("</span>");
            }
            out.append("</div>\n");
        }
        if (!q.rangeText().isEmpty()) {
            out.append("<p class=\"range\" id=\"r-").append(id).append("\">Allowed: ").append(text(q.rangeText()))
                    .append("</p>\n");
        }
        out.append("<p class=\"error\" id=\"e-").append(id).append("\" hidden></p>\n");
        out.append("<p class=\"help\" id=\"h-").append(id).append("\">").append(text(q.help())).append("</p>\n");
        out.append("<details class=\"why\"><summary>Why this question</summary>\n<p>From the guide's section ")
                .append("\u201c").append(text(q.guideSection())).append("\u201d. This answer feeds ")
                .append(q.criteria().size()).append(q.criteria().size() == 1 ? " criterion" : " criteria").append(":</p>\n<ul>\n");
        for (String criterionId : q.criteria()) {
            String title = questionnaire.criterion(criterionId).map(Criterion::title).orElse(criterionId);
            out.append("<li>").append(text(title)).append(" <code>").append(text(criterionId)).append("</code></li>\n");
        }
        out.append("</ul>\n");
        if (q.askWhen() != null) {
            out.append("<p>").append(text(askedWhen(q))).append(".</p>\n");
        }
        out.append("</details>\n</div>\n</div>\n");
    }

    private static void panel(StringBuilder out) {
        out.append("<aside id=\"advice\" aria-labelledby=\"advice-title\" tabindex=\"-1\">\n")
                .append("<h2 id=\"advice-title\">Recommendation</h2>\n")
                .append("<p id=\"status\" role=\"status\" aria-live=\"polite\">Loading\u2026</p>\n")
                .append("<ul id=\"missing\" class=\"missing\" hidden></ul>\n")
                .append("<ul id=\"general-errors\" class=\"error\" hidden></ul>\n")
                .append("<div id=\"result\" hidden>\n")
                .append("<p class=\"verdict\"><strong id=\"strategy\"></strong> <span id=\"confidence\"></span></p>\n")
                .append("<p id=\"deployment\"></p>\n")
                .append("<h3>Deciding criteria</h3>\n<ul id=\"deciding\"></ul>\n")
                .append("<h3>Cumulative cost</h3>\n<figure id=\"chart\"></figure>\n<p id=\"breakeven\"></p>\n")
                .append("<h3>Caveats</h3>\n<ul id=\"caveats\"></ul>\n")
                .append("<h3>What would change this</h3>\n<ul id=\"flips\"></ul>\n<ul id=\"crossover\"></ul>\n")
                .append("</div>\n")
                .append("<h3>Keep and share</h3>\n")
                .append("<p class=\"share\">The address of this page holds your answers: bookmark or send it.</p>\n")
                .append("<p class=\"actions\"><button type=\"button\" id=\"copy-link\">Copy link</button>\n")
                .append("<button type=\"button\" id=\"clear\">Clear all answers</button></p>\n")
                .append("<p class=\"actions\" id=\"downloads\"><span>Download the report:</span>\n")
                .append("<button type=\"button\" data-format=\"html\">HTML</button>\n")
                .append("<button type=\"button\" data-format=\"markdown\">Markdown</button>\n")
                .append("<button type=\"button\" data-format=\"json\">JSON</button></p>\n")
                .append("<p><label for=\"answers-file\">Load an answers file</label>\n")
                .append("<input type=\"file\" id=\"answers-file\" accept=\".json,application/json\"")
                .append(" aria-describedby=\"answers-file-error\"></p>\n")
                .append("<p class=\"error\" id=\"answers-file-error\" hidden></p>\n")
                .append("</aside>\n");
    }

    /** The first, empty option of a list: what leaving it unanswered means. */
    private static String emptyChoice(Question q) {
        if (q.required()) {
            return "\u2014 choose \u2014";
        }
        QuestionDefault d = q.defaultValue();
        if (d == null) {
            return "\u2014 not answered \u2014";
        }
        if (d.isDependent()) {
            return "default (follows " + d.dependsOn() + ")";
        }
        return "default: " + valueText(q, d.literal());
    }

    /** The default as a number field's placeholder; the script updates it as the answers it depends on change. */
    private static String placeholder(Question q) {
        QuestionDefault d = q.defaultValue();
        if (q.required()) {
            return "required";
        }
        if (d == null) {
            return "not answered";
        }
        if (!d.isDependent()) {
            return "default: " + valueText(q, d.literal());
        }
        StringBuilder text = new StringBuilder("default by ").append(d.dependsOn()).append(": ");
        String separator = "";
        for (Map.Entry<String, Object> entry : new TreeMap<>(d.byValue()).entrySet()) {
            text.append(separator).append(entry.getKey()).append(" \u2192 ").append(valueText(q, entry.getValue()));
            separator = ", ";
        }
        return text.toString();
    }

    /** "Asked only when latency_sensitivity is MEDIUM or HIGH": a conditional question's condition in words. */
    static String askedWhen(Question q) {
        return q.askWhen().describe();
    }

    /** How a value is written in a field: the text the CLI's {@code --set} reads back to the same value. */
    static String valueText(Question q, Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Boolean flag) {
            return flag ? "yes" : "no";
        }
        if (value instanceof BigDecimal number) {
            BigDecimal stripped = number.stripTrailingZeros();
            if (Math.abs((long) stripped.scale()) > 100) {
                return stripped.toString(); // 1E+999999999 stays short; written out it would not fit in memory
            }
            return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
        }
        return value.toString();
    }

    /** Escapes element text. */
    static String text(String value) {
        return attr(value);
    }

    /** Escapes an attribute value (quotes included): the HTML report's escaping, one implementation for both. */
    static String attr(String value) {
        return HtmlReport.escape(value);
    }
}
