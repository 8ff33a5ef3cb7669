package dev.ragft.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ragft.Advice;
import dev.ragft.Advisor;
import dev.ragft.questionnaire.Answers;
import dev.ragft.InputError;
import dev.ragft.InvalidAnswersException;
import dev.ragft.RulesException;
import dev.ragft.report.JsonReportWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The JSON-lines batch of {@code ragft advise --batch}: every input line is one answers object, every
 * output line the compact JSON report for it (the keys of {@code --format json}) or, for a line that
 * cannot be used, {@code {"line": N, "errors": [{"field": …, "message": …}]}}.
 *
 * <p>Every line is judged alone: whatever goes wrong with one (bad answers, text that is not UTF-8 or
 * longer than {@link #MAX_LINE_CHARS}, a fault in the rules, any runtime exception, or running past the
 * per-line time limit) becomes that line's error record, and the run goes on. Each output line is built
 * whole before it is written, so the output is always complete JSON lines.
 *
 * <p>Lines are read, advised and written as a stream, so memory does not grow with the input; each line
 * is one task on a small pool over the one shared (thread-safe) advisor, written strictly in input
 * order. A line past its time limit is reported and its thread given up (interrupted, and replaced so
 * the other lines go on); a Java thread cannot be stopped, so the evaluation deadline of the engine is
 * what ends it. Blank lines are skipped but still counted, so N is the line number an editor shows.
 */
final class BatchAdvisor {

    /** What a batch did, for the exit code and the closing message. */
    record Summary(long lines, long bad, long firstBadLine) {
    }

    /** Longest input line read; a complete answers object is under 2,000 characters. */
    static final int MAX_LINE_CHARS = 1 << 20;
    /** Default time one line may take, far above a normal consultation (milliseconds). */
    static final long DEFAULT_LINE_TIME_LIMIT_MS = 60_000;
    /** Threads given up to lines past their limit before the remaining lines are refused unstarted. */
    private static final int MAX_ABANDONED = 16;
    private static final long POLL_MS = 200;
    private static final ObjectMapper COMPACT = new ObjectMapper()
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

    private final Advisor advisor;
    private final List<String> sets;
    private final int threads;
    private final long lineTimeLimitMs;
    private final boolean summaryOnly;

    /**
     * @param summaryOnly write only strategy, confidence and cost totals per line
     *     ({@link JsonReportWriter#writeSummary}) rather than the full report
     */
    BatchAdvisor(Advisor advisor, List<String> sets, int threads, long lineTimeLimitMs, boolean summaryOnly) {
        this.advisor = advisor;
        this.sets = List.copyOf(sets);
        this.threads = Math.max(1, threads);
        this.lineTimeLimitMs = lineTimeLimitMs;
        this.summaryOnly = summaryOnly;
    }

    /** One line's output, built whole as UTF-8 bytes; {@code bad} when it is an error record. */
    private record Result(byte[] bytes, boolean bad) {
    }

    /** A submitted line: its future and when its work started (0 until a thread picks it up). */
    private record Pending(long number, Future<Result> future, AtomicLong started) {
    }

    Summary run(Reader in, String sourceName, OutputStream out) throws IOException {
        // A --set that cannot be parsed is wrong for every line: report it once, before any work.
        Inputs.applySets(Answers.empty(), sets, advisor.questionnaire());
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), task -> {
                    Thread thread = new Thread(task, "ragft-batch");
                    thread.setDaemon(true);
                    return thread;
                });
        LineReader lines = new LineReader(in, MAX_LINE_CHARS);
        try {
            ArrayDeque<Pending> pending = new ArrayDeque<>();
            // Bounded read-ahead: memory stays flat however long the input (a full report is about 10 KB,
            // so at most a few MB are held), and enough lines are in flight to keep every thread busy.
            int maxPending = threads * 64;
            long lineNumber = 0;
            long bad = 0;
            long firstBad = 0;
            int[] abandoned = {0};
            String line;
            while ((line = lines.next()) != null) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                pending.add(submit(pool, line, lineNumber, sourceName, lines.lastWasTooLong()));
                while (pending.size() >= maxPending) {
                    Pending head = pending.removeFirst();
                    Result done = await(head, pool, abandoned, sourceName);
                    out.write(done.bytes());
                    if (done.bad()) {
                        bad++;
                        firstBad = firstBad == 0 ? head.number() : firstBad;
                    }
                }
            }
            while (!pending.isEmpty()) {
                Pending head = pending.removeFirst();
                Result done = await(head, pool, abandoned, sourceName);
                out.write(done.bytes());
                if (done.bad()) {
                    bad++;
                    firstBad = firstBad == 0 ? head.number() : firstBad;
                }
            }
            out.flush();
            return new Summary(lineNumber, bad, firstBad);
        } finally {
            pool.shutdownNow();
        }
    }

    private Pending submit(ExecutorService pool, String line, long number, String sourceName, boolean tooLong) {
        AtomicLong started = new AtomicLong();
        Future<Result> future = pool.submit(() -> {
            started.set(System.nanoTime());
            return adviseLine(line, number, sourceName, tooLong);
        });
        return new Pending(number, future, started);
    }

    /**
     * Waits for a line's result. Past its time limit the line gets an error record and its thread is
     * given up: the pool grows by one so the lines behind it are not held up.
     */
    private Result await(Pending line, ThreadPoolExecutor pool, int[] abandoned, String sourceName) {
        while (true) {
            try {
                return line.future().get(POLL_MS, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                long started = line.started().get();
                boolean overLimit = started != 0
                        && System.nanoTime() - started > TimeUnit.MILLISECONDS.toNanos(lineTimeLimitMs);
                boolean starved = started == 0 && abandoned[0] >= MAX_ABANDONED;
                if (overLimit || starved) {
                    line.future().cancel(true);
                    if (overLimit && abandoned[0] < MAX_ABANDONED) {
                        abandoned[0]++;
                        pool.setMaximumPoolSize(pool.getMaximumPoolSize() + 1);
                        pool.setCorePoolSize(pool.getCorePoolSize() + 1);
                    }
                    String why = overLimit
                            ? "not advised: took longer than the time limit of " + seconds(lineTimeLimitMs)
                                + "; the rules may loop on these answers"
                            : "not advised: " + MAX_ABANDONED + " earlier lines ran past the time limit and"
                                + " still hold every thread";
                    return error(line.number(), sourceName, List.of(new InputError("time limit", why)));
                }
            } catch (ExecutionException e) {
                // adviseLine turns every failure into a record; this is only reached for an Error.
                return error(line.number(), sourceName, List.of(new InputError("internal error",
                        String.valueOf(e.getCause()))));
            } catch (CancellationException e) {
                return error(line.number(), sourceName, List.of(new InputError("internal error", "cancelled")));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
    }

    private static String seconds(long ms) {
        return ms % 1000 == 0 ? ms / 1000 + " s" : ms + " ms";
    }

    private Result adviseLine(String line, long number, String sourceName, boolean tooLong) {
        try {
            if (tooLong) {
                return error(number, sourceName, List.of(new InputError(sourceName + ":" + number,
                        "line too long (over " + MAX_LINE_CHARS + " characters); an answers object is under 2,000")));
            }
            if (line.indexOf('\uFFFD') >= 0) {
                return error(number, sourceName, List.of(new InputError(sourceName + ":" + number,
                        "not UTF-8 text (Latin-1 or Windows-1252?); save the file as UTF-8")));
            }
            Answers answers = Answers.fromJson(line, LINE_MARKER);
            answers = Inputs.applySets(answers, sets, advisor.questionnaire());
            return new Result(render(advisor.advise(answers)), false);
        } catch (InvalidAnswersException e) {
            return error(number, sourceName, e.errors());
        } catch (RulesException e) {
            List<InputError> errors = new ArrayList<>();
            e.errors().forEach(rule -> errors.add(new InputError("rules", rule.toString())));
            return error(number, sourceName, errors.isEmpty()
                    ? List.of(new InputError("rules", String.valueOf(e.getMessage()))) : errors);
        } catch (RuntimeException | StackOverflowError | IOException e) {
            // A fault in the rules or a bug: this line's record says so, and the other lines go on.
            return error(number, sourceName, List.of(new InputError("internal error",
                    e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())));
        }
    }

    /**
     * The line's report written by Jackson's streaming generator into this thread's reused buffer: the
     * bytes go to the output as they are, with no report tree and no {@code String} in between.
     */
    private byte[] render(Advice advice) throws IOException {
        ByteArrayOutputStream buffer = BUFFER.get();
        buffer.reset();
        try (JsonGenerator gen = JsonReportWriter.FACTORY.createGenerator(buffer)) {
            if (summaryOnly) {
                JsonReportWriter.writeSummary(advice, gen);
            } else {
                JsonReportWriter.write(advice, gen);
            }
        }
        buffer.write('\n');
        return buffer.toByteArray();
    }

    // One output buffer per worker thread, reused line after line (a full report is about 10 KB).
    private static final ThreadLocal<ByteArrayOutputStream> BUFFER =
            ThreadLocal.withInitial(() -> new ByteArrayOutputStream(16 * 1024));

    private static Result error(long number, String sourceName, List<InputError> errors) {
        try {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream(256);
            COMPACT.writeValue(buffer, errorRecord(number, sourceName, errors));
            buffer.write('\n');
            return new Result(buffer.toByteArray(), true);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write an error record", e);
        }
    }

    /**
     * Lines of at most a given length: a longer line is read to its end but not kept (one marker line
     * stands for it), so a file without newlines cannot fill the memory. A byte order mark is dropped.
     */
    static final class LineReader {

        private final Reader in;
        private final int maxChars;
        private final StringBuilder line = new StringBuilder();
        // Read in blocks of our own rather than a char at a time: Reader.read() takes a lock on every call,
        // which for a 100,000-line batch is tens of millions of lock round trips on the main thread.
        private final char[] block = new char[1 << 14];
        private int position;
        private int limit;
        private boolean tooLong;
        private boolean first = true;

        LineReader(Reader in, int maxChars) {
            this.in = in;
            this.maxChars = maxChars;
        }

        /** The next line without its terminator, or {@code null} at the end of the input. */
        String next() throws IOException {
            line.setLength(0);
            tooLong = false;
            if (position == limit && !fill()) {
                return null;
            }
            if (first) {
                first = false;
                if (block[position] == '\uFEFF') {
                    position++;
                    if (position == limit && !fill()) {
                        return null;
                    }
                }
            }
            while (true) {
                int start = position;
                while (position < limit && block[position] != '\n') {
                    position++;
                }
                append(start, position);
                if (position < limit) {
                    position++; // the '\n'
                    break;
                }
                if (!fill()) {
                    break;
                }
            }
            int end = line.length();
            if (end > 0 && line.charAt(end - 1) == '\r') {
                line.setLength(end - 1);
            }
            return tooLong ? "x" : line.toString();
        }

        private void append(int from, int to) {
            int room = maxChars - line.length();
            if (to - from > room) {
                tooLong = true;
                to = from + Math.max(room, 0);
            }
            line.append(block, from, to - from);
        }

        private boolean fill() throws IOException {
            int read;
            do {
                read = in.read(block, 0, block.length);
            } while (read == 0);
            position = 0;
            limit = Math.max(read, 0);
            return read > 0;
        }

        /** Whether the line last returned was longer than the limit (and is not its text). */
        boolean lastWasTooLong() {
            return tooLong;
        }
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
