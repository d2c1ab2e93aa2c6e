package io.awslabs.cli;

import io.awslabs.lab.ExitGuard;
import io.awslabs.lab.Lab;
import io.awslabs.lab.LabOptions;
import io.awslabs.lab.LabRunner;
import io.awslabs.lab.Progress;
import io.awslabs.lab.LedgerJournal;
import io.awslabs.lab.OptionCheck;
import io.awslabs.lab.RecordedRun;
import io.awslabs.lab.RunIds;
import io.awslabs.lab.RunJournal;
import io.awslabs.lab.RunOptions;
import io.awslabs.lab.StateDirs;
import io.awslabs.report.FidelityMatrix;
import io.awslabs.report.ReportFiles;
import io.awslabs.report.ReportFormat;
import io.awslabs.report.ReportJson;
import io.awslabs.report.RunReport;
import io.awslabs.report.Verdict;
import io.awslabs.targets.AwsTarget;
import io.awslabs.targets.BackgroundEmulator;
import io.awslabs.targets.EnvironmentException;
import io.awslabs.targets.Target;
import io.awslabs.targets.TargetKind;
import io.awslabs.targets.Targets;
import io.awslabs.text.Lang;
import io.awslabs.text.Messages;
import io.awslabs.text.Said;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "run", description = "Run labs: provision, verify, write a report, tear down.",
        defaultValueProvider = TargetOptions.MotoByDefault.class,
        footer = {"%nExamples:",
                "  labs run kms-envelope-encryption",
                "  labs run --all --report-dir /tmp/reports",
                "  labs run --all --report-format html,junit,md",
                "  labs run --all --target endpoint --endpoint-url http://127.0.0.1:5000",
                "  labs run --all --target localstack          # in Docker, else as a host process",
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

    @Mixin
    RunTargetOptions target;

    @Mixin
    ReportDirOption reports;

    @Option(names = "--report-format", split = ",", paramLabel = "FORMAT", converter = FormatConverter.class,
            description = "Also write these next to the JSON report (always written): html (one self-contained page), "
                    + "junit (JUnit XML for CI), md (Markdown for notes).")
    List<ReportFormat> reportFormats = new ArrayList<>();

    @Option(names = "--keep", description = "Skip teardown and list what was left, to inspect it.")
    boolean keep;

    @Option(names = "--option", paramLabel = "KEY=VALUE", description = "A lab option, e.g. --option domain=example.com.")
    Map<String, String> labOptions = new LinkedHashMap<>();

    @Option(names = "--parallel", paramLabel = "N",
            description = "How many labs run at once (default: 4 on an emulator, 1 on aws). A lab that needs the "
                    + "target to itself runs alone.")
    Integer parallel;

    @Option(names = "--step", description = "A guided run: pause after provisioning and after each assertion, say what "
            + "was proven and the AWS CLI commands to look at it by hand, and go on at Enter. Needs a terminal; "
            + "runs one lab at a time.")
    boolean step;

    @Override
    public Integer call() {
        RunTargetOptions.Checked where = target.check();
        AwsTarget.Options aws = target.aws();
        List<Lab> labs = new LabResolver().resolve(labIds, all);
        LabOptions.refusal(labs.stream().map(Lab::info).toList(), labOptions).ifPresent(why -> {
            throw new UsageException(new ErrorText("labOptions", why));
        });
        Terminal terminal = Terminal.detect();
        if (step && !terminal.interactive()) {
            throw new UsageException(new ErrorText("stepNeedsTerminal"));
        }
        Path reportDir = reports.requireWritable();
        TargetKind kind = where.kind();
        OptionCheck.of(labs.stream().map(Lab::info).toList(), kind, labOptions).ifPresent(refusal -> {
            throw new UsageException(new ErrorText("labOptionRefused", refusal.problem(), refusal.fix()));
        });
        int labsAtOnce = parallel != null ? parallel : step ? 1 : kind.labsAtOnce();
        if (labsAtOnce < 1) {
            throw new UsageException(new ErrorText("parallelTooFew", labsAtOnce));
        }
        if (step && labsAtOnce > 1) {
            throw new UsageException(new ErrorText("stepNotParallel", labsAtOnce));
        }
        Lang lang = root.lang();
        ConsoleProgress lines = new ConsoleProgress(System.err, terminal, lang).showingCommands(root.verbose);
        boolean live = terminal.interactive() && !root.verbose && !step && labsAtOnce > 1 && labs.size() > 1;
        LiveLabBars bars = live ? new LiveLabBars(System.err, labs.stream()
                .collect(Collectors.toMap(l -> l.info().id(), l -> l.info().assertions().size(), (a, b) -> a)), lang) : null;
        SteppingProgress stepping = step ? new SteppingProgress(lines, System.err,
                new java.io.BufferedReader(System.console().reader()), lang) : null;
        Progress progress = live ? bars : stepping != null ? stepping : lines;
        String runId = RunIds.next();
        ProgressWords say = new ProgressWords(lang);
        progress.info(null, Said.verbatim(labsAtOnce > 1 && labs.size() > 1
                ? say.get("run.startedParallel", runId, labs.size(), kind.id(), labsAtOnce)
                : say.get("run.started", runId, labs.size(), kind.id())));
        RunOptions options = new RunOptions(keep, RunOptions.DEFAULT_LIFETIME, Map.copyOf(labOptions), root.jvmStartMs(),
                labsAtOnce);
        // --keep on an emulator the tool starts keeps that emulator too, in the background, so the kept
        // resources can be looked at; an emulator started for this run alone takes them with it when it stops
        Optional<BackgroundEmulator> background = keep && startedForThisRun(kind)
                ? Optional.of(backgroundFor(kind, line -> progress.info(null, line))) : Optional.empty();
        boolean journaled = background.isPresent() || !startedForThisRun(kind);
        List<String> requested = labs.stream().map(l -> l.info().id()).toList();
        try (Target opened = background.isPresent() ? background.get().target(where.region())
                : Targets.open(new Targets.Request(kind, where.endpoint(), where.region(), root.verbose,
                        target.localstackImage), aws, msg -> progress.info(null, msg));
             ExitGuard.Registration stopTarget = ExitGuard.onExit("stopping the " + kind.id() + " target", opened::close)) {
            if (opened instanceof AwsTarget account) {
                System.err.print(RunPlan.render(runId, account, labs, RunJournal.fileOf(StateDirs.journals(), runId), lang));
                System.err.flush();
                Confirmation.require(target.yes, account.accountId(), lang);
            }
            if (stepping != null) {
                stepping.lookAround(lookAround(opened, runId));
            }
            RunJournal journal = journaled ? startJournal(runId, opened, labs, progress, say) : null;
            background.ifPresent(BackgroundEmulator::touch);
            Messages words = RunSummary.words(lang);
            SecondInterrupt.install("labs: " + (journaled ? words.get("interrupt.journaled", runId)
                    : words.get("interrupt.embedded")));
            RunReport report;
            boolean journalKept;
            try (ExitGuard.Registration closeJournal = ExitGuard.onExit("closing the run journal",
                    () -> { if (journal != null) journal.finish(); })) {
                LabRunner runner = new LabRunner(opened, options, progress, runId, LabsCommand.Version.current(),
                        journal == null ? LedgerJournal.NONE : journal);
                try (ExitGuard.Registration partial = ExitGuard.onExit("writing the partial report",
                        () -> writeQuietly(runner.snapshot().interruptedBefore(requested), reportDir, words))) {
                    report = runner.run(labs);
                } finally {
                    if (bars != null) {
                        bars.finish();
                    }
                }
                journalKept = journal != null && journal.finish();
            }
            Map<ReportFormat, Path> files = write(report, reportDir);
            Verdict verdict = Verdict.of(report);
            PrintWriter out = spec.commandLine().getOut();
            RunSummary summary = new RunSummary(report, verdict, FidelityMatrix.bundled(), terminal, lang);
            summary.print(out, files);
            if (keep) {
                summary.printKept(out, runId);
                background.ifPresent(emulator -> summary.printLookAround(out, emulator.describe().in(lang),
                        BackgroundEmulator.DEFAULT_IDLE_STOP.toHours(), emulator.endpoint().toString(), where.region()));
            }
            if (journalKept) {
                summary.printJournalKept(out, journal.file(), runId);
            }
            summary.printNextSteps(out, files, journalKept || keep);
            out.flush();
            return ExitCodes.ofRun(verdict);
        }
    }

    /** How to see the run's resources by hand: the tag every one of them carries, on this target. */
    private static List<String> lookAround(Target opened, String runId) {
        String endpoint = opened.endpoint().map(e -> " --endpoint-url " + e).orElse("");
        List<String> commands = new ArrayList<>();
        if (opened.endpoint().isPresent()) {
            commands.add("export AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test AWS_REGION=" + opened.region());
        }
        commands.add("aws resourcegroupstaggingapi get-resources --tag-filters Key=labs:run-id,Values=" + runId + endpoint);
        return commands;
    }

    /**
     * The background emulator of this kind (the one challenge mode uses), reused when it runs; one
     * of another kind is stopped first, unless a challenge is active on it.
     */
    private BackgroundEmulator backgroundFor(TargetKind kind, Consumer<Said> progress) {
        Optional<BackgroundEmulator> running = BackgroundEmulator.find(ChallengeCli.emulatorDir());
        if (running.isPresent() && running.get().record().targetKind() != kind
                && ChallengeCli.session(root.verbose, Progress.SILENT).active().isPresent()) {
            throw new UsageException(new ErrorText("keepOtherEmulator", kind.id(), running.get().describe(),
                    running.get().record().targetKind().id()));
        }
        return BackgroundEmulator.ensure(ChallengeCli.emulatorDir(), kind, BackgroundEmulator.DEFAULT_IDLE_STOP, progress,
                root.verbose);
    }

    /**
     * The journal says where the run's resources are: an emulator in the background is reached as an
     * endpoint, so that 'labs cleanup' finds the same one again instead of starting another.
     */
    private static RunJournal startJournal(String runId, Target target, List<Lab> labs, Progress progress,
                                           ProgressWords say) {
        String kind = target.kind().isEmulator() ? TargetKind.ENDPOINT.id() : target.kind().id();
        RecordedRun.Header header = new RecordedRun.Header(runId, Instant.now(), kind,
                target.endpoint().map(Object::toString).orElse(null), target.region(), target.accountId(),
                target instanceof AwsTarget aws ? aws.profile() : null, labs.stream().map(l -> l.info().id()).toList());
        try {
            RunJournal journal = RunJournal.start(StateDirs.journals(), header);
            progress.info(null, Said.verbatim(say.get("run.journal", journal.file())));
            return journal;
        } catch (IOException e) {
            throw EnvironmentException.of("journalUnwritable", StateDirs.journals(), e.getMessage()).because(e);
        }
    }

    private Map<ReportFormat, Path> write(RunReport report, Path dir) {
        try {
            return ReportFiles.write(report, dir, Set.copyOf(reportFormats), root.lang());
        } catch (IOException e) {
            throw EnvironmentException.of("reportUnwritable", dir, e.getMessage()).because(e);
        }
    }

    private static void writeQuietly(RunReport report, Path dir, Messages words) {
        try {
            Path file = ReportJson.write(report, dir);
            System.err.println("labs: " + words.get("interrupt.partialReport", file));
        } catch (IOException e) {
            System.err.println("labs: " + words.get("interrupt.noPartialReport", e.getMessage()));
        }
    }

    /** Rejects an unknown format while parsing, before any lab runs. */
    static final class FormatConverter implements CommandLine.ITypeConverter<ReportFormat> {
        @Override
        public ReportFormat convert(String value) {
            try {
                return ReportFormat.parse(value);
            } catch (IllegalArgumentException e) {
                throw new BadValue(new ErrorText("reportFormat", value.trim(), ReportFormat.ids()));
            }
        }
    }

    private static boolean startedForThisRun(TargetKind kind) {
        return kind == TargetKind.MOTO || kind == TargetKind.LOCALSTACK;
    }
}
