package io.awslabs.report;

import java.time.Instant;
import java.util.List;

/**
 * One run of one or more labs against one target, or one check of a challenge (with its
 * {@code challenge} record): the JSON document on disk.
 */
public record RunReport(
        String schema,
        int schemaVersion,
        String toolVersion,
        String runId,
        TargetInfo target,
        Instant startedAt,
        Instant finishedAt,
        Timings timings,
        List<LabReport> labs,
        Totals totals,
        ChallengeRecord challenge) {

    public static final String SCHEMA = "aws-labs/run-report";
    public static final int SCHEMA_VERSION = 1;

    /** A report of {@code labs run}: no challenge. */
    public RunReport(String schema, int schemaVersion, String toolVersion, String runId, TargetInfo target,
                     Instant startedAt, Instant finishedAt, Timings timings, List<LabReport> labs, Totals totals) {
        this(schema, schemaVersion, toolVersion, runId, target, startedAt, finishedAt, timings, labs, totals, null);
    }

    public record TargetInfo(String kind, String endpoint, String region, String account) { }

    /**
     * Where the wall time went, for the benchmark: JVM start (process start to main), emulator
     * start, time inside AWS API calls, and deliberate waits (expiry, propagation).
     */
    public record Timings(long jvmStartMs, long emulatorStartMs, long apiMs, long apiCalls, long waitMs, long totalMs) { }

    public record Totals(int labs, int pass, int fail, int skipped, int error, int teardownFailed, int kept) {

        public static Totals of(List<LabReport> labs) {
            int pass = 0, fail = 0, skipped = 0, error = 0, teardownFailed = 0, kept = 0;
            for (LabReport lab : labs) {
                for (AssertionRecord a : lab.assertions()) {
                    switch (a.status()) {
                        case PASS -> pass++;
                        case FAIL -> fail++;
                        case SKIPPED -> skipped++;
                        case ERROR -> error++;
                    }
                }
                for (TeardownRecord t : lab.teardown()) {
                    if (t.outcome() == TeardownRecord.Outcome.FAILED) teardownFailed++;
                    if (t.outcome() == TeardownRecord.Outcome.KEPT) kept++;
                }
            }
            return new Totals(labs.size(), pass, fail, skipped, error, teardownFailed, kept);
        }
    }
}
