package io.awslabs.cli;

import io.awslabs.report.ReportChecker;
import io.awslabs.report.ReportFormat;
import io.awslabs.report.ReportSchema;
import io.awslabs.report.RunReport;
import io.awslabs.text.Lang;
import io.awslabs.text.Messages;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "report", description = "Work with verification reports.",
        subcommands = {ReportCommand.Check.class, ReportCommand.Show.class, ReportCommand.ListReports.class,
                ReportCommand.Schema.class},
        footer = {"%nExamples:",
                "  labs report check reports/*.json",
                "  labs report show --latest",
                "  labs report show reports/<run-id>.json",
                "  labs report show reports/<run-id>.json --lang zh --format html --output run.zh.html",
                "  labs report list",
                "  labs report schema > run-report.schema.json"})
final class ReportCommand implements Runnable {
    @CommandLine.ParentCommand
    LabsCommand root;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Each file judged on its own; the exit code is the worst: an invalid file (2) over a report not proven (1). */
    private static List<ReportChecker.Result> judge(List<Path> files) {
        ReportChecker checker = new ReportChecker();
        return files.stream().map(checker::check).toList();
    }

    private static int exitCode(List<ReportChecker.Result> results) {
        if (results.stream().anyMatch(r -> !r.valid())) {
            return ExitCodes.USAGE;
        }
        return results.stream().mapToInt(r -> ExitCodes.ofCheck(r.verdict())).max().orElse(ExitCodes.OK);
    }

    /** One line per problem of an invalid file (for a schema violation: its JSON pointer), then one hint. */
    private static void printInvalid(PrintWriter err, List<Path> files, List<ReportChecker.Result> results, Lang lang) {
        boolean any = false;
        for (int i = 0; i < files.size(); i++) {
            if (!results.get(i).valid()) {
                Path file = files.get(i);
                results.get(i).invalid().forEach(p -> err.println("labs: " + file + ": " + p));
                any = true;
            }
        }
        if (any) {
            err.println(ErrorText.say(lang, "hint", ErrorText.say(lang, "reportFile.hint")));
        }
        err.flush();
    }

    @Command(name = "check",
            description = "Exit 0 only if every assertion passed or was skipped with a reason and teardown left nothing; "
                    + "1 otherwise; 2 for a file that is not a valid report (each schema violation is printed "
                    + "with its JSON pointer, as is a report that contradicts itself). With several files, the worst wins.",
            footer = {"%nExamples:",
                    "  labs report check reports/<run-id>.json",
                    "  labs report check reports/*.json             # in CI: every report of the job"})
    static final class Check implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.ParentCommand
        ReportCommand parent;

        @Parameters(paramLabel = "FILE", arity = "1..*",
                description = "Reports written by 'labs run' (reports/<run-id>.json); a shell glob is fine.")
        List<Path> files = new ArrayList<>();

