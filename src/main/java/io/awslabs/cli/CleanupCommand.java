package io.awslabs.cli;

import io.awslabs.cleanup.Cleanup;
import io.awslabs.cleanup.Cleanup.Outcome;
import io.awslabs.cleanup.Cleanup.Row;
import io.awslabs.lab.RecordedRun;
import io.awslabs.lab.RunJournal;
import io.awslabs.lab.RunOptions;
import io.awslabs.lab.StateDirs;
import io.awslabs.targets.AwsTarget;
import io.awslabs.targets.TargetKind;
import io.awslabs.targets.Targets;
import io.awslabs.text.Columns;
import io.awslabs.text.Lang;
import io.awslabs.text.Messages;
import io.awslabs.text.Said;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "cleanup",
        defaultValueProvider = TargetOptions.AwsByDefault.class,
        description = {"Find and delete what interrupted runs left behind, aws-nuke style: a dry run unless --force.",
                "Replays the run journals in the state directory ($LABS_STATE_DIR, else $XDG_STATE_HOME/aws-labs, "
                        + "else ~/.local/state/aws-labs), and searches by the labs:run-id tag (Resource Groups "
                        + "Tagging API) and by name where a journal is lost or a create never returned.",
                "A run with a journal is cleaned where it ran. --target (aws or endpoint) and --region say where to "
                        + "search for runs that have none here; us-east-1, home of global services, is always searched too.",
                "Without --run-id, --all or --older-than: lists the runs whose journal records leftovers."},
        footer = {"%nExamples:",
                "  labs cleanup                                  # runs with leftovers",
                "  labs cleanup --run-id k3x9q2ab                # what it would delete",
                "  labs cleanup --run-id k3x9q2ab --force        # delete it",
                "  labs cleanup --older-than 2h --force --profile sandbox --account 123456789012",
                "%nExit codes:",
                "  0  done (or a dry run)",
                "  2  usage error",
                "  3  environment error, or the aws guard refused",
                "  4  something could not be deleted"})
final class CleanupCommand implements Callable<Integer> {
    private static final String RUN_ID = "[a-z][a-z0-9]{7}";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.ParentCommand
    LabsCommand root;

    @Option(names = "--run-id", paramLabel = "ID", description = "A run to clean up (repeatable).")
    List<String> runIds = new ArrayList<>();

    @Option(names = "--all", description = "Every run with a journal, and every resource tagged labs:run-id on the target "
            + "(runs in progress on other machines included: prefer --older-than).")
    boolean all;

    @Option(names = "--older-than", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Runs started longer ago than this (30m, 2h, 7d); for resources found by tag only, the start "
                    + "is their labs:expires-at tag minus the 2 h run lifetime.")
    Duration olderThan;

    @Option(names = "--force", description = "Delete; without it, only show what would be deleted.")
    boolean force;

    @Mixin
    TargetOptions target;

    @Override
    public Integer call() {
        for (String id : runIds) {
            if (!id.matches(RUN_ID)) {
                throw new UsageException(new ErrorText("notARunId", id));
            }
        }
        if (all && !runIds.isEmpty()) {
            throw new UsageException(new ErrorText("runIdsAndAll"));
        }
        TargetKind kind = parseTarget();
        AwsTarget.Options aws = target.aws();
        URI endpointUrl = target.endpoint(kind);
        String profile = target.profile;
        ConsoleProgress progress = new ConsoleProgress(System.err, Terminal.detect(), root.lang());
        Path dir = StateDirs.journals();
        if (runIds.isEmpty() && !all && olderThan == null) {
            return list(dir);
        }
        Cleanup.Selection selection = new Cleanup.Selection(new LinkedHashSet<>(runIds), all, olderThan);
        Cleanup.TargetOpener opener = (k, endpoint, r, journalProfile) -> Targets.open(
                new Targets.Request(k, endpoint, r, root.verbose),
                new AwsTarget.Options(profile != null ? profile : journalProfile, aws.accounts(), aws.allowProdAlias()),
                msg -> progress.info(null, msg));
        Cleanup.SweepTarget sweep = new Cleanup.SweepTarget(kind, endpointUrl, sweepRegion(kind, selection, dir, profile), profile);
        Cleanup.Result result;
        try (Cleanup cleanup = new Cleanup(dir, opener, sweep, RunOptions.DEFAULT_LIFETIME, force)) {
            result = cleanup.run(selection);
        }
        print(result);
        return result.anyFailed() ? ExitCodes.TEARDOWN_INCOMPLETE : ExitCodes.OK;
    }

    /**
     * Only aws and an endpoint outlive a command. The aws options are not refused with --target
     * endpoint here: a journal recorded on aws is replayed in its account whatever --target says.
     */
    private TargetKind parseTarget() {
        TargetKind kind = target.kind("cleanup");
        target.refuseEndpointUrlUnless(kind);
        if (kind != TargetKind.AWS && kind != TargetKind.ENDPOINT) {
            throw new UsageException(new ErrorText("cleanupOnEmulator", kind.id()));
        }
        return kind;
    }

