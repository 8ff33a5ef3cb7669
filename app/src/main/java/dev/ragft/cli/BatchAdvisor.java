package dev.ragft.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ragft.questionnaire.Answers;
import dev.ragft.InputError;
import dev.ragft.InvalidAnswersException;
import dev.ragft.engine.Engine;
import dev.ragft.report.JsonReport;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The JSON-lines batch of {@code ragft advise --batch}: every input line is one answers object, every
 * output line the compact JSON report for it (the keys of {@code --format json}) or, for a line that
 * cannot be used, {@code {"line": N, "errors": [{"field": …, "message": …}]}}. Processing goes on past
 * bad lines. Lines are read, advised and written as a stream, so memory does not grow with the input;
 * chunks of lines are advised on a small thread pool over the one shared (thread-safe) engine, and
 * written strictly in input order. Blank lines are skipped but still counted, so N is the line number
 * an editor shows.
 */
final class BatchAdvisor {

    /** What a batch did, for the exit code and the closing message. */
    record Summary(long lines, long bad, long firstBadLine) {
    }

    // Lines per task: large enough that hand-offs cost nothing, small enough to keep both cores busy.
    private static final int CHUNK = 64;
    private static final ObjectMapper COMPACT = new ObjectMapper()
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

    private final Engine engine;
    private final List<String> sets;
    private final int threads;

    BatchAdvisor(Engine engine, List<String> sets, int threads) {
        this.engine = engine;
        this.sets = List.copyOf(sets);
        this.threads = Math.max(1, threads);
    }

    private record Chunk(String text, long bad, long firstBadLine) {
    }

    Summary run(BufferedReader in, String sourceName, Writer out) throws IOException {
        // A --set that cannot be parsed is wrong for every line: report it once, before any work.
        Inputs.applySets(Answers.empty(), sets, engine.questionnaire());
        ExecutorService pool = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "ragft-batch");
            thread.setDaemon(true);
            return thread;
        });
        try {
            ArrayDeque<Future<Chunk>> pending = new ArrayDeque<>();
            int maxPending = threads * 4; // bounded read-ahead: memory stays flat however long the input
            long lineNumber = 0;
            long bad = 0;
            long firstBad = 0;
            List<String> lines = new ArrayList<>(CHUNK);
            long chunkStart = 1;
            String line;
            while ((line = in.readLine()) != null) {
                lineNumber++;
                lines.add(line);
                if (lines.size() == CHUNK) {
                    pending.add(submit(pool, lines, chunkStart, sourceName));
                    lines = new ArrayList<>(CHUNK);
                    chunkStart = lineNumber + 1;
                    while (pending.size() >= maxPending) {
                        Chunk done = take(pending);
                        out.write(done.text());
                        if (done.bad() > 0 && firstBad == 0) {
                            firstBad = done.firstBadLine();
                        }
                        bad += done.bad();
                    }
                }
            }
            if (!lines.isEmpty()) {
                pending.add(submit(pool, lines, chunkStart, sourceName));
            }
            while (!pending.isEmpty()) {
                Chunk done = take(pending);
                out.write(done.text());
                if (done.bad() > 0 && firstBad == 0) {
                    firstBad = done.firstBadLine();
                }
                bad += done.bad();
            }
            out.flush();
            return new Summary(lineNumber, bad, firstBad);
        } finally {
            pool.shutdownNow();
        }
    }

    private Future<Chunk> submit(ExecutorService pool, List<String> lines, long firstLine, String sourceName) {
        return pool.submit(() -> advise(lines, firstLine, sourceName));
    }

    private static Chunk take(ArrayDeque<Future<Chunk>> pending) {
        try {
            return pending.removeFirst().get();
        } catch (ExecutionException e) {
            // Not a bad line (those are output records) but a broken policy or a bug: stop the batch.
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private Chunk advise(List<String> lines, long firstLine, String sourceName) throws JsonProcessingException {
        StringBuilder text = new StringBuilder(lines.size() * 4096);
        long bad = 0;
        long firstBad = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            long number = firstLine + i;
            try {
                Answers answers = Answers.fromJson(line, LINE_MARKER);
                answers = Inputs.applySets(answers, sets, engine.questionnaire());
                text.append(COMPACT.writeValueAsString(JsonReport.tree(engine.advise(answers))));
            } catch (InvalidAnswersException e) {
                bad++;
                if (firstBad == 0) {
                    firstBad = number;
                }
                text.append(COMPACT.writeValueAsString(errorRecord(number, sourceName, e.errors())));
            }
            text.append('\n');
        }
        return new Chunk(text.toString(), bad, firstBad);
    }

    // Answers.fromJson names a syntax error "<source>:<line>:<column>"; within one input line the line is
    // always 1, so the marker is replaced by the real file name and line number.
    private static final String LINE_MARKER = "\u0000line";

    static ObjectNode errorRecord(long number, String sourceName, List<InputError> errors) {
        ObjectNode record = COMPACT.createObjectNode();
        record.put("line", number);
        ArrayNode list = record.putArray("errors");
        for (InputError error : errors) {
            String field = error.field();
            if (field.startsWith(LINE_MARKER + ":1:")) {
                field = sourceName + ":" + number + ":" + field.substring((LINE_MARKER + ":1:").length());
            } else if (field.startsWith(LINE_MARKER)) {
                field = sourceName + ":" + number + field.substring(LINE_MARKER.length());
            }
            String message = error.message().replace(LINE_MARKER, sourceName + " line " + number);
            ObjectNode row = list.addObject();
            row.put("field", field);
            row.put("message", message);
        }
        return record;
    }
}
