package io.awslabs.cli;

import io.awslabs.report.ReportChecker;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "report", description = "Work with verification reports.",
        subcommands = {ReportCommand.Check.class})
final class ReportCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "check",
            description = "Exit 0 only if every assertion passed or was skipped with a reason and teardown left nothing; "
                    + "1 otherwise; 2 for a file that is not a valid report.")
    static final class Check implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "FILE", description = "A report written by 'labs run' (reports/<run-id>.json).")
        Path file;

        @Override
        public Integer call() {
            ReportChecker.Result result = new ReportChecker().check(file);
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            switch (result.verdict()) {
                case INVALID -> {
                    err.println("labs: " + file + ": " + result.problems().get(0));
                    err.println("hint: pass a JSON report written by 'labs run' (reports/<run-id>.json)");
                    return ExitCodes.USAGE;
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
}