    /** Resolved only when something will be searched by tag: a journal-only cleanup needs no region here. */
    private String sweepRegion(TargetKind kind, Cleanup.Selection selection, Path dir, String profile) {
        String region = target.region;
        boolean sweeps = selection.sweepsOrphans()
                || selection.runIds().stream().anyMatch(id -> !Files.exists(RunJournal.fileOf(dir, id)));
        if (!sweeps) {
            return region;
        }
        return kind == TargetKind.AWS ? AwsTarget.resolveRegion(region, profile) : region != null ? region : "us-east-1";
    }

    private int list(Path dir) {
        PrintWriter out = spec.commandLine().getOut();
        Lang lang = root.lang();
        Messages say = Messages.of(CleanupCommand.class, lang);
        List<Said> notes = new ArrayList<>();
        List<Cleanup.JournalStatus> journals = Cleanup.journals(dir, notes).stream()
                .filter(j -> !j.run().open().isEmpty()).toList();
        if (journals.isEmpty()) {
            out.println(say.get("cleanup.noJournal", dir));
        } else {
            List<List<String>> table = new ArrayList<>();
            table.add(List.of(say.get("cleanup.col.run"), say.get("cleanup.col.started"), say.get("cleanup.col.target"),
                    say.get("cleanup.col.region"), say.get("cleanup.col.left"), say.get("cleanup.col.labs")));
            for (Cleanup.JournalStatus j : journals) {
                RecordedRun.Header h = j.run().header();
                String where = h.target() + " " + (h.account() != null && "aws".equals(h.target()) ? h.account()
                        : h.endpoint() == null ? "" : h.endpoint());
                table.add(List.of(h.runId(), h.startedAt().truncatedTo(ChronoUnit.SECONDS).toString(), where.trim(),
                        String.valueOf(h.region()), j.inProgress() ? say.get("cleanup.inProgress", j.run().open().size())
                                : String.valueOf(j.run().open().size()),
                        String.join(", ", h.labs())));
            }
            printTable(out, table);
            out.println();
            out.println(say.get("cleanup.howTo"));
        }
        notes.forEach(n -> out.println(say.get("cleanup.note", n.in(lang))));
        out.flush();
        return ExitCodes.OK;
    }

    private void print(Cleanup.Result result) {
        PrintWriter out = spec.commandLine().getOut();
        Lang lang = root.lang();
        Messages say = Messages.of(CleanupCommand.class, lang);
        if (result.rows().isEmpty()) {
            out.println(say.get("cleanup.nothing"));
        } else {
            List<List<String>> table = new ArrayList<>();
            table.add(List.of(say.get("cleanup.col.run"), say.get("cleanup.col.lab"), say.get("cleanup.col.type"),
                    say.get("cleanup.col.id"), say.get("cleanup.col.foundBy"),
                    say.get(force ? "cleanup.col.outcome" : "cleanup.col.would"), say.get("cleanup.col.detail")));
            Function<String, String> dash = v -> v == null ? "-" : v;
            for (Row r : result.rows()) {
                table.add(List.of(dash.apply(r.runId()), dash.apply(r.lab()), cell(say, r.type()), cell(say, r.id()),
                        say.get("cleanup.source." + r.source()),
                        say.get("cleanup.outcome." + r.outcome().name()), r.detail() == null ? "" : r.detail(lang)));
            }
            printTable(out, table);
        }
        out.println();
        result.notes().forEach(n -> out.println(say.get("cleanup.note", n.in(lang))));
        Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
        result.rows().forEach(r -> counts.merge(r.outcome(), 1, Integer::sum));
        if (force) {
            out.println(say.get("cleanup.summary", counts.getOrDefault(Outcome.DELETED, 0),
                    counts.getOrDefault(Outcome.SCHEDULED, 0), counts.getOrDefault(Outcome.ALREADY_GONE, 0),
                    counts.getOrDefault(Outcome.FAILED, 0)));
        } else {
            out.println(say.get("cleanup.dryRun", counts.getOrDefault(Outcome.WOULD_DELETE, 0),
                    counts.getOrDefault(Outcome.UNCONFIRMED, 0), counts.getOrDefault(Outcome.FAILED, 0)));
        }
        out.flush();
    }

    /** Columns padded to their widest cell, as a terminal counts it (a Chinese character takes two); the last is left unpadded. */
    /** The cells Cleanup fills with a placeholder rather than a resource, in the reader's language; the rest as found. */
    private static String cell(Messages say, String value) {
        return switch (value) {
            case Cleanup.TAG_SWEEP -> say.get("cleanup.cell.tagSweep");
            case Cleanup.SEARCH_BY_NAME -> say.get("cleanup.cell.searchByName");
            case Cleanup.UNKNOWN_ID -> say.get("cleanup.cell.unknown");
            default -> value;
        };
    }

    private static void printTable(PrintWriter out, List<List<String>> table) {
        int columns = table.get(0).size();
        int[] widths = new int[columns];
        for (List<String> row : table) {
            for (int c = 0; c < columns - 1; c++) {
                widths[c] = Math.max(widths[c], Columns.of(row.get(c)));
            }
        }
        for (List<String> row : table) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < columns; c++) {
                line.append(c < columns - 1 ? Columns.pad(row.get(c), widths[c]) + "  " : row.get(c));
            }
            out.println(line.toString().stripTrailing());
        }
    }
}
