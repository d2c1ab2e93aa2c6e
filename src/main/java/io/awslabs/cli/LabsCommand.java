package io.awslabs.cli;

import io.awslabs.targets.EnvironmentException;
import io.awslabs.text.Lang;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Map;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "labs",
        mixinStandardHelpOptions = true,
        // every subcommand gets --help too, as the hints printed on a usage error promise
        scope = CommandLine.ScopeType.INHERIT,
        versionProvider = LabsCommand.Version.class,
        description = "Hands-on AWS labs: provision real resources, prove a concept with assertions that can fail, "
                + "write a verification report, and tear everything down.",
        subcommands = {ListCommand.class, DescribeCommand.class, RunCommand.class, ReportCommand.class,
                TargetsCommand.class, FidelityCommand.class, CleanupCommand.class,
                StartCommand.class,
                EnvCommand.class,
                CheckCommand.class,
                HintCommand.class,
                SolveCommand.class,
                StopCommand.class,
                StatusCommand.class,
                ProgressCommand.class,
                ExplainCommand.class,
                PolicyCommand.class,
                CommandLine.HelpCommand.class},
        footer = {"%nExamples:",
                "  labs list",
                "  labs describe kms-envelope-encryption",
                "  labs run kms-envelope-encryption            # on moto, started for you",
                "  labs run --all",
                "  labs run --all --target endpoint --endpoint-url http://127.0.0.1:5000",
                "  labs run --all --report-format html,junit,md",
                "  labs run --all --target localstack          # LocalStack 4.14.0",
                "  labs targets                                # what works here, and the fixes",
                "  labs report check reports/<run-id>.json",
                "  labs report show --latest",
                "  labs report list",
                "  labs cleanup --run-id <run-id> --force      # what an interrupted run left",
                "  labs start s3-default-encryption            # do it yourself: start, check, hint, solve, stop",
                ExitCodes.HELP_FOOTER})
public final class LabsCommand implements Runnable {
    private final long jvmStartMs;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT,
            description = "Show stack traces and the emulator's own output.")
    boolean verbose;

    @Option(names = "--lang", scope = CommandLine.ScopeType.INHERIT, paramLabel = "en|zh",
            description = "Language of what you read: en (English) or zh (中文). Default: the locale "
                    + "(LC_ALL, LC_MESSAGES, LANG), else English.")
    String lang;

    private final Map<String, String> environment;

    LabsCommand(long jvmStartMs, Map<String, String> environment) {
        this.jvmStartMs = jvmStartMs;
        this.environment = Map.copyOf(environment);
    }

    /** The language the learner asked for with --lang, else their locale's. */
    Lang lang() {
        if (lang == null) {
            return Lang.ofLocale(environment);
        }
        return Lang.named(lang).orElseThrow(() -> new UsageException("unknown language '" + lang + "'",
                        "use --lang en (English) or --lang zh (中文)"));
    }

    /**
     * The language to refuse a command line in: its --lang when that names one (the line may be
     * refused before --lang is checked, or for --lang itself), else the locale's.
     */
    Lang langOfErrors() {
        return Lang.named(lang).orElseGet(() -> Lang.ofLocale(environment));
    }

    /**
     * The language to refuse a line picocli could not parse in: picocli stops at a bad value before
     * it reaches a --lang further on, so the words of the line itself are read for it.
     */
    Lang langOfErrors(String[] args) {
        for (int i = 0; lang == null && i < args.length; i++) {
            if (args[i].startsWith("--lang=")) {
                return Lang.named(args[i].substring("--lang=".length())).orElseGet(this::langOfErrors);
            }
            if (args[i].equals("--lang") && i + 1 < args.length) {
                return Lang.named(args[i + 1]).orElseGet(this::langOfErrors);
            }
        }
        return langOfErrors();
    }

    long jvmStartMs() {
        return jvmStartMs;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static CommandLine commandLine(LabsCommand root) {
        CommandLine cli = new CommandLine(root);
        // help takes the terminal's width (80 off a terminal); HelpFooter keeps examples whole at any width
        cli.setUsageHelpAutoWidth(true);
        // an unknown --lang is refused when a command runs; help still reads in the locale's language
        HelpLanguage.install(cli, () -> Lang.named(root.lang).orElseGet(() -> Lang.ofLocale(root.environment)));
        HelpFooter.install(cli);
        cli.setParameterExceptionHandler((ex, args) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            Lang lang = root.langOfErrors(args);
            UsageError error = UsageError.of(ex, lang);
            err.println("labs: " + error.message());
            err.println(ErrorText.say(lang, "hint", error.hint()));
            return ExitCodes.USAGE;
        });
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            if (root.verbose) {
                ex.printStackTrace(err);
            }
            Lang lang = root.langOfErrors();
            if (ex instanceof UsageException usage) {
                err.println("labs: " + usage.message(lang));
                if (usage.hint(lang) != null) err.println(ErrorText.say(lang, "hint", usage.hint(lang)));
                return ExitCodes.USAGE;
            }
            if (ex instanceof EnvironmentException env) {
                err.println("labs: " + env.message(lang));
                if (env.hint(lang) != null) err.println(ErrorText.say(lang, "hint", env.hint(lang)));
                return ExitCodes.ENVIRONMENT;
            }
            err.println("labs: " + ErrorText.say(lang, "unexpected.message", ex));
            if (!root.verbose) err.println(ErrorText.say(lang, "hint", ErrorText.say(lang, "unexpected.hint")));
            return ExitCodes.NOT_PROVEN;
        });
        return cli;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"aws-labs " + current()};
        }

        static String current() {
            Properties props = new Properties();
            try (InputStream in = LabsCommand.class.getResourceAsStream("version.properties")) {
                if (in != null) props.load(in);
            } catch (IOException e) {
                return "unknown";
            }
            return props.getProperty("version", "unknown");
        }
    }
}
