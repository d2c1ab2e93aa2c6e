package io.awslabs.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.awslabs.cleanup.Cleanup;
import io.awslabs.lab.Lab;
import io.awslabs.lab.LabInfo;
import io.awslabs.lab.LabRunner;
import io.awslabs.lab.Progress;
import io.awslabs.lab.RecordedRun;
import io.awslabs.lab.RunIds;
import io.awslabs.lab.RunJournal;
import io.awslabs.lab.RunOptions;
import io.awslabs.report.AssertionRecord;
import io.awslabs.report.LabReport;
import io.awslabs.report.ReportFiles;
import io.awslabs.report.ReportFormat;
import io.awslabs.report.ReportJson;
import io.awslabs.report.RunReport;
import io.awslabs.report.Status;
import io.awslabs.report.TeardownRecord;
import io.awslabs.report.TeardownRecord.Outcome;
import io.awslabs.resources.ResourceKind;
import io.awslabs.resources.catalog.ResourceKinds;
import io.awslabs.targets.Target;
import io.awslabs.targets.TargetKind;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What every lab promises, proven on each emulator: it shows what the emulator can show and
 * skips exactly its declared gaps; it leaves nothing live; what it keeps, the sweep finds and
 * cleanup removes; teardown survives a verify that throws; a run killed in the middle of
 * provisioning is cleaned up from its journal, and by {@code cleanup --all} when the journal is
 * lost; no secret reaches a report; and an endpoint target on the same emulator gives the same
 * statuses. A lab's IT extends it with one line and adds only what is particular to the lab.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public abstract class LabContract {
    private static final Map<String, RunReport> RECORDED = new ConcurrentHashMap<>();
    private static final Set<Outcome> NOTHING_LEFT = EnumSet.of(Outcome.DELETED, Outcome.ALREADY_GONE, Outcome.SCHEDULED);
    private static final List<Pattern> SECRETS = List.of(
            Pattern.compile("(?i)X-Amz-(Signature|Credential)(=|%3D)(?!REDACTED)"),
            Pattern.compile("PRIVATE KEY"),
            Pattern.compile("(?i)\"?secret_?access_?key\"?\\s*[:=]\\s*\"?(?!REDACTED)[A-Za-z0-9/+]{8,}"));
    /** Each chunk a killed run sends waits this long, so the kill lands in the middle of provisioning. */
    private static final Duration SLOW_CALLS = Duration.ofMillis(150);

    private final Supplier<Lab> lab;

    @TempDir
    Path dir;

    protected LabContract(Supplier<Lab> lab) {
        this.lab = lab;
    }

    protected LabInfo info() {
        return lab.get().info();
    }

    /** The lab's run on this emulator that the contract judges, recorded for the fidelity matrix; run once. */
    protected RunReport reportOn(Emulator emulator) {
        return RECORDED.computeIfAbsent(info().id() + "@" + emulator, key -> {
            try (Target target = emulator.target()) {
                return LabHarness.runAndRecord(target, lab.get());
            }
        });
    }

    protected LabReport labOn(Emulator emulator) {
        return reportOn(emulator).labs().get(0);
    }

    protected Map<String, AssertionRecord> assertionsOn(Emulator emulator) {
        return LabHarness.assertionsOf(labOn(emulator));
    }

    @Order(1)
    @ParameterizedTest
    @EnumSource(Emulator.class)
    void provesWhatTheEmulatorCanAndSkipsOnlyItsDeclaredGaps(Emulator emulator) {
        LabReport report = labOn(emulator);

        assertThat(statuses(report)).as(emulator + ": " + reasons(report)).isEqualTo(expectedStatuses(emulator));
        assertThat(report.assertions()).filteredOn(a -> a.status() == Status.SKIPPED)
                .allSatisfy(a -> assertThat(a.reason()).as(a.id()).isNotBlank());
        assertThat(report.assertions()).as("notes of declared gaps that no longer reproduce or did not match")
                .extracting(AssertionRecord::note).containsOnlyNulls();
        Set<String> declared = info().assertions().stream().map(LabInfo.AssertionInfo::id).collect(Collectors.toSet());
        assertThat(info().gaps()).allSatisfy(g -> assertThat(declared).as("gap of " + g.emulator()).contains(g.assertionId()));
        assertThat(info().awsOnly().keySet()).allSatisfy(id -> assertThat(declared).contains(id));
    }

    @Order(2)
    @ParameterizedTest
    @EnumSource(Emulator.class)
    void teardownLeavesNothingLiveInTheEmulator(Emulator emulator) throws Exception {
        RunReport report = reportOn(emulator);

        assertThat(labOn(emulator).teardown()).extracting(TeardownRecord::outcome).isSubsetOf(NOTHING_LEFT);
        assertThat(emulator.liveResourcesOf(report.runId())).isEmpty();
    }

    @Order(3)
    @ParameterizedTest
    @EnumSource(Emulator.class)
    void noReportFormatCarriesASecret(Emulator emulator) throws Exception {
        Map<ReportFormat, Path> files = ReportFiles.write(reportOn(emulator), dir, EnumSet.allOf(ReportFormat.class));

        for (Path file : files.values()) {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            SECRETS.forEach(secret -> assertThat(secret.matcher(text).find()).as(file + " matches " + secret).isFalse());
        }
    }

    @Order(4)
    @ParameterizedTest
    @EnumSource(Emulator.class)
    void whatKeepLeavesTheSweepFindsAndCleanupRemoves(Emulator emulator) throws Exception {
        String runId = RunIds.next();
        RunReport kept;
        try (Target target = emulator.target();
             RunJournal journal = RunJournal.start(journals(), header(runId, target))) {
            kept = new LabRunner(target, new RunOptions(true, Duration.ofHours(1), Map.of(), 0), Progress.SILENT, runId,
                    "test", journal).run(List.of(lab.get()));
        }
        assertThat(kept.labs().get(0).teardown()).allSatisfy(t -> assertThat(t.outcome()).isEqualTo(Outcome.KEPT));
        List<String> live = emulator.liveResourcesOf(runId);
        for (TeardownRecord t : stillLive(emulator, kept.labs().get(0).teardown())) {
            ResourceKind kind = ResourceKinds.forType(t.type()).orElseThrow();
            assertThat(live).as("the sweep sees the kept " + t.type())
                    .anyMatch(l -> l.startsWith(t.type() + " ") && kind.canonicalId(l.substring(t.type().length() + 1))
                            .equals(kind.canonicalId(t.id())));
        }

        cleanUp(emulator, new Cleanup.Selection(Set.of(runId), false, null));

        assertThat(emulator.liveResourcesOf(runId)).isEmpty();
    }

    @Order(5)
    @ParameterizedTest
    @EnumSource(Emulator.class)
    void teardownStillRunsWhenVerifyThrows(Emulator emulator) throws Exception {
        RunReport report;
        try (Target target = emulator.target()) {
            report = LabHarness.run(target, new VerifyThrows(lab.get()));
        }
        LabReport lab = report.labs().get(0);

        assertThat(lab.status()).isIn(Status.ERROR, Status.SKIPPED);
        assertThat(lab.teardown()).extracting(TeardownRecord::outcome).isSubsetOf(NOTHING_LEFT);
        assertThat(emulator.liveResourcesOf(report.runId())).isEmpty();
    }

    @Order(6)
    @ParameterizedTest
    @EnumSource(Emulator.class)
    void aRunKilledWhileProvisioningIsCleanedUpFromItsJournal(Emulator emulator) throws Exception {
        String runId = killWhileProvisioning(emulator);

        cleanUp(emulator, new Cleanup.Selection(Set.of(runId), false, null));

        assertThat(emulator.liveResourcesOf(runId)).isEmpty();
        assertThat(RunJournal.fileOf(journals(), runId)).as("a settled journal is removed").doesNotExist();
    }

    @Order(7)
    @ParameterizedTest
    @EnumSource(Emulator.class)
    void aRunKilledWhileProvisioningWithItsJournalLostIsSweptByCleanupAll(Emulator emulator) throws Exception {
        String runId = killWhileProvisioning(emulator);
        Files.delete(RunJournal.fileOf(journals(), runId));

        cleanUp(emulator, new Cleanup.Selection(Set.of(), true, null));

        assertThat(emulator.liveResourcesOf(runId)).isEmpty();
    }

    @Order(8)
    @ParameterizedTest
    @EnumSource(Emulator.class)
    void anEndpointTargetOnTheSameEmulatorGivesTheSameStatuses(Emulator emulator) throws Exception {
        JarProcess.Result run = JarProcess.run(dir, Map.of(), "run", info().id(), "--target", "endpoint",
                "--endpoint-url", emulator.endpoint().toString(), "--report-dir", dir.resolve("reports").toString());

        assertThat(run.code()).as(run.out() + run.err()).isZero();
        assertThat(run.err()).contains("is " + emulator.kind().displayName());
        RunReport report;
        try (Stream<Path> reports = Files.list(dir.resolve("reports"))) {
            report = ReportJson.read(reports.filter(f -> f.toString().endsWith(".json")).findFirst().orElseThrow());
        }
        assertThat(report.target().kind()).isEqualTo(TargetKind.ENDPOINT.id());
        assertThat(statuses(report.labs().get(0))).as(reasons(report.labs().get(0))).isEqualTo(expectedStatuses(emulator));
        try (Target target = emulator.target()) {
            assertThat(report.target().account()).isEqualTo(target.accountId());
        }
    }

    /** What was kept and is not on its way out already (a key the lab itself scheduled for deletion). */
    private static List<TeardownRecord> stillLive(Emulator emulator, List<TeardownRecord> kept) throws Exception {
        List<TeardownRecord> live = new ArrayList<>();
        try (Target target = emulator.target()) {
            for (TeardownRecord t : kept) {
                Optional<ResourceKind> kind = ResourceKinds.forType(t.type());
                if (kind.isPresent() && !kind.get().isGone(target, t.id())) {
                    live.add(t);
                }
            }
        }
        return live;
    }

    /** PASS, except the emulator's declared gaps and the AWS-only assertions; all SKIPPED where a service is missing. */
    private Map<String, Status> expectedStatuses(Emulator emulator) {
        LabInfo info = info();
        boolean lacksService;
        try (Target target = emulator.target()) {
            lacksService = target.lacks(info.services(), info.apis()).isPresent();
        }
        Map<String, Status> expected = new LinkedHashMap<>();
        for (LabInfo.AssertionInfo a : info.assertions()) {
            boolean skipped = lacksService || info.awsOnly().containsKey(a.id())
                    || info.gapFor(emulator.kind(), a.id()).isPresent();
            expected.put(a.id(), skipped ? Status.SKIPPED : Status.PASS);
        }
        return expected;
    }

    private static Map<String, Status> statuses(LabReport report) {
        Map<String, Status> statuses = new LinkedHashMap<>();
        report.assertions().forEach(a -> statuses.put(a.id(), a.status()));
        return statuses;
    }

    private static String reasons(LabReport report) {
        return report.assertions().stream().filter(a -> a.status() != Status.PASS)
                .map(a -> a.id() + " " + a.status() + ": " + a.reason() + " / " + a.actual() + " / " + a.note())
                .collect(Collectors.joining("\n")) + "\nnotes: " + report.notes();
    }

    /**
     * Runs the lab as a user does, through a slow proxy so that the kill lands in the middle of
     * provisioning, and kills the JVM (SIGKILL) once half of what the lab creates has been
     * created. Returns the run id.
     */
    private String killWhileProvisioning(Emulator emulator) throws Exception {
        long creates = labOn(emulator).teardown().stream().filter(t -> ResourceKinds.forType(t.type()).isPresent()).count();
        assumeTrue(creates > 0, "the lab creates nothing on " + emulator);
        long halfway = Math.max(1, creates / 2);
        try (SlowProxy proxy = new SlowProxy(emulator.endpoint())) {
            proxy.slowDown(SLOW_CALLS);
            Process run = JarProcess.builder(dir, Map.of(), "run", info().id(), "--target", "endpoint",
                            "--endpoint-url", proxy.endpoint().toString(), "--report-dir", dir.resolve("reports").toString())
                    .redirectOutput(dir.resolve("killed.out").toFile()).redirectError(dir.resolve("killed.err").toFile())
                    .start();
            try {
                Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
                Optional<RecordedRun> journal = Optional.empty();
                while (Instant.now().isBefore(deadline) && run.isAlive()
                        && (journal = readJournal()).map(j -> confirmed(j) < halfway).orElse(true)) {
                    Thread.sleep(20);
                }
                assertThat(run.isAlive()).as("the run is still provisioning: "
                        + Files.readString(dir.resolve("killed.err"))).isTrue();
                run.destroyForcibly().waitFor();
                RecordedRun recorded = readJournal().orElseThrow();
                assertThat(recorded.open()).as("the kill left something to clean").isNotEmpty();
                return recorded.header().runId();
            } finally {
                run.destroyForcibly();
            }
        }
    }

    /** The killed run's journal as it stands; empty while its first record is still being written. */
    private Optional<RecordedRun> readJournal() throws Exception {
        if (!Files.isDirectory(journals())) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(journals())) {
            Optional<Path> file = files.filter(f -> f.toString().endsWith(".jsonl")).findFirst();
            return file.isEmpty() ? Optional.empty() : Optional.of(RecordedRun.read(file.get()));
        } catch (java.io.IOException e) {
            return Optional.empty();
        }
    }

    private static long confirmed(RecordedRun journal) {
        return journal.resources().stream().filter(RecordedRun.RecordedResource::confirmed).count();
    }

    private void cleanUp(Emulator emulator, Cleanup.Selection selection) {
        Cleanup.SweepTarget sweep = new Cleanup.SweepTarget(TargetKind.ENDPOINT, emulator.endpoint(), "us-east-1", null);
        try (Cleanup cleanup = new Cleanup(journals(), (kind, endpoint, region, profile) -> emulator.target(), sweep,
                RunOptions.DEFAULT_LIFETIME, true)) {
            Cleanup.Result result = cleanup.run(selection);
            assertThat(result.anyFailed()).as(result.rows() + " " + result.notes()).isFalse();
        }
    }

    private Path journals() {
        return dir.resolve("state").resolve("journals");
    }

    private RecordedRun.Header header(String runId, Target target) {
        return new RecordedRun.Header(runId, Instant.now(), TargetKind.ENDPOINT.id(),
                target.endpoint().map(Object::toString).orElse(null), target.region(), target.accountId(), null,
                List.of(info().id()));
    }
}
