package io.awslabs.lab;

import io.awslabs.report.AssertionRecord;
import io.awslabs.report.LabReport;
import io.awslabs.report.Status;
import io.awslabs.report.StepRecord;
import io.awslabs.report.TeardownRecord;
import io.awslabs.resources.ResourceKind;
import io.awslabs.resources.Teardown;
import io.awslabs.resources.Wait;
import io.awslabs.resources.catalog.ResourceKinds;
import io.awslabs.targets.Target;
import io.awslabs.text.Lang;
import io.awslabs.text.Said;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * One command of a challenge against its target: provisioning the scaffold, checking the
 * learner's work, applying the reference solution, or removing what the challenge created. Each
 * builds a {@link LabContext} on the challenge's run id, so names and tags are the same in every
 * command; what was created is returned for the caller to keep until {@code labs stop}.
 */
public final class ChallengeRun {
    private final LabInfo lab;
    private final Challenge challenge;
    private final Target target;
    private final String runId;
    private final Instant expiresAt;
    private final Map<String, String> options;
    private final Progress progress;
    private final AtomicLong waitMillis = new AtomicLong();

    /** A resource the scaffold or the reference solution created: what teardown needs of it. */
    public record Created(String type, String id) { }

    /** The scaffold, what it created in creation order, and how long it took. */
    public record Provisioned(Scaffold scaffold, List<Created> resources, List<StepRecord> steps, List<String> notes) { }

    /**
     * A command that stopped with an exception: what it had created by then (kept for {@code labs
     * stop}), or, for a scaffold, what its teardown did.
     */
    public static final class Failed extends RuntimeException {
        private final transient List<Created> created;
        private final transient List<TeardownRecord> teardown;

        Failed(String message, List<Created> created, List<TeardownRecord> teardown, Throwable cause) {
            super(message, cause);
            this.created = List.copyOf(created);
            this.teardown = List.copyOf(teardown);
        }

        public List<Created> created() { return created; }
        public List<TeardownRecord> teardown() { return teardown; }
    }

    /** {@code expiresAt}: what the {@code labs:expires-at} tag of the challenge's resources says. */
    public ChallengeRun(LabInfo lab, Challenge challenge, Target target, String runId, Instant expiresAt,
                        Map<String, String> options, Progress progress) {
        this.lab = lab;
        this.challenge = challenge;
        this.target = target;
        this.runId = runId;
        this.expiresAt = expiresAt;
        this.options = Map.copyOf(options);
        this.progress = progress;
    }

    /**
     * Creates the scaffold, writing ahead to {@code journal}. If it fails, or Ctrl-C comes, what
     * it created is torn down at once: half a scaffold is no challenge.
     */
    public Provisioned scaffold(LedgerJournal journal, Path workDir) {
        LabContext ctx = context(new ResourceLedger(journal, lab.id(), target.region()));
        Scaffold.Builder scaffold = Scaffold.builder(workDir, challenge.info());
        try (ExitGuard.Registration onCtrlC = ExitGuard.onExit("teardown of the " + lab.id() + " scaffold",
                () -> ctx.ledger().unwind().forEach(t -> progress.teardown(lab.id(), t)))) {
            ctx.step(RunSteps.SCAFFOLD, () -> {
                challenge.scaffold(ctx, scaffold);
                return null;
            });
            return new Provisioned(scaffold.build(), created(ctx.ledger()), ctx.steps(), Words.english(ctx.notes()));
        } catch (Exception | Error e) {
            List<TeardownRecord> teardown = ctx.ledger().unwind();
            teardown.forEach(t -> progress.teardown(lab.id(), t));
            throw new Failed("the scaffold could not be created: " + Proof.describe(e), List.of(), teardown, e);
        }
    }

