package io.awslabs.cli;

import io.awslabs.report.ReportChecker;
import io.awslabs.report.ReportSchema;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "report", description = "Work with verification reports.",
        subcommands = {ReportCommand.Check.class, ReportCommand.Show.class, ReportCommand.Schema.class},
        footer = {"%nExamples:",
                "  labs report check reports/<run-id>.json",
                "  labs report show reports/<run-id>.json",
                "  labs report schema > run-report.schema.json"})
final class ReportCommand implements Runnable {
    private static final String FILE_HINT = "pass a JSON report written by 'labs run' (reports/<run-id>.json); "
            + "'labs report schema' prints the schema it must follow";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** One line per problem (for a schema violation: its JSON pointer), then a hint: exit 2. */
    static int invalid(PrintWriter err, Path file, ReportChecker.Result result) {
        result.problems().forEach(p -> err.println("labs: " + file + ": " + p));
        err.println("hint: " + FILE_HINT);
        err.flush();
        return ExitCodes.USAGE;
    }

    @Command(name = "check",
            description = "Exit 0 only if every assertion passed or was skipped with a reason and teardown left nothing; "
                    + "1 otherwise; 2 for a file that is not a valid report (each schema violation is printed "
                    + "with its JSON pointer).")
    static final class Check implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "FILE", description = "A report written by 'labs run' (reports/<run-id>.json).")
        Path file;

        @Override
        public Integer call() {
            ReportChecker.Result result = new ReportChecker().check(file);
            PrintWriter out = spec.commandLine().getOut();
            switch (result.verdict()) {
                case INVALID -> {
                    return invalid(spec.commandLine().getErr(), file, result);
                }
                case NOT_PROVEN -> {
                    result.problems().forEach(p -> out.println("NOT PROVEN  " + p));
                    out.printf("%s: %d problem(s)%n", file, result.problems().size());
                    out.flush();
                    return ExitCodes.NOT_PROVEN;
                }
                default -> {
                    var totals = result.report().totals();
                    out.printf("OK  %s: run %s on %s, %d passed, %d skipped with a reason, teardown complete%n",
                            file, result.report().runId(), result.report().target().kind(), totals.pass(), totals.skipped());
                    out.flush();
                    return ExitCodes.OK;
                }
            }
        }
    }

    @Command(name = "show",
            description = "Print a report for people: per lab each assertion with its status, statement and duration, "
                    + "expected against actual where one failed, and the teardown table. Colour only on a terminal, "
                    + "never when NO_COLOR is set. Exits like 'report check'.")
    static final class Show implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "FILE", description = "A report written by 'labs run' (reports/<run-id>.json).")
        Path file;

        @Override
        public Integer call() {
            ReportChecker.Result result = new ReportChecker().check(file);
            if (result.verdict() == ReportChecker.Verdict.INVALID) {
                return invalid(spec.commandLine().getErr(), file, result);
            }
            new TerminalReport(Terminal.detect(), TerminalReport.widthFromEnvironment())
                    .print(result.report(), spec.commandLine().getOut());
            return result.verdict() == ReportChecker.Verdict.OK ? ExitCodes.OK : ExitCodes.NOT_PROVEN;
        }
    }

    @Command(name = "schema", description = "Print the JSON Schema every report follows (draft 2020-12).")
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
