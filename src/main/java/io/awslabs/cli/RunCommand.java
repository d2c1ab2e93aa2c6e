package io.awslabs.cli;

import io.awslabs.lab.ExitGuard;
import io.awslabs.lab.Lab;
import io.awslabs.lab.LabRunner;
import io.awslabs.lab.LedgerJournal;
import io.awslabs.lab.OptionCheck;
import io.awslabs.lab.RecordedRun;
import io.awslabs.lab.RunIds;
import io.awslabs.lab.RunJournal;
import io.awslabs.lab.RunOptions;
import io.awslabs.lab.StateDirs;
import io.awslabs.report.LabReport;
import io.awslabs.report.ReportFiles;
import io.awslabs.report.ReportFormat;
import io.awslabs.report.ReportJson;
import io.awslabs.report.RunReport;
import io.awslabs.report.TeardownRecord;
import io.awslabs.targets.AccountGuard;
import io.awslabs.targets.AwsTarget;
import io.awslabs.targets.EnvironmentException;
import io.awslabs.targets.Target;
import io.awslabs.targets.TargetKind;
import io.awslabs.targets.Targets;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "run", description = "Run labs: provision, verify, write a report, tear down.",
        footer = {"%nExamples:",
                "  labs run kms-envelope-encryption",
                "  labs run --all --report-dir /tmp/reports",
                "  labs run --all --report-format html,junit,md",
                "  labs run --all --target endpoint --endpoint-url http://127.0.0.1:5000",
                "  labs run --all --target localstack          # LocalStack 4.14.0: Docker, else a host process",
                "  labs run kms-envelope-encryption --target aws --profile sandbox --account 123456789012",
                ExitCodes.HELP_FOOTER})
