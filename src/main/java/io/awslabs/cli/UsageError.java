package io.awslabs.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/**
 * What a command line picocli could not parse is told as: one line, and a hint with the fix. A
 * mistyped command or flag gets the closest real ones ("did you mean"), as a mistyped lab id does.
 */
record UsageError(String message, String hint) {

    static UsageError of(CommandLine.ParameterException ex) {
        CommandLine.Model.CommandSpec spec = ex.getCommandLine().getCommandSpec();
        String help = "'" + spec.qualifiedName() + " --help'";
        if (ex.getCause() instanceof BadValue bad) {
            return new UsageError(bad.getMessage(), bad.hint());
        }
        if (ex instanceof CommandLine.UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()) {
            String arg = unmatched.getUnmatched().get(0);
            if (unmatched.isUnknownOption()) {
                String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
                List<String> close = Closest.to(name, optionNames(spec), Math.max(2, name.length() / 3), 3);
                return new UsageError("unknown option '" + name + "' for '" + spec.qualifiedName() + "'",
                        (close.isEmpty() ? "" : "did you mean " + String.join(", ", close) + "? ") + help + " lists the options");
            }
            if (!spec.subcommands().isEmpty()) {
                List<String> close = Closest.to(arg, spec.subcommands().keySet(), Math.max(2, arg.length() / 3), 3).stream()
                        .map(c -> "'" + spec.qualifiedName() + " " + c + "'").toList();
                return new UsageError("unknown command '" + arg + "'",
                        (close.isEmpty() ? "" : "did you mean " + String.join(", ", close) + "? ") + help + " lists the commands");
            }
        }
        return new UsageError(ex.getMessage(), "see " + help);
    }

    private static List<String> optionNames(CommandLine.Model.CommandSpec spec) {
        List<String> names = new ArrayList<>();
        spec.options().stream().filter(o -> !o.hidden()).forEach(o -> names.addAll(List.of(o.names())));
        return names;
    }
}
