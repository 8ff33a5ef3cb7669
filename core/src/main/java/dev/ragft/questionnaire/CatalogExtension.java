package dev.ragft.questionnaire;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ragft.RuleError;
import dev.ragft.RulesException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Catalog entries that a rules folder adds for criteria of its own, in {@code criteria.json} beside
 * the DRL files: {@code {"criteria": [{"id", "section", "title", "drivenBy": [question ids]}]}}, the same
 * shape as the {@code criteria} of the questionnaire. An extension thus adds a criterion without
 * editing the questionnaire: its rules, its weight in {@code policy.properties} and this entry.
 */
public final class CatalogExtension {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One entry and where it is written, for errors. */
    public record Entry(Criterion criterion, Path file, int line) {
    }

    private CatalogExtension() {
    }

    /**
     * Reads the entries of a {@code criteria.json}.
     *
     * @param errors receives every problem, each with file and line; the entries with problems are left out
     */
    public static List<Entry> parse(String text, Path file, List<RuleError> errors) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            errors.add(new RuleError(file, Math.max(line, 0), 0, "not valid JSON: " + e.getOriginalMessage()));
            return List.of();
        }
        JsonNode list = root == null ? null : root.get("criteria");
        if (list == null || !list.isArray()) {
            errors.add(new RuleError(file, 1, 1, "expected {\"criteria\": [{\"id\", \"section\", \"title\", \"drivenBy\"}, ...]}"));
            return List.of();
        }
        List<Entry> entries = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (JsonNode node : list) {
            String id = node.path("id").asText("");
            int line = lineOf(text, id.isEmpty() ? "{" : "\"" + id + "\"");
            List<String> drivenBy = new ArrayList<>();
            node.path("drivenBy").forEach(q -> drivenBy.add(q.asText()));
            String section = node.path("section").asText("");
            String title = node.path("title").asText("");
            if (id.isBlank() || section.isBlank() || title.isBlank() || drivenBy.isEmpty()) {
                errors.add(new RuleError(file, line, 1, "criterion " + (id.isBlank() ? "without an id" : "'" + id + "'")
                        + ": each entry needs a non-empty \"id\", \"section\", \"title\" and \"drivenBy\" (question ids)"));
            } else if (!ids.add(id)) {
                errors.add(new RuleError(file, line, 1, "criterion '" + id + "' is listed twice"));
            } else {
                entries.add(new Entry(new Criterion(id, section, title, drivenBy), file, line));
            }
        }
        return List.copyOf(entries);
    }

    /**
     * The questionnaire with the entries appended to its catalog (report order: the catalog, then these).
     *
     * @throws RulesException when an entry repeats a catalog id or names a question the questionnaire lacks
     */
    public static Questionnaire extend(Questionnaire base, List<Entry> entries) {
        if (entries.isEmpty()) {
            return base;
        }
        List<RuleError> errors = new ArrayList<>();
        List<Criterion> criteria = new ArrayList<>(base.criteria());
        for (Entry entry : entries) {
            Criterion criterion = entry.criterion();
            if (base.criterion(criterion.id()).isPresent()) {
                errors.add(new RuleError(entry.file(), entry.line(), 1, "criterion '" + criterion.id()
                        + "' is already in the catalog of " + base.source() + "; choose another id"));
                continue;
            }
            for (String question : criterion.drivenBy()) {
                if (base.question(question).isEmpty()) {
                    errors.add(new RuleError(entry.file(), entry.line(), 1, "criterion '" + criterion.id()
                            + "' is driven by '" + question + "', which is not a question of " + base.source()));
                }
            }
            criteria.add(criterion);
        }
        if (!errors.isEmpty()) {
            throw new RulesException(errors);
        }
        return new Questionnaire(base.source(), base.sections(), criteria, base.questions());
    }

    private static int lineOf(String text, String needle) {
        int at = text.indexOf(needle);
        if (at < 0) {
            return 1;
        }
        int line = 1;
        for (int i = 0; i < at; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
