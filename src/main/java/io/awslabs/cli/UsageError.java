package io.awslabs.cli;

import io.awslabs.text.Lang;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine;

/**
 * What a command line picocli could not parse is told as: one line, and a hint with the fix. A
 * mistyped command or flag gets the closest real ones ("did you mean"), as a mistyped lab id does.
 * A value an option of a known type cannot take (a number, a duration) is said in the learner's
 * language from the option and the value picocli hands over. Picocli's own descriptions of other
 * mistakes (a missing parameter, a value of another type) stay in English; their hint is in the
 * learner's language.
 */
record UsageError(String message, String hint) {

    static UsageError of(CommandLine.ParameterException ex, Lang lang) {
        CommandLine.Model.CommandSpec spec = ex.getCommandLine().getCommandSpec();
        String help = "'" + spec.qualifiedName() + " --help'";
        if (ex.getCause() instanceof BadValue bad) {
            return of(bad.text(), lang);
        }
        if (ex.getArgSpec() instanceof CommandLine.Model.OptionSpec option && ex.getValue() != null && ex.getCause() != null) {
            Optional<String> kind = kindOfValue(option.type());
            if (kind.isPresent()) {
                return of(new ErrorText("badValue", option.longestName(), ex.getValue(), ErrorText.phrase(kind.get()), help),
                        lang);
            }
        }
        if (ex instanceof CommandLine.UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()) {
            String arg = unmatched.getUnmatched().get(0);
            if (unmatched.isUnknownOption()) {
                String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
                List<String> close = Closest.to(name, optionNames(spec), Math.max(2, name.length() / 3), 3);
                return of(close.isEmpty() ? new ErrorText("unknownOption", name, spec.qualifiedName(), help)
                        : new ErrorText("unknownOptionClose", name, spec.qualifiedName(), help, String.join(", ", close)), lang);
            }
            if (!spec.subcommands().isEmpty()) {
                List<String> close = Closest.to(arg, spec.subcommands().keySet(), Math.max(2, arg.length() / 3), 3).stream()
                        .map(c -> "'" + spec.qualifiedName() + " " + c + "'").toList();
                return of(close.isEmpty() ? new ErrorText("unknownCommand", arg, help)
                        : new ErrorText("unknownCommandClose", arg, help, String.join(", ", close)), lang);
            }
        }
        return new UsageError(ex.getMessage(), ErrorText.say(lang, "seeHelp", help));
    }

    /** The words of the errors bundle for what an option of this type takes, where the kit has them. */
    private static Optional<String> kindOfValue(Class<?> type) {
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return Optional.of("value.wholeNumber");
        }
        return type == Duration.class ? Optional.of("value.duration") : Optional.empty();
    }

    private static UsageError of(ErrorText text, Lang lang) {
        return new UsageError(text.message(lang), text.hint(lang));
    }

    private static List<String> optionNames(CommandLine.Model.CommandSpec spec) {
        List<String> names = new ArrayList<>();
        spec.options().stream().filter(o -> !o.hidden()).forEach(o -> names.addAll(List.of(o.names())));
        return names;
    }
}
