package io.awslabs.testing;

import io.awslabs.report.LabReport;
import io.awslabs.report.ReportJson;
import io.awslabs.report.RunReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The test suite's lab runs, one report per lab and target, overwritten by each run, so that
 * {@code labs fidelity target/fidelity} always draws the matrix from the last test run.
 */
final class FidelityRecords {
    static final Path DIR = Path.of(System.getProperty("labs.fidelity.dir", "target/fidelity"));

    private FidelityRecords() { }

    static void record(RunReport report) {
        for (LabReport lab : report.labs()) {
            RunReport single = new RunReport(report.schema(), report.schemaVersion(), report.toolVersion(),
                    report.runId(), report.target(), report.startedAt(), report.finishedAt(), report.timings(),
                    List.of(lab), RunReport.Totals.of(List.of(lab)));
            try {
                Path dir = Files.createDirectories(DIR.resolve(report.target().kind()));
                ReportJson.MAPPER.writeValue(dir.resolve(lab.lab().id() + ".json").toFile(), single);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot record the fidelity report of " + lab.lab().id(), e);
            }
        }
    }
}
