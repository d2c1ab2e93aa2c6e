package io.awslabs.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import picocli.CommandLine;

/** Runs the command line in-process and captures what it printed. */
record CliResult(int code, String out, String err) {

    static CliResult run(String... args) {
        return runIn(Map.of(), args);
    }

    /** Runs as in a shell whose environment is {@code environment} (LANG=zh_CN.UTF-8, say). */
    static CliResult runIn(Map<String, String> environment, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = LabsCommand.commandLine(new LabsCommand(0, environment));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new CliResult(code, out.toString(), err.toString());
    }
}
