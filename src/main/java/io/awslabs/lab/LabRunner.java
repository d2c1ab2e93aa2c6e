package io.awslabs.lab;

import io.awslabs.report.LabReport;
import io.awslabs.report.RunReport;
import io.awslabs.resources.Wait;
import io.awslabs.targets.Target;
import io.awslabs.targets.TargetKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs labs one after another against one target and assembles the run's report. Each lab's
 * teardown runs in {@code finally} and, on Ctrl-C, from the exit guard.
 */
public final class LabRunner {
    private final Target target;
    private final RunOptions options;
    private final Progress progress;
    private final String runId;
    private final String toolVersion;
    private final Instant startedAt = Instant.now();
    private final long t0 = System.nanoTime();
    private final AtomicLong waitMillis = new AtomicLong();
    private final List<LabRun> runs = new ArrayList<>();

    private final LedgerJournal journal;
    private final Wait.Clock clock;

    public LabRunner(Target target, RunOptions options, Progress progress, String runId, String toolVersion) {
        this(target, options, progress, runId, toolVersion, LedgerJournal.NONE);
    }

    public LabRunner(Target target, RunOptions options, Progress progress, String runId, String toolVersion,
                     LedgerJournal journal) {
        this(target, options, progress, runId, toolVersion, journal, Wait.Clock.SYSTEM);
    }

    /**
     * A runner whose ledgers write ahead to {@code journal} (targets that outlive the command),
     * and whose labs wait on {@code clock} (a fake one in tests).
     */
    public LabRunner(Target target, RunOptions options, Progress progress, String runId, String toolVersion,
                     LedgerJournal journal, Wait.Clock clock) {
        this.target = target;
        this.options = options;
        this.progress = progress;
        this.runId = runId;
        this.toolVersion = toolVersion;
        this.journal = journal;
        this.clock = clock;
    }

    public String runId() {
        return runId;
    }

    public RunReport run(List<Lab> labs) {
        int index = 0;
        for (Lab lab : labs) {
            LabInfo info = lab.info();
            progress.labStarted(info.id(), ++index, labs.size());
            LabContext ctx = new LabContext(runId, info, target, new ResourceLedger(journal, info.id(), target.region()),
                    progress, startedAt.plus(options.lifetime()), options.labOptions(), waitMillis, clock);
            LabRun run = new LabRun(lab, info, target, progress, ctx);
            synchronized (runs) {
                runs.add(run);
            }
            run.execute(options.keep());
            run.teardownRecords().forEach(t -> progress.teardown(info.id(), t));
        }
        return snapshot();
    }

    /** The report as it stands: complete after {@link #run}, partial when taken on Ctrl-C. */
    public RunReport snapshot() {
        List<LabReport> labs;
        synchronized (runs) {
            labs = runs.stream().map(LabRun::report).toList();
        }
        // the runner starts once the target is up: its start (an emulator's) is part of the run's wall time
        long total = (System.nanoTime() - t0) / 1_000_000 + target.startMillis();
        RunReport.Timings timings = new RunReport.Timings(options.jvmStartMs(), target.startMillis(),
                target.apiTimer().millis(), target.apiTimer().calls(), waitMillis.get(), total);
        // the kind names the emulator of moto and localstack; an endpoint names what it said it is
        String emulator = target.kind() == TargetKind.ENDPOINT ? target.emulator().map(e -> e.kind().id()).orElse(null) : null;
        RunReport.TargetInfo targetInfo = new RunReport.TargetInfo(target.kind().id(),
                target.endpoint().map(Object::toString).orElse(null), target.region(), target.accountId(), emulator);
        return new RunReport(RunReport.SCHEMA, RunReport.SCHEMA_VERSION, toolVersion, runId, targetInfo,
                startedAt, Instant.now(), timings, new ArrayList<>(labs), RunReport.Totals.of(labs));
    }
}