    /**
     * Runs every check against the resources as they are and reports it as a lab of a run
     * report would be; probes the checks made are removed before it returns.
     */
    public LabReport check(Scaffold scaffold) {
        ResourceLedger ledger = new ResourceLedger();
        LabContext ctx = context(ledger);
        CheckRecorder recorder = new CheckRecorder(challenge, target, progress, lab.id());
        Instant startedAt = Instant.now();
        long t0 = System.nanoTime();
        Optional<Said> lacks = target.lacks(lab.services(), lab.apis());
        String error = null;
        List<TeardownRecord> teardown = List.of();
        if (lacks.isEmpty()) {
            try {
                ctx.step(RunSteps.CHECK, () -> {
                    challenge.check(ctx, scaffold, recorder);
                    return null;
                });
            } catch (Exception | Error e) {
                error = Proof.describe(e);
            } finally {
                teardown = ledger.unwind();
            }
        }
        List<AssertionRecord> checks = recorder.records(lacks.orElse(null), error);
        List<Said> notes = new ArrayList<>(ctx.notes());
        if (error != null) {
            notes.add(0, Words.checksStoppedEarly(error));
        }
        LabReport.LabSummary summary = Words.summaryOf(lab, l -> LabText.of(challenge.getClass(), lab, l));
        return new LabReport(summary, statusOf(checks, error), lacks.map(l -> l.in(Lang.EN)).orElse(null), startedAt,
                (System.nanoTime() - t0) / 1_000_000, ctx.steps(), checks, teardown, Words.english(notes),
                Words.labTranslations(notes, lacks.orElse(null)));
    }

    /**
     * Applies the reference solution, writing ahead to {@code journal}; returns what it created,
     * which stays until {@code labs stop}.
     */
    public List<Created> solve(Scaffold scaffold, LedgerJournal journal) {
        LabContext ctx = context(new ResourceLedger(journal, lab.id(), target.region()));
        try {
            ctx.step(RunSteps.SOLVE, () -> {
                challenge.solve(ctx, scaffold);
                return null;
            });
            return created(ctx.ledger());
        } catch (Exception | Error e) {
            throw new Failed("the reference solution stopped: " + Proof.describe(e), created(ctx.ledger()), List.of(), e);
        }
    }

    /** Deletes what a challenge recorded, newest first, each through its kind, as teardown does. */
    public static List<TeardownRecord> remove(Target target, String runId, List<Created> resources,
                                              Consumer<Said> progress) {
        Teardown env = new Teardown(target, runId, Wait.unobserved(), progress);
        List<Created> newestFirst = new ArrayList<>(resources);
        Collections.reverse(newestFirst);
        List<TeardownRecord> outcomes = new ArrayList<>();
        for (Created r : newestFirst) {
            Optional<ResourceKind> kind = ResourceKinds.forType(r.type());
            outcomes.add(kind.isEmpty()
                    ? ResourceLedger.worded(r.type(), r.id(), TeardownRecord.Outcome.FAILED, Words.noKindOfType())
                    : ResourceLedger.attempt(new ResourceLedger.Entry(r.type(), r.id(), () -> kind.get().delete(env, r.id()))));
        }
        return outcomes;
    }

    /** Deliberate waits so far (propagation, an expiry), for the report's timings. */
    public long waitMillis() {
        return waitMillis.get();
    }

    private LabContext context(ResourceLedger ledger) {
        return new LabContext(challenge.getClass(), runId, lab, target, ledger, progress, expiresAt, options, waitMillis, Wait.Clock.SYSTEM);
    }

    /** The kinds' resources only: a local server cannot outlive the command that started it. */
    private static List<Created> created(ResourceLedger ledger) {
        List<Created> created = new ArrayList<>();
        for (ResourceLedger.Entry entry : ledger.entries()) {
            if (ResourceKinds.forType(entry.type()).isEmpty()) {
                throw new IllegalStateException("a challenge can keep only resources of a kind between commands, not "
                        + entry.type());
            }
            created.add(new Created(entry.type(), entry.id()));
        }
        return created;
    }

    private static Status statusOf(List<AssertionRecord> checks, String error) {
        if (error != null || checks.stream().anyMatch(a -> a.status() == Status.ERROR)) {
            return Status.ERROR;
        }
        if (checks.stream().anyMatch(a -> a.status() == Status.FAIL)) {
            return Status.FAIL;
        }
        return checks.stream().anyMatch(a -> a.status() == Status.PASS) ? Status.PASS : Status.SKIPPED;
    }
}
