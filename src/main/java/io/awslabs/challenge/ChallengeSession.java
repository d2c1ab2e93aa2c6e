package io.awslabs.challenge;

import io.awslabs.cleanup.Cleanup;
import io.awslabs.lab.Challenge;
import io.awslabs.lab.ChallengeInfo;
import io.awslabs.lab.ChallengeRun;
import io.awslabs.lab.Lab;
import io.awslabs.lab.LabCatalog;
import io.awslabs.lab.LabInfo;
import io.awslabs.lab.LedgerJournal;
import io.awslabs.lab.Progress;
import io.awslabs.lab.RecordedRun;
import io.awslabs.lab.RunIds;
import io.awslabs.lab.RunJournal;
import io.awslabs.lab.RunOptions;
import io.awslabs.lab.RunWords;
import io.awslabs.report.ChallengeRecord;
import io.awslabs.report.LabReport;
import io.awslabs.report.RunReport;
import io.awslabs.report.Status;
import io.awslabs.report.TeardownRecord;
import io.awslabs.resources.Wait;
import io.awslabs.targets.EnvironmentException;
import io.awslabs.targets.Target;
import io.awslabs.targets.TargetKind;
import io.awslabs.text.Said;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the challenge commands do, each as one call: start (provision the scaffold, record the
 * challenge), check (judge the learner's work, write the check into the progress book), hint,
 * solve (the reference solution, then check), and stop (remove everything of the challenge).
 * The caller opens targets; this class never prints.
 */
public final class ChallengeSession {
    /** How a command reaches the challenge's target again, in a region of its choosing (the sweep visits two). */
    @FunctionalInterface
    public interface TargetOpener {
        Target open(ChallengeState.Place place, String region);
    }

    /** A hint: its level (1 to 3), its text, and whether it was new. */
    public record Hint(int level, String text, List<String> commands, boolean isNew) { }

    /** What {@code labs stop} removed, found and left, row by row, and what it wants said. */
    public record Stopped(List<Cleanup.Row> rows, List<Said> notes) {
        public boolean anyFailed() {
            return rows.stream().anyMatch(r -> r.outcome() == Cleanup.Outcome.FAILED);
        }
    }

    /** A challenge is active already: only one at a time. */
    public static final class AlreadyActive extends RuntimeException {
        private final transient ChallengeState active;

        AlreadyActive(ChallengeState active) {
            super("challenge " + active.lab() + " (run " + active.runId() + ") is active", null, false, false);
            this.active = active;
        }

        public ChallengeState active() {
            return active;
        }
    }

    private final Path stateRoot;
    private final ChallengeStore store;
    private final ProgressBook progressBook;
    private final TargetOpener opener;
    private final Progress progress;
    private final String toolVersion;

    public ChallengeSession(Path stateRoot, TargetOpener opener, Progress progress, String toolVersion) {
        this.stateRoot = stateRoot;
        this.store = new ChallengeStore(stateRoot);
        this.progressBook = new ProgressBook(stateRoot);
        this.opener = opener;
        this.progress = progress;
        this.toolVersion = toolVersion;
    }

    public ChallengeStore store() {
        return store;
    }

    public ProgressBook progressBook() {
        return progressBook;
    }

    public Optional<ChallengeState> active() {
        return store.active();
    }

    /** The active challenge, or a usage error that says how to begin one. */
    public ChallengeState requireActive() {
        return store.active().orElseThrow(() -> new NoActiveChallenge());
    }

    /** No challenge is active. */
    public static final class NoActiveChallenge extends RuntimeException {
        NoActiveChallenge() {
            super("no challenge is active", null, false, false);
        }
    }

    /**
     * Provisions the challenge's scaffold on {@code target} (opened by the caller, with the aws
     * target's guards and consent) and records the challenge. On a target that outlives the
     * command and is not the challenge's own background emulator (an endpoint, aws), the scaffold
     * writes ahead to a run journal, as {@code labs run} does.
     */
    public ChallengeState start(Lab lab, Challenge challenge, Target target, ChallengeState.Place place,
                                Map<String, String> options) {
        try (ChallengeStore.Lock lock = store.lock()) {
            Optional<ChallengeState> active = store.active();
            if (active.isPresent()) {
                throw new AlreadyActive(active.get());
            }
            String runId = RunIds.next();
            Instant startedAt = Instant.now();
            LabInfo info = lab.info();
            target.lacks(info.services(), info.apis()).ifPresent(why -> {
                throw EnvironmentException.of("challengeCannotRunHere", info.id(), why);
            });
            Path workDir = store.freshWorkDir();
            RunJournal journal = journaled(place) ? startJournal(runId, startedAt, target, place, info.id()) : null;
            ChallengeRun.Provisioned provisioned;
            try {
                provisioned = run(info, challenge, target, runId, startedAt, options)
                        .scaffold(journal == null ? LedgerJournal.NONE : journal, workDir);
            } finally {
                if (journal != null) {
                    journal.finish();
                }
            }
            ChallengeState state = new ChallengeState(ChallengeState.VERSION, info.id(), runId, startedAt, place, options,
                    provisioned.scaffold(), provisioned.resources(), List.of(), false);
            store.save(state);
            return state;
        }
    }

    /** Checks the learner's work, records the check in the progress book, and returns its report. */
    public RunReport check(ChallengeState state, Target target, long jvmStartMs) {
        Challenge challenge = challengeOf(state);
        LabInfo info = labOf(state).info();
        Instant checkedAt = Instant.now();
        long t0 = System.nanoTime();
        ChallengeRun run = run(info, challenge, target, state.runId(), state.startedAt(), state.options());
        LabReport lab = run.check(state.scaffold());
        Instant finishedAt = Instant.now();
        int passed = count(lab, Status.PASS);
        int skipped = count(lab, Status.SKIPPED);
        int total = lab.assertions().size();
        long taken = Duration.between(state.startedAt(), checkedAt).toMillis();
        ChallengeRecord record = new ChallengeRecord(info.id(), challenge.info().goal(), state.startedAt(), checkedAt,
                taken, state.hintsUsed(), state.solutionApplied(), passed, skipped, total);
        RunReport.Timings timings = new RunReport.Timings(jvmStartMs, 0, target.apiTimer().millis(),
                target.apiTimer().calls(), run.waitMillis(), (System.nanoTime() - t0) / 1_000_000);
        RunReport.TargetInfo where = new RunReport.TargetInfo(target.kind().id(),
                target.endpoint().map(Object::toString).orElse(null), target.region(), target.accountId());
        List<LabReport> labs = new ArrayList<>(List.of(lab));
        RunReport report = new RunReport(RunReport.SCHEMA, RunReport.SCHEMA_VERSION, toolVersion, state.runId(), where,
                checkedAt, finishedAt, timings, labs, RunReport.Totals.of(labs), record);
        progressBook.record(info.id(), new ProgressBook.Attempt(state.runId(), target.kind().id(), checkedAt, passed,
                skipped, total, state.hintsUsed(), taken, state.solutionApplied()));
        return report;
    }

    /** The next hint (the last one again once all three are shown); a new one is recorded. */
    public Hint hint(ChallengeState state) {
        try (ChallengeStore.Lock lock = store.lock()) {
            Challenge challenge = challengeOf(state);
            ChallengeInfo info = challenge.info();
            int level = Math.min(3, state.hintsUsed() + 1);
            boolean isNew = level > state.hintsUsed();
            if (isNew) {
                store.save(state.withHint(level, Instant.now()));
            }
            List<String> commands = level == 3 ? challenge.commands(state.scaffold()) : List.of();
            return new Hint(level, level < 3 ? info.hints().get(level - 1) : "the exact AWS CLI command", commands, isNew);
        }
    }

    /** Applies the reference solution; what it creates is kept for {@code labs stop}. Returns the new state. */
    public ChallengeState solve(ChallengeState state, Target target) {
        try (ChallengeStore.Lock lock = store.lock()) {
            Optional<RunJournal> journal = resumeJournal(state);
            List<ChallengeRun.Created> created;
            try {
                created = run(labOf(state).info(), challengeOf(state), target, state.runId(), state.startedAt(), state.options())
                        .solve(state.scaffold(), journal.isPresent() ? journal.get() : LedgerJournal.NONE);
            } catch (ChallengeRun.Failed e) {
                store.save(state.withSolution(e.created()));
                throw e;
            } finally {
                journal.ifPresent(RunJournal::finish);
            }
            ChallengeState solved = state.withSolution(created);
            store.save(solved);
            return solved;
        }
    }

    /**
     * Removes everything of the challenge: first what it recorded (the scaffold and the solution,
     * from its journal where it has one), newest first, each through its kind, whose deletes
     * detach what the learner attached; then whatever else carries its run id in a name or tag
     * (what the learner created under the name prefix), in the sweep's dependency order; and ends
     * it. A tagged resource of a type the tool cannot delete is listed, never deleted.
     */
    public Stopped stop(ChallengeState state) {
        try (ChallengeStore.Lock lock = store.lock()) {
            List<Cleanup.Row> rows = new ArrayList<>();
            List<Said> notes = new ArrayList<>();
            ChallengeState.Place place = state.target();
            Cleanup.SweepTarget sweep = new Cleanup.SweepTarget(TargetKind.parse(place.kind()),
                    place.endpoint() == null ? null : java.net.URI.create(place.endpoint()), place.region(), place.profile());
            Cleanup.TargetOpener reopen = (kind, endpoint, region, profile) -> opener.open(place, region);
            Path journal = RunJournal.fileOf(journals(), state.runId());
            if (Files.exists(journal)) {
                try (Cleanup byJournal = new Cleanup(journals(), reopen, sweep, RunOptions.DEFAULT_LIFETIME, true,
                        line -> progress.info(state.lab(), line), Wait.unobserved())) {
                    Cleanup.Result replayed = byJournal.run(new Cleanup.Selection(Set.of(state.runId()), false, null));
                    rows.addAll(replayed.rows());
                    notes.addAll(replayed.journalsKept());
                }
            } else {
                try (Target target = opener.open(place, place.region())) {
                    for (TeardownRecord t : ChallengeRun.remove(target, state.runId(), state.resources(),
                            line -> progress.info(state.lab(), line))) {
                        rows.add(new Cleanup.Row(state.runId(), state.lab(), t.type(), t.id(), "challenge",
                                Cleanup.Outcome.valueOf(t.outcome().name()), t.message() == null ? null : t::message));
                    }
                }
            }
            Path noJournals = emptyDir();
            try (Cleanup bySweep = new Cleanup(noJournals, reopen, sweep, RunOptions.DEFAULT_LIFETIME, true,
                    line -> progress.info(state.lab(), line), Wait.unobserved())) {
                rows.addAll(bySweep.run(new Cleanup.Selection(Set.of(state.runId()), false, null)).rows());
            } finally {
                deleteQuietly(noJournals);
            }
            Stopped stopped = new Stopped(rows, notes);
            if (!stopped.anyFailed()) {
                store.clear();
            }
            return stopped;
        }
    }

    /** Ends a challenge whose target is gone with everything it held (a background emulator that stopped). */
    public void forget(ChallengeState state) {
        try (ChallengeStore.Lock lock = store.lock()) {
            store.clear();
        }
    }

    public Challenge challengeOf(ChallengeState state) {
        return new ChallengeCatalog().forLab(state.lab()).orElseThrow(() -> EnvironmentException.of("noSuchChallenge", state.lab()));
    }

    private static Lab labOf(ChallengeState state) {
        return new LabCatalog().find(state.lab()).orElseThrow(() -> EnvironmentException.of("noSuchLab", state.lab()));
    }

    private ChallengeRun run(LabInfo info, Challenge challenge, Target target, String runId, Instant startedAt,
                             Map<String, String> options) {
        return new ChallengeRun(info, challenge, target, runId, startedAt.plus(RunOptions.DEFAULT_LIFETIME), options, progress);
    }

    /** Targets that outlive the command keep a journal, as for {@code labs run}; the challenge's own emulator takes its resources with it. */
    private static boolean journaled(ChallengeState.Place place) {
        return !place.background();
    }

    private RunJournal startJournal(String runId, Instant startedAt, Target target, ChallengeState.Place place, String lab) {
        RecordedRun.Header header = new RecordedRun.Header(runId, startedAt, place.kind(), place.endpoint(), target.region(),
                target.accountId(), place.profile(), List.of(lab));
        try {
            RunJournal journal = RunJournal.start(journals(), header);
            progress.info(lab, RunWords.phrase("journal", journal.file()));
            return journal;
        } catch (IOException e) {
            throw EnvironmentException.of("journalUnwritable", journals(), e.getMessage()).because(e);
        }
    }

    private Optional<RunJournal> resumeJournal(ChallengeState state) {
        Path file = RunJournal.fileOf(journals(), state.runId());
        if (!journaled(state.target()) || !Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(RunJournal.resume(file).orElseThrow(() -> EnvironmentException.of("journalInUse", state.runId())));
        } catch (IOException e) {
            throw EnvironmentException.of("journalUnreadable", file, e.getMessage()).because(e);
        }
    }

    private Path journals() {
        return stateRoot.resolve("journals");
    }

    private static int count(LabReport lab, Status status) {
        return (int) lab.assertions().stream().filter(a -> a.status() == status).count();
    }

    private static Path emptyDir() {
        try {
            return Files.createTempDirectory("labs-no-journal-");
        } catch (IOException e) {
            throw EnvironmentException.of("noTempDir", e.getMessage()).because(e);
        }
    }

    private static void deleteQuietly(Path dir) {
        try {
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            // an empty temporary directory
        }
    }
}
