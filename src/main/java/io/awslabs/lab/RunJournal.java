package io.awslabs.lab;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.awslabs.report.Redactor;
import io.awslabs.report.TeardownRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The write-ahead journal of one run: one JSON record per line in
 * {@code <state dir>/journals/<run-id>.jsonl}, each forced to disk before the call it announces
 * (a create) returns control, so a run killed at any instant (kill -9, power loss, a second
 * Ctrl-C) leaves a journal that {@code labs cleanup} can replay.
 *
 * <p>The file is locked while its writer lives: a cleanup never touches a run in progress, and
 * the lock goes away with the process however it ends.
 */
public final class RunJournal implements LedgerJournal, AutoCloseable {
    public static final String SCHEMA = "aws-labs/journal";
    public static final int VERSION = 1;
    static final ObjectMapper JSON = JsonMapper.builder().build();

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;
    private final String writer;
    private final Map<Long, RecordedRun.RecordedResource> resources = new LinkedHashMap<>();
    private long seq;
    private boolean closed;

    private RunJournal(Path file, FileChannel channel, FileLock lock, String writer) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
        this.writer = writer;
    }

    /** Creates and locks the journal of a new run, and writes its header. */
    public static RunJournal start(Path dir, RecordedRun.Header header) throws IOException {
        Files.createDirectories(dir);
        Path file = fileOf(dir, header.runId());
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
        RunJournal journal = new RunJournal(file, channel, channel.lock(), "run");
        syncDirectory(dir);
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("event", "run");
        run.put("schema", SCHEMA);
        run.put("version", VERSION);
        run.put("runId", header.runId());
        run.put("startedAt", header.startedAt().toString());
        run.put("target", header.target());
        run.put("endpoint", header.endpoint());
        run.put("region", header.region());
        run.put("account", header.account());
        run.put("profile", header.profile());
        run.put("labs", header.labs());
        journal.append(run);
        return journal;
    }

    /**
     * Opens an existing journal to append cleanup outcomes; empty when its run is still in
     * progress (another process holds the lock).
     */
    public static Optional<RunJournal> resume(Path file) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        FileLock lock = tryLock(channel);
        if (lock == null) {
            channel.close();
            return Optional.empty();
        }
        RunJournal journal = new RunJournal(file, channel, lock, "cleanup");
        for (RecordedRun.RecordedResource r : RecordedRun.read(file).resources()) {
            journal.resources.put(r.seq(), r);
            journal.seq = Math.max(journal.seq, r.seq());
        }
        return Optional.of(journal);
    }

    /** Whether a live process holds the journal: its run is still going. */
    public static boolean inProgress(Path file) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            FileLock lock = tryLock(channel);
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    /** Null when another holder has it, in another process or (tests) in this one. */
    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (java.nio.channels.OverlappingFileLockException e) {
            return null;
        }
    }

    public static Path fileOf(Path dir, String runId) {
        return dir.resolve(runId + ".jsonl");
    }

    public Path file() {
        return file;
    }

    @Override
    public synchronized long intent(String labId, String type, String namePrefix, String region) {
        long next = ++seq;
        Map<String, Object> r = record("intent", next);
        r.put("lab", labId);
        r.put("type", type);
        r.put("namePrefix", namePrefix);
        r.put("region", region);
        append(r);
        return next;
    }

    @Override
    public synchronized void created(long seq, String id) {
        Map<String, Object> r = record("created", seq);
        r.put("id", id);
        append(r);
    }

    @Override
    public synchronized void createFailed(long seq, String reason) {
        Map<String, Object> r = record("createFailed", seq);
        r.put("reason", Redactor.redact(reason));
        append(r);
    }

    @Override
    public synchronized void createRefused(long seq, String reason) {
        Map<String, Object> r = record("createRefused", seq);
        r.put("reason", Redactor.redact(reason));
        append(r);
    }

    @Override
    public synchronized void outcome(long seq, TeardownRecord outcome) {
        Map<String, Object> r = record("outcome", seq);
        r.put("outcome", outcome.outcome().name());
        r.put("message", outcome.message() == null ? null : Redactor.redact(outcome.message()));
        r.put("by", writer);
        append(r);
    }

    /** The resources that may still exist, as far as this journal knows. */
    public synchronized List<RecordedRun.RecordedResource> open() {
        return resources.values().stream().filter(r -> !r.settled()).toList();
    }

    @Override
    public void close() {
        finish();
    }

    /**
     * Releases the journal, and deletes it when nothing it records can still exist, so the
     * state directory only holds runs with leftovers. Returns whether the journal was kept.
     */
    public synchronized boolean finish() {
        if (closed) {
            return Files.exists(file);
        }
        closed = true;
        boolean keep = !open().isEmpty();
        try {
            lock.release();
            channel.close();
            if (!keep) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            return true;
        }
        return keep;
    }

    private Map<String, Object> record(String event, long seq) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("event", event);
        r.put("seq", seq);
        r.put("at", Instant.now().toString());
        return r;
    }

    private void append(Map<String, Object> record) {
        if (closed) {
            throw new IllegalStateException("journal " + file + " is closed");
        }
        try {
            byte[] line = (JSON.writeValueAsString(record) + "\n").getBytes(StandardCharsets.UTF_8);
            ByteBuffer buffer = ByteBuffer.wrap(line);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the run journal " + file
                    + ": refusing to create resources it could not record", e);
        }
        RecordedRun.apply(JSON.valueToTree(record), resources);
    }

    /** Makes the new file's directory entry durable too; not every platform can open a directory. */
    private static void syncDirectory(Path dir) {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // the file's own fsyncs still hold; only a power loss right now could lose its name
        }
    }
}
