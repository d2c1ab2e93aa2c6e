package io.awslabs.cli;

import io.awslabs.text.Lang;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.PropertyResourceBundle;
import java.util.ResourceBundle;
import java.util.function.Supplier;
import picocli.CommandLine;

/**
 * The help pages in the learner's language. English lives in the annotations; Chinese in
 * {@code help_zh.properties}, keyed as picocli looks texts up in a resource bundle: a command's
 * texts by its qualified name ({@code labs.run.usage.description}), an option by the qualified
 * name of its command and its long name ({@code labs.run.target}) or by its bare name when every
 * command means the same by it ({@code report-format}), a positional parameter by its label and
 * index ({@code labs.run.LAB[0..*]}).
 */
final class HelpLanguage {
    static final String CHINESE = "help_zh.properties";

    private HelpLanguage() { }

    /**
     * Renders help in {@code lang}'s language, decided once the command line is parsed: picocli
     * looks a help text up when it prints it, so --lang anywhere on the line (after a subcommand
     * too, as it is inherited) counts, and so does the locale.
     */
    static void install(CommandLine cli, Supplier<Lang> lang) {
        CommandLine.IExecutionStrategy run = new CommandLine.RunLast();
        cli.setExecutionStrategy(parsed -> {
            apply(cli, lang.get());
            return run.execute(parsed);
        });
    }

    /** Makes {@code cli} and every subcommand under it print their help in {@code lang}. */
    static void apply(CommandLine cli, Lang lang) {
        if (lang == Lang.ZH) {
            cli.setResourceBundle(chinese());
        }
    }

    /** The Chinese texts, read as UTF-8 whatever the JVM's default encoding for bundles. */
    static ResourceBundle chinese() {
        try (InputStream in = HelpLanguage.class.getResourceAsStream(CHINESE)) {
            if (in == null) throw new IllegalStateException("no " + CHINESE + " next to " + HelpLanguage.class.getName());
            return new PropertyResourceBundle(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + CHINESE, e);
        }
    }
}
