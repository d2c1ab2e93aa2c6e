package io.awslabs.lab;

import io.awslabs.report.LabReport;
import io.awslabs.report.RunReport;
import io.awslabs.resources.Wait;
import io.awslabs.targets.Target;
import io.awslabs.targets.TargetKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs labs against one target, up to {@code parallel} at once, and assembles the run's report in
 * the order the labs were given. A lab that needs the target to itself runs alone, after the
 * others. Each lab's teardown runs in {@code finally} and, on Ctrl-C, from the exit guard.
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
    /** Each lab's run in the order the labs were given; null until the lab starts. */
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
        synchronized (runs) {
            labs.forEach(lab -> runs.add(null));
        }
        List<Integer> together = new ArrayList<>();
        List<Integer> alone = new ArrayList<>();
        for (int i = 0; i < labs.size(); i++) {
            (labs.get(i).info().runsAlone().isPresent() ? alone : together).add(i);
        }
        AtomicInteger started = new AtomicInteger();
        if (options.parallel() == 1 || together.size() < 2) {
            together.forEach(i -> runOne(labs, i, started));
        } else {
            ExecutorService pool = Executors.newFixedThreadPool(Math.min(options.parallel(), together.size()), labThreads());
            try {
                List<Future<?>> running = new ArrayList<>();
                together.forEach(i -> running.add(pool.submit(() -> runOne(labs, i, started))));
                for (Future<?> lab : running) {
                    awaitLab(lab);
                }
            } finally {
                pool.shutdown();
            }
        }
        alone.forEach(i -> runOne(labs, i, started));
        return snapshot();
    }

    private void runOne(List<Lab> labs, int index, AtomicInteger started) {
        Lab lab = labs.get(index);
        LabInfo info = lab.info();
        progress.labStarted(info.id(), started.incrementAndGet(), labs.size());
        LabContext ctx = new LabContext(lab.getClass(), runId, info, target, new ResourceLedger(journal, info.id(), target.region()),
                progress, startedAt.plus(options.lifetime()), options.labOptions(), waitMillis, clock);
        LabRun run = new LabRun(lab, info, target, progress, ctx);
        synchronized (runs) {
            runs.set(index, run);
        }
        run.execute(options.keep());
        run.teardownRecords().forEach(t -> progress.teardown(info.id(), t));
    }

    /** A lab's failure is in its report; only the JVM's own errors go on up. */
    private static void awaitLab(Future<?> lab) {
        try {
            lab.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("a lab's run escaped its own error handling", e.getCause());
        }
    }

    /** Daemon threads: after Ctrl-C the exit guard owns the rest of the run, and the JVM must not wait for them. */
    private static ThreadFactory labThreads() {
        AtomicInteger n = new AtomicInteger();
        return work -> {
            Thread thread = new Thread(work, "lab-" + n.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** The report as it stands: complete after {@link #run}, partial when taken on Ctrl-C. */
    public RunReport snapshot() {
        List<LabReport> labs;
        synchronized (runs) {
            labs = runs.stream().filter(Objects::nonNull).map(LabRun::report).toList();
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
