package io.awslabs.cli;

import java.lang.management.ManagementFactory;

/** Entry point: runs the command line and exits with its documented code. */
public final class Main {
    private Main() { }

    public static void main(String[] args) {
        long jvmStartMs = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        System.exit(execute(jvmStartMs, args));
    }

    /** Runs without exiting the JVM, for tests and for {@link #main}. */
    public static int execute(long jvmStartMs, String... args) {
        LabsCommand root = new LabsCommand(jvmStartMs, System.getenv());
        return LabsCommand.commandLine(root).execute(args);
    }
}
