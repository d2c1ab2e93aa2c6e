package io.awslabs.cleanup;

import io.awslabs.lab.LabCatalog;
import io.awslabs.lab.Proof;
import io.awslabs.lab.RecordedRun;
import io.awslabs.lab.RecordedRun.RecordedResource;
import io.awslabs.lab.ResourceLedger;
import io.awslabs.lab.RunJournal;
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

    /** One line of the cleanup table; {@code source} says how it was found: journal, tag or name. */
    public record Row(String runId, String lab, String type, String id, String source, Outcome outcome, String detail) { }

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

    public record Result(List<Row> rows, List<String> notes) {
        public boolean anyFailed() {
            return rows.stream().anyMatch(r -> r.outcome() == Outcome.FAILED);
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
    private final List<String> notes = new ArrayList<>();

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
    public static List<JournalStatus> journals(Path dir, List<String> notes) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<JournalStatus> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".jsonl")).sorted().toList()) {
                try {
                    found.add(new JournalStatus(RecordedRun.read(file), RunJournal.inProgress(file)));
                } catch (IOException | RuntimeException e) {
                    notes.add("cannot read " + file + ": " + e.getMessage());
                }
            }
        } catch (IOException e) {
            notes.add("cannot list " + dir + ": " + e.getMessage());
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
                notes.add("run " + runId + " is still in progress (its journal is locked); left alone");
                continue;
            }
            cleanJournal(journal.run());
        }
        for (String runId : selection.runIds()) {
            if (!journaled.contains(runId)) {
                notes.add("run " + runId + " has no journal in " + journalDir + ": searching by tag and name on "
                        + describe(sweepTarget));
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
                        TeardownRecord.Outcome.valueOf(row.outcome().name()), row.detail(), 0));
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
                String detail = "the create call never returned (" + (r.createFailure() == null ? "run stopped"
                        : r.createFailure()) + "); searched by tag and by name: " + found.size() + " found";
                Outcome outcome = !force ? Outcome.UNCONFIRMED : sweepFailed ? Outcome.FAILED : Outcome.ALREADY_GONE;
                rows.add(before, new Row(header.runId(), r.lab(), r.type(), "(unknown)", "journal", outcome, detail));
                if (force && !sweepFailed) {
                    journal.get().outcome(r.seq(), new TeardownRecord(r.type(), null,
                            TeardownRecord.Outcome.ALREADY_GONE, detail, 0));
                }
            }
        }
        journal.ifPresent(j -> {
            if (j.finish()) {
                notes.add("journal " + j.file() + " kept: something of run " + header.runId() + " may still exist");
            }
        });
        if (!force && open.isEmpty()) {
            notes.add("run " + header.runId() + ": its journal records nothing left");
        }
        if (failed && force) {
            notes.add("run " + header.runId() + ": rerun labs cleanup --run-id " + header.runId() + " --force after fixing the failures above");
        }
    }

    private Optional<RunJournal> resume(RecordedRun run) {
        try {
            Optional<RunJournal> journal = RunJournal.resume(run.file());
            if (journal.isEmpty()) {
                notes.add("run " + run.header().runId() + " started again meanwhile (journal locked); left alone");
            }
            return journal;
        } catch (IOException e) {
            notes.add("cannot open " + run.file() + " to record outcomes: " + e.getMessage());
            return Optional.empty();
        }
    }

    private Row deleteRecorded(RecordedRun.Header header, TargetKind kind, URI endpoint, RecordedResource r) {
        String region = r.region() == null ? header.region() : r.region();
        Optional<ResourceKind> deleter = ResourceKinds.forType(r.type());
        if (deleter.isEmpty()) {
            return row(header.runId(), r.lab(), r.type(), r.id(), "journal", Outcome.FAILED,
                    "labs cleanup does not know the resource type '" + r.type() + "'; delete it by hand (known types: "
                            + String.join(", ", ResourceKinds.ALL.stream().map(ResourceKind::type).toList()) + ")");
        }
        Target target;
        try {
            target = target(kind, endpoint, region, header.profile(), header.account());
        } catch (Unreachable e) {
            return row(header.runId(), r.lab(), r.type(), r.id(), "journal", Outcome.FAILED, e.getMessage());
        }
        if (!force) {
            return row(header.runId(), r.lab(), r.type(), r.id(), "journal", Outcome.WOULD_DELETE, previous(r));
        }
        return deleteNow(header.runId(), r.lab(), r.type(), r.id(), "journal", deleter.get(), target);
    }

    private static String previous(RecordedResource r) {
        return r.outcome() == null ? null : "last attempt: " + r.outcome() + (r.message() == null ? "" : " (" + r.message() + ")");
    }

    private Row deleteNow(String runId, String lab, String type, String id, String source, ResourceKind kind,
                          Target target) {
        Teardown env = new Teardown(target, runId, wait, progress);
        TeardownRecord record = ResourceLedger.attempt(new ResourceLedger.Entry(type, id, () -> kind.delete(env, id)));
        return row(runId, lab, type, id, source, Outcome.valueOf(record.outcome().name()), record.detail());
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
                rows.add(row(runId, null, "tag sweep", region, "tag", Outcome.FAILED, e.getMessage()));
                continue;
            }
            try {
                for (TagSweep.Tagged tagged : TagSweep.ofRun(target, runId)) {
                    add(found, known, runId, tagged, target);
                }
            } catch (RuntimeException e) {
                rows.add(row(runId, null, "tag sweep", region, "tag", Outcome.FAILED, "GetResources failed: " + describe(e)));
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
                rows.add(row(null, null, resourceKind.type(), "(search by name)", "name", Outcome.FAILED, e.getMessage()));
            } catch (AwsServiceException e) {
                // a target without this API (moto has no origin access identities) holds none of them
                if (UnsupportedApi.reason(resourceKind.type(), e).isEmpty()) {
                    rows.add(row(null, null, resourceKind.type(), "(search by name)", "name", Outcome.FAILED,
                            "cannot list by name: " + describe(e)));
                }
            } catch (Exception e) {
                rows.add(row(null, null, resourceKind.type(), "(search by name)", "name", Outcome.FAILED,
                        "cannot list by name: " + describe(e)));
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
                rows.add(row(null, null, "tag sweep", region, "tag", Outcome.FAILED, e.getMessage()));
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
                rows.add(row(null, null, "tag sweep", region, "tag", Outcome.FAILED, "GetResources failed: " + describe(e)));
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
        ageUnknown.forEach(runId -> notes.add("run " + runId + " left resources that only their name finds, so their "
                + "age is unknown; 'labs cleanup --run-id " + runId + "' deals with them"));
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
            rows.add(row(runId, lab, "(unknown)", tagged.arn(), "tag", Outcome.FAILED,
                    "labs cleanup does not know this resource type; delete it by hand"));
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
                            "cannot tell whether it is already gone: " + describe(e)));
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
                throw new Unreachable(e.getMessage() + "; if that emulator is gone, so is what it held: "
                        + "delete the journal by hand");
            }
            opened.put(cacheKey, target);
        }
        if (account != null && kind == TargetKind.AWS && !account.equals(target.accountId())) {
            throw new Unreachable("this run used account " + account + " but the credentials are for "
                    + target.accountId() + "; rerun with --profile for " + account);
        }
        return target;
    }

    private static final class Unreachable extends RuntimeException {
        Unreachable(String message) {
            super(message, null, false, false);
        }
    }

    private static Row row(String runId, String lab, String type, String id, String source, Outcome outcome, String detail) {
        return new Row(runId, lab, type, id, source, outcome, detail);
    }

    private static String describe(Throwable e) {
        return Proof.describe(e);
    }

    private static String describe(SweepTarget t) {
        return t.kind().id() + (t.endpoint() == null ? "" : " " + t.endpoint()) + " in " + t.region();
    }

    @Override
    public void close() {
        opened.values().forEach(Target::close);
        opened.clear();
    }
}
