package io.awslabs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import java.util.Map;
import picocli.CommandLine;

/** Help as a person at a terminal of any width reads it. */
class HelpTest {

    private static String help(int width, String... command) {
        CommandLine cli = LabsCommand.commandLine(new LabsCommand(0, Map.of()));
        CommandLine target = cli;
        for (String name : command) {
            target = target.getSubcommands().get(name);
        }
        target.getCommandSpec().usageMessage().width(width);
        StringWriter out = new StringWriter();
        target.usage(new PrintWriter(out));
        return out.toString();
    }

    /** The examples of a help page, a continued command joined back into one line. */
    private static List<String> examples(String help) {
        List<String> examples = new ArrayList<>();
        StringBuilder pending = null;
        boolean in = false;
        for (String line : help.lines().toList()) {
            if (line.equals("Examples:")) { in = true; continue; }
            if (!in || line.isBlank()) { in = in && !line.isBlank(); continue; }
            String text = line.strip();
            if (pending != null) {
                pending.append(' ').append(text);
            } else if (text.startsWith("labs ")) {
                pending = new StringBuilder(text);
            } else {
                continue;
            }
            if (pending.toString().endsWith(" \\")) {
                pending.setLength(pending.length() - 2);
            } else {
                examples.add(pending.toString().replaceAll(" +#.*", ""));
                pending = null;
            }
        }
        return examples;
    }

    @Test
    void everyCommandTakesTheTerminalsWidth() {
        CommandLine cli = LabsCommand.commandLine(new LabsCommand(0, Map.of()));

        assertThat(cli.isUsageHelpAutoWidth()).isTrue();
        cli.getSubcommands().values().forEach(sub -> assertThat(sub.isUsageHelpAutoWidth()).as(sub.getCommandName()).isTrue());
    }

    @ParameterizedTest
    @ValueSource(ints = {55, 64, 80, 120})
    void helpFitsTheWidthAndNoExampleBreaksMidPhrase(int width) {
        for (String[] command : List.of(new String[0], new String[] {"run"}, new String[] {"cleanup"},
                new String[] {"fidelity"}, new String[] {"report"}, new String[] {"report", "check"},
                new String[] {"report", "show"})) {
            String help = help(width, command);
            String wide = help(500, command);

            assertThat(help.lines()).as(String.join(" ", command) + " at " + width)
                    .allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(width));
            assertThat(examples(help)).as("examples at " + width + " read as at any width").isEqualTo(examples(wide))
                    .isNotEmpty();
        }
    }

    @Test
    void aLongExampleContinuesBeforeAnOptionAndItsCommentGoesAbove() {
        assertThat(HelpFooter.lines("  labs run kms-envelope-encryption --target aws --profile sandbox --account 123456789012", 60))
                .containsExactly("  labs run kms-envelope-encryption --target aws \\",
                        "        --profile sandbox --account 123456789012");
        assertThat(HelpFooter.lines("  labs run --all --target localstack          # in Docker, else as a host process", 76))
                .containsExactly("  labs run --all --target localstack  # in Docker, else as a host process");
        assertThat(HelpFooter.lines("  labs run --all --target localstack          # in Docker, else as a host process", 55))
                .containsExactly("  # in Docker, else as a host process", "  labs run --all --target localstack");
        assertThat(HelpFooter.lines("  130  interrupted by Ctrl-C (teardown ran; after a second Ctrl-C: labs cleanup)", 55))
                .containsExactly("  130  interrupted by Ctrl-C (teardown ran; after a", "       second Ctrl-C: labs cleanup)");
    }

    @Test
    void exitCode130IsListedAsInTheReadme() {
        assertThat(help(80)).contains("  130  interrupted by Ctrl-C");
        assertThat(help(80, "run")).contains("  130  interrupted by Ctrl-C");
    }
}
