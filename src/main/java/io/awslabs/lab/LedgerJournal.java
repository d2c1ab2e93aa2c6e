package io.awslabs.lab;

import io.awslabs.report.TeardownRecord;

/**
 * Where a ledger writes ahead what it is about to create, what the create call returned, and
 * what became of each resource, so that a run killed at any point leaves enough on disk for
 * {@code labs cleanup} to finish its teardown.
 */
public interface LedgerJournal {

    /** Called before the create call; returns the entry's sequence number in the run. */
    long intent(String labId, String type, String namePrefix, String region);

    /** The create call returned: the resource exists under this id (name or ARN). */
    void created(long seq, String id);

    /** The create call threw without an answer from the service: the resource may or may not exist. */
    void createFailed(long seq, String reason);

    /** The service refused the create call: nothing was created. */
    void createRefused(long seq, String reason);

    /** Teardown of one entry: deleted, already gone, failed or kept. */
    void outcome(long seq, TeardownRecord record);

    /** No journal: emulators started for one command take their resources with them. */
    LedgerJournal NONE = new LedgerJournal() {
        private long seq;

        @Override public synchronized long intent(String labId, String type, String namePrefix, String region) { return ++seq; }
        @Override public void created(long seq, String id) { }
        @Override public void createFailed(long seq, String reason) { }
        @Override public void createRefused(long seq, String reason) { }
        @Override public void outcome(long seq, TeardownRecord record) { }
    };
}
