package dev.ragft.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ragft.testing.Fixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableHead;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.CustomBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.text.TextContentRenderer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Markdown report read by a CommonMark parser with GitHub's table extension, as GitHub reads it:
 * every table parses as a table, every row has the header's number of cells, and no table falls apart
 * into a paragraph of pipes.
 */
class MarkdownReportTest {

    private static final Parser PARSER = Parser.builder().extensions(List.of(TablesExtension.create())).build();

    static Stream<Fixtures.Consultation> examples() {
        return ReportTest.examples();
    }

    /** A parsed table: its header cells and the cell count of each row as written (before any padding). */
    private record Table(List<String> header, List<List<String>> rows) {
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void tablesParseAsTablesWithTheRightColumnCounts(Fixtures.Consultation consultation) {
        Report report = ReportTest.report(consultation);
        String markdown = MarkdownReport.render(report);
        Node document = PARSER.parse(markdown);
        List<Table> tables = tables(document);

        // Costs, answers used, then one trace table per guide section.
        assertThat(tables).hasSize(2 + report.criteriaBySection().size());
        Table costs = tables.get(0);
        assertThat(costs.header()).containsExactly("strategy", "upfront", "retraining", "monthly", "total", "per query");
        assertThat(costs.rows()).extracting(row -> row.get(0)).containsExactly("FINE_TUNE", "RAG", "HYBRID");
        // Dollar amounts stay amounts (escaped, so GitHub does not read a pair of them as maths).
        assertThat(costs.rows().get(0).get(4)).startsWith("$");
        Table answers = tables.get(1);
        assertThat(answers.header()).containsExactly("question", "value", "source", "guide's range");
        assertThat(answers.rows()).hasSize(report.answersUsed().size());
        assertThat(answers.rows()).extracting(row -> row.get(0))
                .containsExactlyElementsOf(report.answersUsed().stream().map(Report.AnswerUsed::id).toList());
        for (int i = 2; i < tables.size(); i++) {
            assertThat(tables.get(i).header()).containsExactly("", "criterion", "favours", "weight", "reason");
        }
        int traced = tables.subList(2, tables.size()).stream().mapToInt(t -> t.rows().size()).sum();
        assertThat(traced).isEqualTo(report.advice().criteria().size());
        for (Table table : tables) {
            for (List<String> row : table.rows()) {
                assertThat(row).as("a row of " + table.header()).hasSameSizeAs(table.header());
            }
        }

        // The parser pads short rows and drops extra cells, so count the source: every line of a table has
        // as many unescaped pipes as its header line, one more than the header has columns.
        long expected = -1;
        for (String line : markdown.split("\n")) {
            if (!line.startsWith("|")) {
                expected = -1;
                continue;
            }
            long pipes = line.replace("\\|", "").chars().filter(c -> c == '|').count();
            if (expected < 0) {
                expected = pipes;
                assertThat(pipes - 1).as(line).isIn(4L, 5L, 6L);
            }
            assertThat(pipes).as(line).isEqualTo(expected);
        }
        // Nothing meant as a table was left as a paragraph, and the headings are real headings.
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Paragraph paragraph) {
                assertThat(TextContentRenderer.builder().build().render(paragraph)).doesNotStartWith("|");
            }
        });
        List<String> headings = new ArrayList<>();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Heading heading) {
                headings.add(heading.getLevel() + " " + TextContentRenderer.builder().build().render(heading));
            }
        });
        assertThat(headings).contains("2 Deciding criteria", "2 Caveats", "2 What would change this", "2 Answers used",
                "2 Criteria trace by guide section");
    }

    private static List<Table> tables(Node document) {
        List<Table> tables = new ArrayList<>();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(CustomBlock block) {
                if (block instanceof TableBlock) {
                    List<String> header = new ArrayList<>();
                    List<List<String>> rows = new ArrayList<>();
                    for (Node part = block.getFirstChild(); part != null; part = part.getNext()) {
                        for (Node row = part.getFirstChild(); row != null; row = row.getNext()) {
                            if (!(row instanceof TableRow)) {
                                continue;
                            }
                            List<String> cells = new ArrayList<>();
                            for (Node cell = row.getFirstChild(); cell != null; cell = cell.getNext()) {
                                if (cell instanceof TableCell) {
                                    cells.add(text(cell));
                                }
                            }
                            if (part instanceof TableHead) {
                                header.addAll(cells);
                            } else {
                                rows.add(cells);
                            }
                        }
                    }
                    tables.add(new Table(header, rows));
                }
                super.visit(block);
            }
        });
        return tables;
    }

    private static String text(Node node) {
        StringBuilder out = new StringBuilder();
        node.accept(new AbstractVisitor() {
            @Override
            public void visit(Text text) {
                out.append(text.getLiteral());
            }

            @Override
            public void visit(org.commonmark.node.Code code) {
                out.append(code.getLiteral());
            }
        });
        return out.toString().trim();
    }
}
