package io.awslabs.testing;

import io.awslabs.lab.Lab;
import io.awslabs.lab.LabRunner;
import io.awslabs.lab.Progress;
import io.awslabs.lab.RunIds;
import io.awslabs.lab.RunOptions;
import io.awslabs.report.AssertionRecord;
import io.awslabs.report.LabReport;
import io.awslabs.report.RunReport;
import io.awslabs.targets.Target;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Runs labs through the real runner, as the CLI does, and reads the outcome. */
public final class LabHarness {
    private LabHarness() { }

    public static RunReport run(Target target, Lab... labs) {
        return run(target, Map.of(), labs);
    }

    public static RunReport run(Target target, Map<String, String> options, Lab... labs) {
        RunOptions runOptions = new RunOptions(false, java.time.Duration.ofHours(1), options, 0);
        return new LabRunner(target, runOptions, Progress.SILENT, RunIds.next(), "test").run(List.of(labs));
    }

    /**
     * Runs the labs and records each lab's report as {@code target/fidelity/<target>/<lab>.json},
     * the input of docs/fidelity.md: call it from the test that proves a lab's statuses on an
     * emulator, not from tests that provoke failures on purpose.
     */
    public static RunReport runAndRecord(Target target, Lab... labs) {
        return record(run(target, labs));
    }

    /** Records a report of a run made some other way (a recording progress, say), as runAndRecord does. */
    public static RunReport record(RunReport report) {
        FidelityRecords.record(report);
        return report;
    }

    /** assertion id to its record, for one-line expectations in tests. */
    public static Map<String, AssertionRecord> assertionsOf(LabReport lab) {
        return lab.assertions().stream().collect(Collectors.toMap(AssertionRecord::id, a -> a));
    }
}
