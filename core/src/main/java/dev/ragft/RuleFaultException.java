package dev.ragft;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A rule compiled but misbehaved while advising on one consultation: it threw, it ran past the time
 * limit, it fired or inserted without end, or the decision layer did not produce exactly one
 * recommendation. Carries the rule's name and {@code file:line} (in {@link #errors()}) and, once the
 * engine adds them, the answers that triggered it. The CLI reports it with exit code 3, the HTTP
 * service as a 500 with a JSON body.
 */
public final class RuleFaultException extends RulesException {

    private static final long serialVersionUID = 1L;

    /** What went wrong. */
    public enum Kind {
        /** A consequence (or a function it called) threw. */
        THREW,
        /** The evaluation ran past the time limit, e.g. a loop in a consequence. */
        TIME_LIMIT,
        /** Rules fired, or facts were inserted or modified, far beyond any real consultation. */
        RUNAWAY,
        /** No rule produced a recommendation. */
        NO_RECOMMENDATION,
        /** More than one recommendation was produced. */
        SEVERAL_RECOMMENDATIONS
    }

    private final Kind kind;
    private final String rule;
    private final String fileName;
    private final int line;
    private final String detail;
    private final transient Map<String, Object> answers;

    /**
     * A fault of one rule (or of the decision layer when {@code rule} is null).
     *
     * @param kind what went wrong
     * @param rule the rule's name, or null when no single rule is to blame
     * @param file the DRL file (or the rules folder), as a real path
     * @param line 1-based line of the rule, 0 when unknown
     * @param detail what happened, without the rule's name or place (e.g. "threw IllegalStateException: boom")
     */
    public RuleFaultException(Kind kind, String rule, Path file, int line, String detail) {
        this(kind, rule, file, line, detail, null);
    }

    private RuleFaultException(Kind kind, String rule, Path file, int line, String detail, Map<String, Object> answers) {
        super(List.of(new RuleError(file, line, line > 0 ? 1 : 0, (rule == null ? "the rules " : "rule \"" + rule + "\" ") + detail)));
        this.kind = kind;
        this.rule = rule;
        this.fileName = file == null || file.getFileName() == null ? String.valueOf(file) : file.getFileName().toString();
        this.line = line;
        this.detail = detail;
        this.answers = answers == null ? null : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(answers));
    }

    /** The same fault, with the answers (question id to value) that triggered it. */
    public RuleFaultException withAnswers(Map<String, Object> triggering) {
        RuleFaultException copy = new RuleFaultException(kind, rule, errors().get(0).file(), line, detail, triggering);
        copy.setStackTrace(getStackTrace());
        return copy;
    }

    /** What went wrong. */
    public Kind kind() {
        return kind;
    }

    /** The rule's name, or null when the fault is the decision layer's as a whole. */
    public String rule() {
        return rule;
    }

    /** The DRL file's name without its folder (for HTTP replies and health reports, which never show paths). */
    public String fileName() {
        return fileName;
    }

    /** 1-based line of the rule in its file; 0 when unknown. */
    public int line() {
        return line;
    }

    /** What happened, without the rule's name or place. */
    public String detail() {
        return detail;
    }

    /** The answers that triggered the fault (question id to value), or null when not known. */
    public Map<String, Object> answers() {
        return answers;
    }

    /** {@code id=value, ...}: answers as a user could type them with {@code --set}; for fault reports. */
    public static String answersText(Map<String, Object> answers) {
        if (answers == null) {
            return "(not known)";
        }
        StringBuilder text = new StringBuilder();
        answers.forEach((id, value) -> text.append(text.length() == 0 ? "" : ", ").append(id).append('=')
                .append(value instanceof java.math.BigDecimal number ? number.toPlainString() : String.valueOf(value)));
        return text.length() == 0 ? "every answer at its default" : text.toString();
    }

    /** One line without any folder: {@code rule "X" (60-speed.drl:17) threw ...}. */
    public String summary() {
        String where = line > 0 ? fileName + ":" + line : fileName;
        return (rule == null ? "the rules (" + where + ") " : "rule \"" + rule + "\" (" + where + ") ") + detail;
    }
}