final class RunCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.ParentCommand
    LabsCommand root;

    @Parameters(paramLabel = "LAB", arity = "0..*", description = "Lab ids (see 'labs list').")
    List<String> labIds = new ArrayList<>();

    @Option(names = "--all", description = "Run every lab.")
    boolean all;

    @Option(names = "--target", defaultValue = "moto", paramLabel = "KIND",
            description = "moto (default: started for you), localstack (4.14.0, started for you), "
                    + "endpoint (an emulator already running), aws.")
    String target;

    @Option(names = "--endpoint-url", paramLabel = "URL",
            description = "Emulator endpoint for --target endpoint (default: $AWS_ENDPOINT_URL).")
    URI endpointUrl;

    @Option(names = "--localstack-image", paramLabel = "IMAGE",
            description = "LocalStack image for --target localstack (default: " + io.awslabs.targets.LocalStack.IMAGE
                    + "; needs Docker; newer tags need LOCALSTACK_AUTH_TOKEN).")
    String localstackImage;

    @Option(names = "--region", paramLabel = "REGION",
            description = "AWS region (default: us-east-1 on emulators; on aws, AWS_REGION or the profile's region).")
    String region;

    @Option(names = "--profile", paramLabel = "NAME",
            description = "aws: the named profile for credentials and region (default: the SDK's default chain).")
    String profile;

    @Option(names = "--account", paramLabel = "ID",
            description = "aws: an account id allowed to be used (repeatable); the config file can list them too.")
    List<String> accounts = new ArrayList<>();

    @Option(names = AccountGuard.ALLOW_PROD_ALIAS_FLAG,
            description = "aws: run even though the account alias contains \"prod\" (refused otherwise).")
    boolean allowProdAlias;

    @Option(names = "--yes", description = "aws: proceed after the plan without asking (needed when stdin is not a terminal).")
    boolean yes;

    @Option(names = "--report-dir", defaultValue = "reports", paramLabel = "DIR",
            description = "Where the report files go (default: ${DEFAULT-VALUE}).")
    Path reportDir;

    @Option(names = "--report-format", split = ",", paramLabel = "FORMAT", converter = FormatConverter.class,
            description = "Also write these next to the JSON report (always written): html (one self-contained page), "
                    + "junit (JUnit XML for CI), md (Markdown for notes).")
    List<ReportFormat> reportFormats = new ArrayList<>();

    @Option(names = "--keep", description = "Skip teardown and list what was left, to inspect it.")
    boolean keep;

    @Option(names = "--option", paramLabel = "KEY=VALUE", description = "A lab option, e.g. --option domain=example.com.")
    Map<String, String> labOptions = new LinkedHashMap<>();

    @Override
    public Integer call() {
        TargetKind kind = parseTarget();
        List<Lab> labs = new LabResolver().resolve(labIds, all);
        OptionCheck.of(labs.stream().map(Lab::info).toList(), kind, labOptions).ifPresent(refusal -> {
            throw new UsageException(refusal.problem(), refusal.fix());
        });
        AwsTarget.Options aws = AccountIds.awsOptions(profile, accounts, allowProdAlias);
        Terminal terminal = Terminal.detect();
        ConsoleProgress progress = new ConsoleProgress(System.err, terminal);
        String runId = RunIds.next();
        progress.info(null, "run " + runId + ": " + labs.size() + " lab(s) on " + kind.id());
        RunOptions options = new RunOptions(keep, RunOptions.DEFAULT_LIFETIME, Map.copyOf(labOptions), root.jvmStartMs());
        // an emulator started for this run takes its resources with it when it stops
        boolean journaled = kind != TargetKind.MOTO && kind != TargetKind.LOCALSTACK;
        try (Target opened = Targets.open(new Targets.Request(kind, endpointUrl, regionFor(kind), root.verbose, localstackImage), aws,
                msg -> progress.info(null, msg));
             ExitGuard.Registration stopTarget = ExitGuard.onExit("stopping the " + kind.id() + " target", opened::close)) {
            if (opened instanceof AwsTarget account) {
                System.err.print(RunPlan.render(runId, account, labs, RunJournal.fileOf(StateDirs.journals(), runId)));
                System.err.flush();
                Confirmation.require(yes, account.accountId());
            }
            RunJournal journal = journaled ? startJournal(runId, opened, labs, progress) : null;
            SecondInterrupt.install(journaled
                    ? "labs: stopped at once, teardown unfinished; 'labs cleanup --run-id " + runId
                            + "' shows what run " + runId + " left, add --force to delete it"
                    : "labs: stopped at once; the embedded moto stops with this command and takes its resources with it");
            RunReport report;
            boolean journalKept;
            try (ExitGuard.Registration closeJournal = ExitGuard.onExit("closing the run journal",
                    () -> { if (journal != null) journal.finish(); })) {
                LabRunner runner = new LabRunner(opened, options, progress, runId, LabsCommand.Version.current(),
                        journal == null ? LedgerJournal.NONE : journal);
                try (ExitGuard.Registration partial = ExitGuard.onExit("writing the partial report",
                        () -> writeQuietly(runner.snapshot()))) {
                    report = runner.run(labs);
                }
                journalKept = journal != null && journal.finish();
            }
            Collection<Path> files = write(report);
            printSummary(report, files, terminal);
            if (journalKept) {
                spec.commandLine().getOut().printf("journal kept: %s; 'labs cleanup --run-id %s' shows what may be left%n",
                        journal.file(), runId);
                spec.commandLine().getOut().flush();
            }
            return exitCode(report);
        }
    }

    /** Emulators default to us-east-1; on aws, no --region means the SDK's region chain. */
    private String regionFor(TargetKind kind) {
        return region != null || kind == TargetKind.AWS ? region : "us-east-1";
    }

    private static RunJournal startJournal(String runId, Target target, List<Lab> labs, ConsoleProgress progress) {
        RecordedRun.Header header = new RecordedRun.Header(runId, Instant.now(), target.kind().id(),
                target.endpoint().map(Object::toString).orElse(null), target.region(), target.accountId(),
                target instanceof AwsTarget aws ? aws.profile() : null, labs.stream().map(l -> l.info().id()).toList());
        try {
            RunJournal journal = RunJournal.start(StateDirs.journals(), header);
            progress.info(null, "journal " + journal.file());
            return journal;
        } catch (IOException e) {
            throw new EnvironmentException("cannot write the run journal in " + StateDirs.journals() + ": " + e.getMessage(),
                    "make the directory writable, or set LABS_STATE_DIR to one that is", e);
        }
    }

    private TargetKind parseTarget() {
        try {
            return TargetKind.parse(target);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage(), "labs run --help lists the targets");
        }
    }

    private Collection<Path> write(RunReport report) {
        try {
            return ReportFiles.write(report, reportDir, Set.copyOf(reportFormats)).values();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report to " + reportDir, e);
        }
    }

    private void writeQuietly(RunReport report) {
        try {
            Path file = ReportJson.write(report, reportDir);
            System.err.println("labs: interrupted; partial report written to " + file);
        } catch (IOException e) {
            System.err.println("labs: interrupted; could not write the partial report: " + e.getMessage());
        }
    }

    private void printSummary(RunReport report, Collection<Path> files, Terminal terminal) {
        PrintWriter out = spec.commandLine().getOut();
        out.println();
        for (LabReport lab : report.labs()) {
            out.printf("%s  %s  (%.1f s)%n", terminal.status(lab.status()), lab.lab().id(), lab.durationMs() / 1000.0);
            lab.assertions().forEach(a -> out.printf("    %s  %s%s%n", terminal.status(a.status()), a.id(),
                    a.reason() != null ? ": " + a.reason() : ""));
            if (lab.skipReason() != null) {
                out.printf("    skipped: %s%n", lab.skipReason());
            }
            lab.notes().forEach(n -> out.printf("    note: %s%n", n));
            List<TeardownRecord> left = lab.teardown().stream().filter(t -> t.outcome().leftSomething()).toList();
            left.forEach(t -> out.printf("    LEFT BEHIND  %s %s (%s)%n", t.type(), t.id(), t.outcome()));
        }
        RunReport.Totals t = report.totals();
        out.printf("%n%d passed, %d failed, %d skipped, %d errors; teardown: %d failed, %d kept%n",
                t.pass(), t.fail(), t.skipped(), t.error(), t.teardownFailed(), t.kept());
        files.forEach(file -> out.printf("report: %s%n", file));
        if (keep) {
            out.println(startedForThisRun(report.target().kind())
                    ? "kept: the " + report.target().kind() + " emulator started for this command stopped with it, "
                            + "so the kept resources are gone with it; "
                            + "use --target endpoint with a long-running emulator to inspect them"
                    : "kept: the resources above are still there; 'labs cleanup --run-id " + report.runId()
                            + " --force' deletes them");
        }
        out.flush();
    }

    /** Rejects an unknown format while parsing, before any lab runs. */
    static final class FormatConverter implements CommandLine.ITypeConverter<ReportFormat> {
        @Override
        public ReportFormat convert(String value) {
            try {
                return ReportFormat.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    private static boolean startedForThisRun(String kind) {
        return kind.equals(TargetKind.MOTO.id()) || kind.equals(TargetKind.LOCALSTACK.id());
    }

    static int exitCode(RunReport report) {
        RunReport.Totals t = report.totals();
        if (t.teardownFailed() > 0 || t.kept() > 0) {
            return ExitCodes.TEARDOWN_INCOMPLETE;
        }
        if (t.fail() > 0 || t.error() > 0) {
            return ExitCodes.NOT_PROVEN;
        }
        return ExitCodes.OK;
    }
}
