package io.awslabs.report;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the schema cannot see: a report that contradicts itself. A lab badged PASS while one of
 * its assertions FAILed, or totals that do not add up, were edited or written by something
 * else, and must not be judged as if they were true.
 */
final class ReportConsistency {
    private ReportConsistency() { }

    /** Each contradiction with the JSON pointer of the value that is wrong; empty when the report agrees with itself. */
    static List<ReportSchema.Violation> contradictions(RunReport report) {
        List<ReportSchema.Violation> found = new ArrayList<>();
        for (int i = 0; i < report.labs().size(); i++) {
            LabReport lab = report.labs().get(i);
            Status derived = statusOf(lab.assertions());
            // a lab that stopped early is ERROR whatever its assertions had shown by then
            if (lab.status() != derived && lab.status() != Status.ERROR) {
                found.add(new ReportSchema.Violation("/labs/" + i + "/status", lab.status() + " contradicts its assertions ("
                        + counts(lab.assertions()) + "), which make it " + derived));
            }
            if (lab.skipReason() != null && derived != Status.SKIPPED) {
                found.add(new ReportSchema.Violation("/labs/" + i + "/skipReason",
                        "a lab that was not run cannot have assertions that ran (" + counts(lab.assertions()) + ")"));
            }
        }
        RunReport.Totals recounted = RunReport.Totals.of(report.labs());
        if (!recounted.equals(report.totals())) {
            found.add(new ReportSchema.Violation("/totals", "does not add up: the labs give " + recounted));
        }
        if (report.wasInterrupted()) {
            Set<String> ran = report.labs().stream().map(l -> l.lab().id()).collect(Collectors.toSet());
            List<String> both = report.interrupted().labsNotRun().stream().filter(ran::contains).toList();
            if (!both.isEmpty()) {
                found.add(new ReportSchema.Violation("/interrupted/labsNotRun",
                        "names labs the report also shows running: " + String.join(", ", both)));
            }
        }
        return found;
    }

    /** The rule the runner follows: ERROR, else FAIL, else PASS if anything passed, else SKIPPED. */
    static Status statusOf(List<AssertionRecord> assertions) {
        for (Status worst : List.of(Status.ERROR, Status.FAIL, Status.PASS)) {
            if (assertions.stream().anyMatch(a -> a.status() == worst)) {
                return worst;
            }
        }
        return Status.SKIPPED;
    }

    private static String counts(List<AssertionRecord> assertions) {
        if (assertions.isEmpty()) {
            return "none";
        }
        Map<Status, Long> byStatus = assertions.stream()
                .collect(Collectors.groupingBy(AssertionRecord::status, () -> new EnumMap<>(Status.class), Collectors.counting()));
        return byStatus.entrySet().stream().map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", "));
    }
}
