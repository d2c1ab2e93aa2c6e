package io.awslabs.lab;

import io.awslabs.report.TeardownRecord;
import io.awslabs.report.TeardownRecord.Outcome;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import io.awslabs.resources.Gone;
import io.awslabs.resources.Scheduled;
import io.awslabs.text.Lang;
import io.awslabs.text.Said;
import java.time.Instant;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * Every resource a lab created, in creation order, each with how to delete it. Teardown
 * unwinds it newest first, once: a second unwind (the Ctrl-C hook racing the normal
 * {@code finally}) finds nothing left to do. Once closed, a resource created afterwards (a lab
 * still running while Ctrl-C tears down) is deleted at once and the lab is stopped.
 *
 * <p>Everything also goes to a {@link LedgerJournal} as it happens: the intent before each
 * create call, the id after it, and each teardown outcome.
 */
public final class ResourceLedger {

    /** Deletes one resource; throws if it could not. */
    @FunctionalInterface
    public interface Deleter {
        void delete() throws Exception;
    }

    public record Entry(String type, String id, Deleter deleter) { }

    private record Live(long seq, Entry entry) { }

    /** The sequence number of entries that have no journal record. */
    private static final long LOCAL = -1;

    private final LedgerJournal journal;
    private final String labId;
    private final String region;
    private final Deque<Live> live = new ArrayDeque<>();
    private final List<TeardownRecord> outcomes = new ArrayList<>();
    private boolean closed;

    public ResourceLedger() {
        this(LedgerJournal.NONE, "", "");
    }

    public ResourceLedger(LedgerJournal journal, String labId, String region) {
        this.journal = journal;
        this.labId = labId;
        this.region = region;
    }

    /**
     * Writes ahead that a resource of {@code type}, named from {@code namePrefix}, is about to
     * be created; returns the sequence number that {@link #register(long, String, String, Deleter)}
     * or {@link #createFailed} completes.
     */
    public long intent(String type, String namePrefix) {
        return journal.intent(labId, type, namePrefix, region);
    }

    /**
     * The create call threw. When the service itself answered with a refusal (a 4xx, or 501 for an
     * API the target lacks), nothing was created and the journal says so; when no answer came (a
     * timeout, a lost connection, a 5xx after retries) the resource may exist, and cleanup must
     * search for it.
     */
    public void createFailed(long seq, Throwable cause) {
        if (isRefusal(cause)) {
            journal.createRefused(seq, Proof.describe(cause));
        } else {
            journal.createFailed(seq, Proof.describe(cause));
        }
    }

    static boolean isRefusal(Throwable cause) {
        return cause instanceof AwsServiceException e && (e.statusCode() / 100 == 4 || e.statusCode() == 501);
    }

    public void register(String type, String id, Deleter deleter) {
        register(intent(type, ""), type, id, deleter);
    }

    /** A resource of this machine (a local server): torn down with the others, never journaled. */
    public synchronized void registerLocal(String type, String id, Deleter deleter) {
        add(new Live(LOCAL, new Entry(type, id, deleter)));
    }

    public synchronized void register(long seq, String type, String id, Deleter deleter) {
        journal.created(seq, id);
        add(new Live(seq, new Entry(type, id, deleter)));
    }

    private void add(Live entry) {
        if (!closed) {
            live.push(entry);
            return;
        }
        outcomes.add(delete(entry));
        throw new RunAborted("teardown already started; " + entry.entry().type() + " " + entry.entry().id()
                + " was deleted right after creation");
    }

    public synchronized List<Entry> entries() {
        List<Entry> inOrder = new ArrayList<>(live.stream().map(Live::entry).toList());
        java.util.Collections.reverse(inOrder);
        return inOrder;
    }

    /** Deletes every live resource, newest first; returns every outcome so far. */
    public synchronized List<TeardownRecord> unwind() {
        closed = true;
        while (!live.isEmpty()) {
            outcomes.add(delete(live.pop()));
        }
        return List.copyOf(outcomes);
    }

    /** Leaves every live resource in place ({@code --keep}), recording each as KEPT. */
    public synchronized List<TeardownRecord> keep() {
        closed = true;
        while (!live.isEmpty()) {
            Live e = live.pop();
            TeardownRecord kept = worded(e.entry().type(), e.entry().id(), Outcome.KEPT, Words.keptByKeep());
            if (e.seq() != LOCAL) {
                journal.outcome(e.seq(), kept);
            }
            outcomes.add(kept);
        }
        return List.copyOf(outcomes);
    }

    private TeardownRecord delete(Live live) {
        TeardownRecord record = attempt(live.entry());
        if (live.seq() != LOCAL) {
            journal.outcome(live.seq(), record);
        }
        return record;
    }

    /**
     * Runs one delete and says what happened, the same way for a run's teardown and for
     * {@code labs cleanup}: a resource that is no longer there counts as ALREADY_GONE, one whose
     * deletion the service will carry out later as SCHEDULED, with its date.
     */
    public static TeardownRecord attempt(Entry entry) {
        long started = System.nanoTime();
        Outcome outcome;
        String message = null;
        Said worded = null;
        Instant scheduledFor = null;
        try {
            entry.deleter().delete();
            outcome = Outcome.DELETED;
        } catch (Scheduled e) {
            outcome = Outcome.SCHEDULED;
            scheduledFor = e.at();
            worded = e.said();
        } catch (Exception e) {
            if (Gone.isNotFound(e)) {
                outcome = Outcome.ALREADY_GONE;
                worded = e instanceof Gone gone ? gone.said() : null;
            } else {
                outcome = Outcome.FAILED;
                message = Proof.describe(e);
            }
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        return worded == null ? new TeardownRecord(entry.type(), entry.id(), outcome, message, millis, scheduledFor)
                : new TeardownRecord(entry.type(), entry.id(), outcome, worded.in(Lang.EN), millis, scheduledFor,
                        Words.teardownTranslations(worded));
    }

    /** An outcome whose message the toolkit words, in English and beside it in every other language. */
    static TeardownRecord worded(String type, String id, Outcome outcome, Said message) {
        return new TeardownRecord(type, id, outcome, message.in(Lang.EN), 0, null, Words.teardownTranslations(message));
    }

    /** Stops a lab that is still creating resources after teardown began. */
    public static final class RunAborted extends RuntimeException {
        RunAborted(String message) {
            super(message);
        }
    }
}
