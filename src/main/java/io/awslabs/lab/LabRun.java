package io.awslabs.lab;

import io.awslabs.report.AssertionRecord;
import io.awslabs.report.LabReport;
import io.awslabs.report.Status;
import io.awslabs.report.TeardownRecord;
import io.awslabs.targets.CallGate;
import io.awslabs.targets.Target;
import io.awslabs.text.Lang;
import io.awslabs.text.Said;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/** One lab's run: provision, verify, teardown, and the assertions recorded along the way. */
final class LabRun implements Checks {
    /** How long Ctrl-C's teardown waits for the assertion in flight before unwinding anyway. */
    private static final long IN_FLIGHT_WAIT_SECONDS = 10;

    private final Lab lab;
    private final LabInfo info;
    private final Target target;
    private final Progress progress;
    private final LabContext ctx;
    private final Instant startedAt = Instant.now();
    private final long t0 = System.nanoTime();
    private final List<AssertionRecord> assertions = new ArrayList<>();
    private final Set<String> seen = new HashSet<>();
    private final Map<Lang, LabText> texts = new EnumMap<>(Lang.class);
    private volatile List<TeardownRecord> teardown = List.of();
    private volatile String labError;
    private volatile Said skipReason;
    private volatile long durationMs = -1;
    /**
     * Held while an assertion runs. On Ctrl-C the verify thread keeps going while the exit
     * guard tears down; without this, an assertion could change a resource after teardown
     * handled it (DisableKey on a key already scheduled for deletion leaves moto's key live).
     */
    private final ReentrantLock proving = new ReentrantLock();
    private volatile boolean interrupted;

    LabRun(Lab lab, LabInfo info, Target target, Progress progress, LabContext ctx) {
        this.lab = lab;
        this.info = info;
        this.target = target;
        this.progress = progress;
        this.ctx = ctx;
    }

    void execute(boolean keep) {
        Optional<Said> cannot = target.lacks(info.services(), info.apis());
        if (cannot.isPresent()) {
            skipReason = cannot.get();
            progress.info(info.id(), RunWords.phrase("skipped", skipReason));
            durationMs = elapsed();
            return;
        }
        try (ExitGuard.Registration onCtrlC = ExitGuard.onExit("teardown of " + info.id(), this::teardownAtExit)) {
            try {
                ctx.step(RunSteps.PROVISION, () -> { lab.provision(ctx); return null; });
                ctx.step(RunSteps.VERIFY, () -> { lab.verify(ctx, this); return null; });
            } catch (Exception | Error e) {
                labError = Proof.describe(e);
            } finally {
                teardown = keep ? ctx.ledger().keep() : teardownStep();
            }
        }
        durationMs = elapsed();
    }

    private List<TeardownRecord> teardownStep() {
        try {
            return ctx.step(RunSteps.TEARDOWN, () -> ctx.ledger().unwind());
        } catch (Exception e) {
            return ctx.ledger().unwind();
        }
    }

