package io.awslabs.cleanup;

import io.awslabs.lab.LabCatalog;
import io.awslabs.lab.Proof;
import io.awslabs.lab.RecordedRun;
import io.awslabs.lab.RecordedRun.RecordedResource;
import io.awslabs.lab.ResourceLedger;
import io.awslabs.lab.RunJournal;
import io.awslabs.report.ReportText;
import io.awslabs.report.TeardownRecord;
import io.awslabs.resources.Gone;
import io.awslabs.resources.ResourceKind;
import io.awslabs.resources.RunMatcher;
import io.awslabs.resources.Teardown;
import io.awslabs.resources.UnsupportedApi;
import io.awslabs.resources.Wait;
import io.awslabs.resources.catalog.ResourceKinds;
import io.awslabs.targets.EnvironmentException;
import io.awslabs.targets.Target;
import io.awslabs.targets.TargetKind;
import io.awslabs.text.Lang;
import io.awslabs.text.Phrase;
import io.awslabs.text.Said;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * What {@code labs cleanup} does: finds what runs left behind, from their journals first, then
 * by the {@code labs:run-id} tag and by name where a journal is lost or a create never returned,
 * and deletes it ({@code force}) or says what it would delete.
 */
public final class Cleanup implements AutoCloseable {
    /** Global services (IAM, CloudFront, Route 53) live in us-east-1; a sweep always looks there too. */
    static final String GLOBAL_REGION = "us-east-1";

    public enum Outcome { WOULD_DELETE, UNCONFIRMED, DELETED, ALREADY_GONE, SCHEDULED, FAILED }

    /** The type of a row about the tag sweep rather than one resource. */
    public static final String TAG_SWEEP = "tag sweep";
    /** The region of a row about a kind's search by name, which is not one region's. */
    public static final String SEARCH_BY_NAME = "(search by name)";
    private static final String JOURNAL_KEPT = "note.journalKept";
    /** The id of a resource the journal recorded before its create call answered. */
    public static final String UNKNOWN_ID = "(unknown)";

    /**
     * One line of the cleanup table; {@code source} says how it was found: "journal", "tag" or
     * "name". {@code detail} (null when there is none) is said in the reader's language; what AWS
     * or an exception said inside it stays as said.
     */
    public record Row(String runId, String lab, String type, String id, String source, Outcome outcome, Said detail) {
        public String detail(Lang lang) {
            return detail == null ? null : detail.in(lang);
        }
    }

    /** Which runs: ids given, every run, or runs older than a duration (null when not given). */
    public record Selection(Set<String> runIds, boolean all, Duration olderThan) {
        public boolean selects(String runId, Instant startedAt, Instant now) {
            if (runIds.contains(runId) || all) {
                return true;
            }
            return olderThan != null && startedAt != null && startedAt.isBefore(now.minus(olderThan));
        }

        public boolean sweepsOrphans() {
            return all || olderThan != null;
        }
    }

    /** Where runs without a journal are swept: the target the cleanup command was pointed at. */
    public record SweepTarget(TargetKind kind, URI endpoint, String region, String profile) { }

    /** Opens a target; the CLI applies the aws target's guards here. */
    @FunctionalInterface
    public interface TargetOpener {
        Target open(TargetKind kind, URI endpoint, String region, String profile);
    }

    /** A journal on disk, and whether its run is still going (another process holds it). */
    public record JournalStatus(RecordedRun run, boolean inProgress) { }

    public record Result(List<Row> rows, List<Said> notes) {
        public boolean anyFailed() {
            return rows.stream().anyMatch(r -> r.outcome() == Outcome.FAILED);
        }

        /** The notes that say a journal was kept, since something of its run may still exist. */
        public List<Said> journalsKept() {
            return notes.stream().filter(n -> n instanceof Phrase p && p.key().equals(JOURNAL_KEPT)).toList();
        }
    }

    private final Path journalDir;
    private final TargetOpener opener;
    private final SweepTarget sweepTarget;
    private final Duration runLifetime;
    private final boolean force;
    private final Consumer<Said> progress;
    private final Wait wait;
    private final Instant now = Instant.now();
    private final Map<String, Target> opened = new LinkedHashMap<>();
    private final List<Row> rows = new ArrayList<>();
    private final List<Said> notes = new ArrayList<>();