        @Override
        public Integer call() {
            List<ReportChecker.Result> results = judge(files);
            PrintWriter out = spec.commandLine().getOut();
            Lang lang = parent.root.lang();
            Messages say = Messages.of(ReportCommand.class, lang);
            for (int i = 0; i < files.size(); i++) {
                ReportChecker.Result result = results.get(i);
                if (!result.valid()) {
                    continue;
                }
                Path file = files.get(i);
                RunReport report = result.report();
                if (result.verdict().outcome().clean()) {
                    var totals = report.totals();
                    out.println(say.get("check.ok", file, report.runId(), report.target().kind(), totals.pass(),
                            totals.skipped()));
                } else {
                    result.problems(lang).forEach(p -> out.println(say.get("check.notProven", p)));
                    out.println(say.get("check.summary", file, result.verdict().outcome().headline(lang),
                            result.problems().size()));
                }
            }
            out.flush();
            printInvalid(spec.commandLine().getErr(), files, results, parent.root.langOfErrors());
            return exitCode(results);
        }
    }

    @Command(name = "show",
            description = "Print reports for people: per lab each assertion with its status, statement and duration, "
                    + "expected against actual where one failed, and the teardown table, in the language of --lang "
                    + "or the locale, whichever language the run was in. --format html or md renders one report's "
                    + "page or document again, in that language. Colour only on a terminal, never when NO_COLOR is "
                    + "set. Exits like 'report check'.",
            footer = {"%nExamples:",
                    "  labs report show --latest",
                    "  labs report show reports/<run-id>.json",
                    "  labs report show --latest --report-dir /tmp/reports",
                    "  labs report show reports/<run-id>.json --lang zh --format html --output run.zh.html"})
    static final class Show implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.ParentCommand
        ReportCommand parent;

        @Parameters(paramLabel = "FILE", arity = "0..*", description = "Reports written by 'labs run' (reports/<run-id>.json).")
        List<Path> files = new ArrayList<>();

        @Option(names = "--latest", description = "The newest report in --report-dir.")
        boolean latest;

        @Option(names = "--format", paramLabel = "text|html|md", defaultValue = "text", converter = ShownAs.Converter.class,
                description = "text (default): for the terminal; html or md: the report's page or Markdown document, "
                        + "as 'labs run --report-format' writes it, on stdout or in --output.")
        ShownAs format;

        @Option(names = "--output", paramLabel = "FILE",
                description = "Write the --format html or md document to FILE instead of stdout.")
        Path output;

        @Mixin
        ReportDirOption reports;

        @Override
        public Integer call() {
            if (latest == !files.isEmpty()) {
                throw new UsageException(new ErrorText(latest ? "showFilesAndLatest" : "showNoReport"));
            }
            if (output != null && format == ShownAs.TEXT) {
                throw new UsageException(new ErrorText("showOutputNeedsFormat"));
            }
            List<Path> shown = latest ? List.of(newest()) : files;
            if (format != ShownAs.TEXT && shown.size() > 1) {
                throw new UsageException(new ErrorText("showOneDocument", shown.size(), format.id));
            }
            Lang lang = parent.root.lang();
            List<ReportChecker.Result> results = judge(shown);
            PrintWriter out = spec.commandLine().getOut();
            if (format == ShownAs.TEXT) {
                printAll(results, new TerminalReport(Terminal.detect(), TerminalReport.widthFromEnvironment(), lang), out);
            } else if (results.get(0).valid()) {
                render(format.format.render(results.get(0).report(), lang), out);
            }
            out.flush();
            printInvalid(spec.commandLine().getErr(), shown, results, lang);
            return exitCode(results);
        }

        private static void printAll(List<ReportChecker.Result> results, TerminalReport terminal, PrintWriter out) {
            boolean first = true;
            for (ReportChecker.Result result : results) {
                if (result.valid()) {
                    if (!first) {
                        out.println();
                    }
                    terminal.print(result.report(), out);
                    first = false;
                }
            }
        }

        private void render(String document, PrintWriter out) {
            if (output == null) {
                out.print(document);
                return;
            }
            try {
                Files.writeString(output, document);
            } catch (IOException e) {
                throw new UsageException(new ErrorText("showCannotWrite", output, e.getMessage()));
            }
        }

        private Path newest() {
            return ReportListing.of(reports.requireReadable()).stream().filter(ReportListing.Entry::valid).findFirst()
                    .map(ReportListing.Entry::file)
                    .orElseThrow(() -> new UsageException(new ErrorText("showNoValidReport", reports.dir)));
        }
    }

    /** How {@code report show} shows a report: in the terminal, or as one of the documents for people. */
    enum ShownAs {
        TEXT("text", null), HTML("html", ReportFormat.HTML), MD("md", ReportFormat.MARKDOWN);

        final String id;
        final ReportFormat format;

        ShownAs(String id, ReportFormat format) {
            this.id = id;
            this.format = format;
        }

        static final class Converter implements CommandLine.ITypeConverter<ShownAs> {
            @Override
            public ShownAs convert(String value) {
                for (ShownAs shown : values()) {
                    if (shown.id.equals(value)) return shown;
                }
                throw new BadValue(new ErrorText("showFormat", value));
            }
        }
    }

    @Command(name = "list", description = "The reports in --report-dir, newest first: run id, target, when, verdict, labs.",
            footer = {"%nExamples:", "  labs report list", "  labs report list --report-dir /tmp/reports"})
    static final class ListReports implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.ParentCommand
        ReportCommand parent;

        @Mixin
        ReportDirOption reports;

        @Override
        public Integer call() {
            List<ReportListing.Entry> entries = ReportListing.of(reports.requireReadable());
            PrintWriter out = spec.commandLine().getOut();
            Lang lang = parent.root.lang();
            if (entries.isEmpty()) {
                out.println(Messages.of(ReportCommand.class, lang).get("reports.none", reports.dir));
            } else {
                ReportListing.print(entries, out, lang);
            }
            out.flush();
            return ExitCodes.OK;
        }
    }

    @Command(name = "schema", description = "Print the JSON Schema every report follows (draft 2020-12).",
            footer = {"%nExamples:", "  labs report schema > run-report.schema.json"})
    static final class Schema implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            out.print(ReportSchema.text());
            out.flush();
            return ExitCodes.OK;
        }
    }
}
