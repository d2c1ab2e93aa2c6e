package io.awslabs.report;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One run of one or more labs against one target, or one check of a challenge (with its
 * {@code challenge} record): the JSON document on disk. {@code interrupted} is absent for a run
 * that went to its end.
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
        Interruption interrupted,
        ChallengeRecord challenge) {

    public static final String SCHEMA = "aws-labs/run-report";
    public static final int SCHEMA_VERSION = 1;

    /** A run of {@code labs run} that went to its end. */
    public RunReport(String schema, int schemaVersion, String toolVersion, String runId, TargetInfo target,
                     Instant startedAt, Instant finishedAt, Timings timings, List<LabReport> labs, Totals totals) {
        this(schema, schemaVersion, toolVersion, runId, target, startedAt, finishedAt, timings, labs, totals, null, null);
    }

    /** A run of {@code labs run} stopped before it ended. */
    public RunReport(String schema, int schemaVersion, String toolVersion, String runId, TargetInfo target,
                     Instant startedAt, Instant finishedAt, Timings timings, List<LabReport> labs, Totals totals,
                     Interruption interrupted) {
        this(schema, schemaVersion, toolVersion, runId, target, startedAt, finishedAt, timings, labs, totals, interrupted,
                null);
    }

    /** A report of {@code labs check}. */
    public RunReport(String schema, int schemaVersion, String toolVersion, String runId, TargetInfo target,
                     Instant startedAt, Instant finishedAt, Timings timings, List<LabReport> labs, Totals totals,
                     ChallengeRecord challenge) {
        this(schema, schemaVersion, toolVersion, runId, target, startedAt, finishedAt, timings, labs, totals, null,
                challenge);
    }

    /**
     * {@code emulator}: for an endpoint, the emulator found answering there ("moto", "localstack");
     * absent when it could not be identified, and for targets whose kind already says it.
     */
    public record TargetInfo(String kind, String endpoint, String region, String account, String emulator) {
        public TargetInfo(String kind, String endpoint, String region, String account) {
            this(kind, endpoint, region, account, null);
        }
    }

    /** The run was stopped (Ctrl-C) before it ended: the labs it never started. */
    public record Interruption(List<String> labsNotRun) { }

    /**
     * Where the wall time went, for the benchmark: JVM start (process start to main), emulator
     * start, time inside AWS API calls, and deliberate waits (expiry, propagation).
     */
    public record Timings(long jvmStartMs, long emulatorStartMs, long apiMs, long apiCalls, long waitMs, long totalMs) { }

    /** {@code localPass}: of {@code pass}, the assertions proven locally, not by the target (0 in older reports). */
    public record Totals(int labs, int pass, int fail, int skipped, int error, int teardownFailed, int kept, int localPass) {

        public static Totals of(List<LabReport> labs) {
            int pass = 0, fail = 0, skipped = 0, error = 0, teardownFailed = 0, kept = 0, localPass = 0;
            for (LabReport lab : labs) {
                for (AssertionRecord a : lab.assertions()) {
                    switch (a.status()) {
                        case PASS -> {
                            pass++;
                            if (a.localProof()) localPass++;
                        }
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
            return new Totals(labs.size(), pass, fail, skipped, error, teardownFailed, kept, localPass);
        }
    }

    public boolean wasInterrupted() {
        return interrupted != null;
    }

    /** This report as the record of a run stopped before it ended: the requested labs it has no report of never ran. */
    public RunReport interruptedBefore(List<String> requestedLabs) {
        Set<String> ran = labs.stream().map(l -> l.lab().id()).collect(Collectors.toSet());
        List<String> notRun = requestedLabs.stream().filter(id -> !ran.contains(id)).toList();
        return new RunReport(schema, schemaVersion, toolVersion, runId, target, startedAt, finishedAt, timings, labs, totals,
                new Interruption(notRun), challenge);
    }
}