    private void teardownAtExit() {
        CallGate.reserveFor(Thread.currentThread());
        interrupted = true;
        progress.info(info.id(), RunWords.phrase("interrupted"));
        boolean quiet = false;
        try {
            quiet = proving.tryLock(IN_FLIGHT_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            teardown = ctx.ledger().unwind();
        } finally {
            if (quiet) {
                proving.unlock();
            }
        }
        teardown.forEach(t -> progress.teardown(info.id(), t));
    }

    List<TeardownRecord> teardownRecords() {
        return teardown;
    }

    @Override
    public void that(String assertionId, ProofBody body) {
        String statement = info.statementOf(assertionId);
        synchronized (seen) {
            if (!seen.add(assertionId)) {
                throw new IllegalStateException("assertion " + assertionId + " ran twice in lab " + info.id());
            }
        }
        proving.lock();
        try {
            if (!interrupted) {
                String awsOnly = info.awsOnly().get(assertionId);
                if (awsOnly != null && target.kind().isEmulator()) {
                    Words why = Words.awsOnly(lang -> text(lang).awsOnlyReason(assertionId));
                    record(assertionId, statement, Status.SKIPPED, why, why.in(Lang.EN), new Proof(),
                            new AssertionOutcome(null, null), 0);
                } else {
                    prove(assertionId, statement, body);
                }
                return;
            }
        } finally {
            proving.unlock();
        }
        waitForExit();
    }

    /**
     * After Ctrl-C the exit guard owns the rest of the run (teardown, the partial report,
     * stopping the target): this thread makes no further call and ends with the JVM.
     */
    private static void waitForExit() {
        while (true) {
            try {
                Thread.sleep(Long.MAX_VALUE);
            } catch (InterruptedException e) {
                // keep waiting: the JVM is exiting
            }
        }
    }

    private void prove(String assertionId, String statement, ProofBody body) {
        Proof proof = new Proof();
        long started = System.nanoTime();
        Status status;
        String reason = null;
        Words worded = null;
        Throwable error = null;
        try {
            body.prove(proof);
            status = Status.PASS;
        } catch (Proof.NotHeld e) {
            status = Status.FAIL;
        } catch (Proof.Skipped e) {
            status = Status.SKIPPED;
            worded = e.reason()::in;
            reason = worded.in(Lang.EN);
        } catch (ResourceLedger.RunAborted e) {
            throw e;
        } catch (Exception e) {
            status = Status.ERROR;
            reason = Proof.describe(e);
            error = e;
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        AssertionOutcome outcome = new AssertionOutcome(status == Status.FAIL ? proof.failedCheck() : null, error);
        record(assertionId, statement, status, worded, reason, proof, outcome, millis);
    }

    private void record(String id, String statement, Status status, Words worded, String reason, Proof proof,
                        AssertionOutcome outcome, long millis) {
        AssertionRecord rec = OutcomeRecord.of(id, statement, status, worded, reason, proof, outcome, millis,
                info.provenLocally().contains(id), target.emulator().flatMap(e -> info.gapFor(e.kind(), id)), this::text);
        synchronized (assertions) {
            assertions.add(rec);
        }
        progress.assertion(info.id(), rec);
    }

    LabReport report() {
        List<AssertionRecord> recorded;
        synchronized (assertions) {
            recorded = new ArrayList<>(assertions);
        }
        for (LabInfo.AssertionInfo declared : info.assertions()) {
            if (recorded.stream().noneMatch(a -> a.id().equals(declared.id()))) {
                recorded.add(unreached(declared));
            }
        }
        LabReport.LabSummary summary = Words.summaryOf(info, this::text);
        List<Said> notes = new ArrayList<>(ctx.notes());
        if (labError != null) {
            notes.add(0, Words.labStoppedEarly(labError));
        }
        return new LabReport(summary, statusOf(recorded), skipReason == null ? null : skipReason.in(Lang.EN), startedAt,
                durationMs < 0 ? elapsed() : durationMs, ctx.steps(), recorded, teardown, Words.english(notes),
                Words.labTranslations(notes, skipReason));
    }

    private AssertionRecord unreached(LabInfo.AssertionInfo declared) {
        Status status = skipReason != null ? Status.SKIPPED : Status.ERROR;
        Words reason = skipReason != null ? Words.cannotRun(skipReason) : Words.notReached(labError);
        return new AssertionRecord(declared.id(), declared.statement(), status, null, null, reason.in(Lang.EN), null,
                Map.of(), List.of(), 0, info.provenLocally().contains(declared.id()),
                Words.translations(lang -> text(lang).statement(declared.id()), reason));
    }

    private LabText text(Lang lang) {
        synchronized (texts) {
            return texts.computeIfAbsent(lang, l -> LabText.of(lab.getClass(), info, l));
        }
    }

    private Status statusOf(List<AssertionRecord> recorded) {
        if (labError != null || recorded.stream().anyMatch(a -> a.status() == Status.ERROR)) {
            return Status.ERROR;
        }
        if (recorded.stream().anyMatch(a -> a.status() == Status.FAIL)) {
            return Status.FAIL;
        }
        if (recorded.stream().anyMatch(a -> a.status() == Status.PASS)) {
            return Status.PASS;
        }
        return Status.SKIPPED;
    }

    private long elapsed() {
        return (System.nanoTime() - t0) / 1_000_000;
    }
}
