package io.awslabs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.awslabs.lab.LabCatalog;
import io.awslabs.report.AssertionRecord;
import io.awslabs.report.LabReport;
import io.awslabs.report.ReportJson;
import io.awslabs.report.RunReport;
import io.awslabs.report.Status;
import io.awslabs.testing.JarProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's first command, as a new user types it: every lab at once on the embedded moto, in
 * one run. The labs share the run's id (and its tag) and the emulator, so a lab that picks its
 * resources by the run id alone meets the others' (the SSM lab once sent its command to every
 * instance of the run); each contract test runs its lab alone and cannot see that.
 */
class RunAllIT {
    @TempDir
    Path dir;

    @Test
    void everyLabRunTogetherOnTheDefaultTargetFailsNothingAndTearsEverythingDown() throws Exception {
        JarProcess.Result run = JarProcess.run(dir, Map.of(), "run", "--all", "--report-dir", dir.resolve("reports").toString());

        assertThat(run.code()).as(run.out() + run.err()).isEqualTo(ExitCodes.OK);
        RunReport report;
        try (Stream<Path> files = Files.list(dir.resolve("reports"))) {
            report = ReportJson.read(files.filter(f -> f.toString().endsWith(".json")).findFirst().orElseThrow());
        }
        assertThat(report.labs()).extracting(l -> l.lab().id()).containsExactlyElementsOf(new LabCatalog().ids());
        for (LabReport lab : report.labs()) {
            assertThat(lab.assertions()).as(lab.lab().id()).extracting(AssertionRecord::status)
                    .doesNotContain(Status.FAIL, Status.ERROR);
            assertThat(lab.teardownIncomplete()).as(lab.lab().id()).isFalse();
        }
    }
}
