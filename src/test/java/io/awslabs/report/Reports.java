package io.awslabs.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Small reports built to one shape, for tests of how a report is judged and told. */
public final class Reports {
    private static final Instant T0 = Instant.parse("2026-11-22T07:00:00Z");

    private Reports() { }

    public static AssertionRecord assertion(String id, Status status, String reason) {
        return new AssertionRecord(id, "statement of " + id, status, null, null, reason, null, Map.of(), List.of(), 5);
    }

    public static LabReport lab(String id, List<AssertionRecord> assertions, TeardownRecord.Outcome teardown) {
        return new LabReport(new LabReport.LabSummary(id, "Lab " + id, "c", "e", List.of("kms"), 0.01),
                ReportConsistency.statusOf(assertions), null, T0, 1000, List.of(), assertions,
                teardown == null ? List.of() : List.of(new TeardownRecord("KMS key", "arn:" + id, teardown, null, 5)), List.of());
    }

    public static RunReport run(RunReport.TargetInfo target, LabReport... labs) {
        List<LabReport> list = new ArrayList<>(List.of(labs));
        return new RunReport(RunReport.SCHEMA, RunReport.SCHEMA_VERSION, "0.1.0", "abc12345", target, T0, T0.plusSeconds(2),
                new RunReport.Timings(200, 400, 600, 20, 0, 2000), list, RunReport.Totals.of(list));
    }

    public static RunReport onMoto(LabReport... labs) {
        return run(new RunReport.TargetInfo("moto", "http://127.0.0.1:5000", "us-east-1", "123456789012"), labs);
    }

    /** A run of one lab, one assertion, teardown clean. */
    public static RunReport oneAssertion(Status status, String reason) {
        return onMoto(lab("kms-envelope-encryption", List.of(assertion("round-trip", status, reason)),
                TeardownRecord.Outcome.DELETED));
    }
}