    /** {@code runLifetime}: how long after its start a run's {@code labs:expires-at} tag points. */
    public Cleanup(Path journalDir, TargetOpener opener, SweepTarget sweepTarget, Duration runLifetime, boolean force) {
        this(journalDir, opener, sweepTarget, runLifetime, force, line -> { }, Wait.unobserved());
    }

    /** {@code progress} and {@code wait}: how deletes that must wait (a distribution, an instance) show it. */
    public Cleanup(Path journalDir, TargetOpener opener, SweepTarget sweepTarget, Duration runLifetime, boolean force,
                   Consumer<Said> progress, Wait wait) {
        this.journalDir = journalDir;
        this.opener = opener;
        this.sweepTarget = sweepTarget;
        this.runLifetime = runLifetime;
        this.force = force;
        this.progress = progress;
        this.wait = wait;
    }

    /** Every readable journal in the directory, oldest run first; unreadable ones become notes. */
    public static List<JournalStatus> journals(Path dir, List<Said> notes) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<JournalStatus> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".jsonl")).sorted().toList()) {
                try {
                    found.add(new JournalStatus(RecordedRun.read(file), RunJournal.inProgress(file)));
                } catch (IOException | RuntimeException e) {
                    notes.add(CleanupWords.phrase("note.cannotRead", file, e.getMessage()));
                }
            }
        } catch (IOException e) {
            notes.add(CleanupWords.phrase("note.cannotList", dir, e.getMessage()));
        }
        found.sort(Comparator.comparing(j -> j.run().header().startedAt()));
        return found;
    }

    public Result run(Selection selection) {
        List<JournalStatus> journals = journals(journalDir, notes);
        Set<String> journaled = new HashSet<>();
        for (JournalStatus journal : journals) {
            String runId = journal.run().header().runId();
            journaled.add(runId);
            if (!selection.selects(runId, journal.run().header().startedAt(), now)) {
                continue;
            }
            if (journal.inProgress()) {
                notes.add(CleanupWords.phrase("note.inProgress", runId));
                continue;
            }
            cleanJournal(journal.run());
        }
        for (String runId : selection.runIds()) {
            if (!journaled.contains(runId)) {
                notes.add(CleanupWords.phrase("note.noJournal", runId, journalDir, sweepTarget.kind().id()
                        + (sweepTarget.endpoint() == null ? "" : " " + sweepTarget.endpoint()), sweepTarget.region()));
                sweepRun(runId, sweepTarget.kind(), sweepTarget.endpoint(), regionsOf(sweepTarget.region()),
                        sweepTarget.profile(), Set.copyOf(ResourceKinds.ALL), Set.of(), null);
            }
        }
        if (selection.sweepsOrphans()) {
            sweepOrphans(selection, journaled);
        }
        return new Result(List.copyOf(rows), List.copyOf(notes));
    }

    private void cleanJournal(RecordedRun run) {
        RecordedRun.Header header = run.header();
        List<RecordedResource> open = new ArrayList<>(run.open());
        open.sort(Comparator.comparingLong(RecordedResource::seq).reversed());
        TargetKind kind = TargetKind.parse(header.target());
        URI endpoint = header.endpoint() == null ? null : URI.create(header.endpoint());
        Optional<RunJournal> journal = force ? resume(run) : Optional.empty();
        if (force && journal.isEmpty()) {
            return;
        }
        boolean failed = false;
        for (RecordedResource r : open.stream().filter(RecordedResource::confirmed).toList()) {
            Row row = deleteRecorded(header, kind, endpoint, r);
            rows.add(row);
            failed |= row.outcome() == Outcome.FAILED;
            if (force && row.outcome() != Outcome.FAILED) {
                journal.get().outcome(r.seq(), new TeardownRecord(r.type(), r.id(),
                        TeardownRecord.Outcome.valueOf(row.outcome().name()), row.detail(Lang.EN), 0));
            }
        }
        List<RecordedResource> unconfirmed = open.stream().filter(r -> !r.confirmed()).toList();
        if (!unconfirmed.isEmpty()) {
            Set<ResourceKind> kinds = new LinkedHashSet<>();
            Set<String> regions = new LinkedHashSet<>();
            unconfirmed.forEach(r -> {
                ResourceKinds.forType(r.type()).ifPresent(kinds::add);
                regions.add(r.region() == null ? header.region() : r.region());
            });
            Set<String> known = new HashSet<>();
            run.resources().stream().filter(RecordedResource::confirmed)
                    .forEach(r -> ResourceKinds.forType(r.type()).ifPresent(k -> known.add(key(k, r.id()))));
            int before = rows.size();
            Set<String> sweepRegions = new LinkedHashSet<>();
            regions.forEach(region -> sweepRegions.addAll(regionsOf(region)));
            sweepRun(header.runId(), kind, endpoint, sweepRegions, header.profile(), kinds, known, header.account());
            List<Row> found = List.copyOf(rows.subList(before, rows.size()));
            boolean sweepFailed = found.stream().anyMatch(row -> row.outcome() == Outcome.FAILED);
            failed |= sweepFailed;
            for (RecordedResource r : unconfirmed) {
                Said detail = r.createFailure() == null ? CleanupWords.phrase("detail.neverReturnedRunStopped", found.size())
                        : CleanupWords.phrase("detail.neverReturned", r.createFailure(), found.size());
                Outcome outcome = !force ? Outcome.UNCONFIRMED : sweepFailed ? Outcome.FAILED : Outcome.ALREADY_GONE;
                rows.add(before, new Row(header.runId(), r.lab(), r.type(), UNKNOWN_ID, "journal", outcome, detail));
                if (force && !sweepFailed) {
                    journal.get().outcome(r.seq(), new TeardownRecord(r.type(), null,
                            TeardownRecord.Outcome.ALREADY_GONE, detail.in(Lang.EN), 0));
                }
            }
        }
        journal.ifPresent(j -> {
            if (j.finish()) {
                notes.add(CleanupWords.phrase(JOURNAL_KEPT, j.file(), header.runId()));
            }
        });
        if (!force && open.isEmpty()) {
            notes.add(CleanupWords.phrase("note.nothingLeft", header.runId()));
        }
        if (failed && force) {
            notes.add(CleanupWords.phrase("note.rerun", header.runId()));
        }
    }

    private Optional<RunJournal> resume(RecordedRun run) {
        try {
            Optional<RunJournal> journal = RunJournal.resume(run.file());
            if (journal.isEmpty()) {
                notes.add(CleanupWords.phrase("note.startedAgain", run.header().runId()));
            }
            return journal;
        } catch (IOException e) {
            notes.add(CleanupWords.phrase("note.cannotOpen", run.file(), e.getMessage()));
            return Optional.empty();
        }
    }

    private Row deleteRecorded(RecordedRun.Header header, TargetKind kind, URI endpoint, RecordedResource r) {
        String region = r.region() == null ? header.region() : r.region();
        Optional<ResourceKind> deleter = ResourceKinds.forType(r.type());
        if (deleter.isEmpty()) {
            return row(header.runId(), r.lab(), r.type(), r.id(), "journal", Outcome.FAILED,
                    CleanupWords.phrase("detail.unknownType", r.type(),
                            String.join(", ", ResourceKinds.ALL.stream().map(ResourceKind::type).toList())));
        }
        Target target;
        try {
            target = target(kind, endpoint, region, header.profile(), header.account());
        } catch (Unreachable e) {
            return row(header.runId(), r.lab(), r.type(), r.id(), "journal", Outcome.FAILED, e.said);
        }
        if (!force) {
            return row(header.runId(), r.lab(), r.type(), r.id(), "journal", Outcome.WOULD_DELETE, previous(r));
        }
        return deleteNow(header.runId(), r.lab(), r.type(), r.id(), "journal", deleter.get(), target);
    }

    private static Said previous(RecordedResource r) {
        return r.outcome() == null ? null : r.message() == null ? CleanupWords.phrase("detail.lastAttempt", r.outcome())
                : CleanupWords.phrase("detail.lastAttemptBecause", r.outcome(), r.message());
    }

    private Row deleteNow(String runId, String lab, String type, String id, String source, ResourceKind kind,
                          Target target) {
        Teardown env = new Teardown(target, runId, wait, progress);
        TeardownRecord record = ResourceLedger.attempt(new ResourceLedger.Entry(type, id, () -> kind.delete(env, id)));
        return row(runId, lab, type, id, source, Outcome.valueOf(record.outcome().name()),
                record.detail() == null ? null : lang -> ReportText.teardownDetail(record, lang));
    }

    /**
     * Finds a run's resources by tag (in each region) and by listing (for the given kinds), leaves
     * out the ones already known and the ones already gone, and deletes or lists the rest in
     * dependency order.
     */
    private void sweepRun(String runId, TargetKind kind, URI endpoint, Set<String> regions, String profile,
                          Set<ResourceKind> kinds, Set<String> known, String account) {
        Map<String, Found> found = new LinkedHashMap<>();
        for (String region : regions) {
            Target target;
            try {
                target = target(kind, endpoint, region, profile, account);
            } catch (Unreachable e) {
                rows.add(row(runId, null, TAG_SWEEP, region, "tag", Outcome.FAILED, e.said));
                continue;
            }
            try {
                for (TagSweep.Tagged tagged : TagSweep.ofRun(target, runId)) {
                    add(found, known, runId, tagged, target);
                }
            } catch (RuntimeException e) {
                rows.add(row(runId, null, TAG_SWEEP, region, "tag", Outcome.FAILED,
                        CleanupWords.phrase("detail.getResourcesFailed", describe(e))));
            }
        }
        String home = regions.iterator().next();
        findByListing(RunMatcher.of(runId), kinds, kind, endpoint, home, profile, account, found);
        found.keySet().removeAll(known);
        deleteFound(found.values());
    }

    /** Lists each kind's resources of the matched runs: what the tag sweep cannot see. */
    private void findByListing(RunMatcher runs, Set<ResourceKind> kinds, TargetKind kind, URI endpoint, String region,
                               String profile, String account, Map<String, Found> found) {
        for (ResourceKind resourceKind : ResourceKinds.ALL) {
            if (!kinds.contains(resourceKind)) {
                continue;
            }
            try {
                Target target = target(kind, endpoint, region, profile, account);
                for (ResourceKind.Found f : resourceKind.find(target, runs)) {
                    found.putIfAbsent(key(resourceKind, f.id()), new Found(f.runId(), null, resourceKind, f.id(), "name", target));
                }
            } catch (Unreachable e) {
                rows.add(row(null, null, resourceKind.type(), SEARCH_BY_NAME, "name", Outcome.FAILED, e.said));
            } catch (AwsServiceException e) {
                // a target without this API (moto has no origin access identities) holds none of them
                if (UnsupportedApi.reason(resourceKind.type(), e).isEmpty()) {
                    rows.add(row(null, null, resourceKind.type(), SEARCH_BY_NAME, "name", Outcome.FAILED,
                            CleanupWords.phrase("detail.cannotListByName", describe(e))));
                }
            } catch (Exception e) {
                rows.add(row(null, null, resourceKind.type(), SEARCH_BY_NAME, "name", Outcome.FAILED,
                        CleanupWords.phrase("detail.cannotListByName", describe(e))));
            }
        }
    }

    /**
     * Every run's leftovers on the sweep target: tagged ones (their age is their expires-at tag
     * minus the run lifetime) and, by name, the kinds the tagging API cannot list. A run found only
     * by name has no known age: {@code --all} takes it, {@code --older-than} takes it when the same
     * run's tagged resources are old enough, and otherwise says so.
     */
    private void sweepOrphans(Selection selection, Set<String> journaled) {
        Map<String, Found> found = new LinkedHashMap<>();
        Map<String, Instant> startOfRun = new LinkedHashMap<>();
        for (String region : regionsOf(sweepTarget.region())) {
            Target target;
            try {
                target = target(sweepTarget.kind(), sweepTarget.endpoint(), region, sweepTarget.profile(), null);
            } catch (Unreachable e) {
                rows.add(row(null, null, TAG_SWEEP, region, "tag", Outcome.FAILED, e.said));
                continue;
            }
            try {
                for (TagSweep.Tagged tagged : TagSweep.ofAllRuns(target)) {
                    Instant start = startOf(tagged);
                    if (start != null) {
                        startOfRun.merge(tagged.runId(), start, (a, b) -> a.isBefore(b) ? a : b);
                    }
                    if (journaled.contains(tagged.runId()) || !selection.selects(tagged.runId(), start, now)) {
                        continue;
                    }
                    add(found, Set.of(), tagged.runId(), tagged, target);
                }
            } catch (RuntimeException e) {
                rows.add(row(null, null, TAG_SWEEP, region, "tag", Outcome.FAILED,
                        CleanupWords.phrase("detail.getResourcesFailed", describe(e))));
            }
        }
        Map<String, Found> byName = new LinkedHashMap<>();
        findByListing(RunMatcher.anyRunOf(new LabCatalog().ids()), Set.copyOf(ResourceKinds.ALL), sweepTarget.kind(),
                sweepTarget.endpoint(), sweepTarget.region(), sweepTarget.profile(), null, byName);
        Set<String> ageUnknown = new LinkedHashSet<>();
        byName.forEach((key, f) -> {
            if (journaled.contains(f.runId())) {
                return;
            }
            Instant start = startOfRun.get(f.runId());
            if (start == null && !selection.all() && !selection.runIds().contains(f.runId())) {
                ageUnknown.add(f.runId());
                return;
            }
            if (selection.selects(f.runId(), start, now)) {
                found.putIfAbsent(key, f);
            }
        });
        ageUnknown.forEach(runId -> notes.add(CleanupWords.phrase("note.ageUnknown", runId)));
        deleteFound(found.values());
    }

    /** A run's start, from its expires-at tag (start + run lifetime); null when the tag is missing or malformed. */
    private Instant startOf(TagSweep.Tagged tagged) {
        try {
            String expires = tagged.tags().get(TagSweep.EXPIRES_AT_TAG);
            return expires == null ? null : Instant.parse(expires).minus(runLifetime);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private record Found(String runId, String lab, ResourceKind kind, String id, String source, Target target) { }

    private void add(Map<String, Found> found, Set<String> known, String runId, TagSweep.Tagged tagged, Target target) {
        Optional<ResourceKind> kind = ResourceKinds.forArn(tagged.arn());
        String lab = tagged.tags().get("labs:lab");
        if (kind.isEmpty()) {
            rows.add(row(runId, lab, UNKNOWN_ID, tagged.arn(), "tag", Outcome.FAILED,
                    CleanupWords.phrase("detail.unknownTaggedType")));
            return;
        }
        String key = key(kind.get(), tagged.arn());
        if (!known.contains(key)) {
            found.putIfAbsent(key, new Found(runId, lab, kind.get(), tagged.arn(), "tag", target));
        }
    }

    private void deleteFound(java.util.Collection<Found> found) {
        List<Found> ordered = new ArrayList<>(found);
        ordered.sort(Comparator.comparingInt(f -> ResourceKinds.ALL.indexOf(f.kind())));
        for (Found f : ordered) {
            try {
                if (f.kind().isGone(f.target(), f.id())) {
                    continue;
                }
            } catch (Exception e) {
                if (!Gone.isNotFound(e)) {
                    rows.add(row(f.runId(), f.lab(), f.kind().type(), f.id(), f.source(), Outcome.FAILED,
                            CleanupWords.phrase("detail.cannotTellGone", describe(e))));
                }
                continue;
            }
            rows.add(force ? deleteNow(f.runId(), f.lab(), f.kind().type(), f.id(), f.source(), f.kind(), f.target())
                    : row(f.runId(), f.lab(), f.kind().type(), f.id(), f.source(), Outcome.WOULD_DELETE, null));
        }
    }

    private static String key(ResourceKind kind, String idOrArn) {
        return kind.type() + " " + kind.canonicalId(idOrArn);
    }

    private static Set<String> regionsOf(String region) {
        Set<String> regions = new LinkedHashSet<>();
        regions.add(region);
        regions.add(GLOBAL_REGION);
        return regions;
    }

    /** A target for a journal's or the sweep's place; an emulator that went away is reported, not fatal. */
    private Target target(TargetKind kind, URI endpoint, String region, String profile, String account) {
        String cacheKey = kind + " " + endpoint + " " + region + " " + profile;
        Target target = opened.get(cacheKey);
        if (target == null) {
            try {
                target = opener.open(kind, endpoint, region, profile);
            } catch (EnvironmentException e) {
                if (kind == TargetKind.AWS) {
                    throw e;
                }
                throw new Unreachable(CleanupWords.phrase("detail.emulatorGone", (Said) e::message));
            }
            opened.put(cacheKey, target);
        }
        if (account != null && kind == TargetKind.AWS && !account.equals(target.accountId())) {
            throw new Unreachable(CleanupWords.phrase("detail.otherAccount", account, target.accountId()));
        }
        return target;
    }

    /** Why a journal's place cannot be reached, in either language; the message is the English. */
    private static final class Unreachable extends RuntimeException {
        private final transient Said said;

        Unreachable(Said said) {
            super(said.in(Lang.EN), null, false, false);
            this.said = said;
        }
    }

    private static Row row(String runId, String lab, String type, String id, String source, Outcome outcome, Said detail) {
        return new Row(runId, lab, type, id, source, outcome, detail);
    }

    private static String describe(Throwable e) {
        return Proof.describe(e);
    }

    @Override
    public void close() {
        opened.values().forEach(Target::close);
        opened.clear();
    }
}
