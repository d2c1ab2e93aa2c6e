package io.awslabs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.awslabs.text.Columns;
import io.awslabs.text.Lang;
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
        return help(Lang.EN, width, command);
    }

    private static String help(Lang lang, int width, String... command) {
        CommandLine cli = LabsCommand.commandLine(new LabsCommand(0, Map.of()));
        HelpLanguage.apply(cli, lang);
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
            if (line.equals("Examples:") || line.equals("示例：")) { in = true; continue; }
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

    @ParameterizedTest
    @ValueSource(ints = {55, 64, 80, 120})
    void chineseHelpFitsTheWidthInColumnsAndGivesTheEnglishExamples(int width) {
        for (CommandLine command : commandsOf(LabsCommand.commandLine(new LabsCommand(0, Map.of())))) {
            String[] path = command.getCommandSpec().qualifiedName(" ").replaceFirst("^labs ?", "").split(" ");
            String[] names = path[0].isEmpty() ? new String[0] : path;
            String help = help(Lang.ZH, width, names);

            assertThat(help.lines()).as(String.join(" ", names) + " in Chinese at " + width)
                    .allSatisfy(line -> assertThat(Columns.of(line)).as(line).isLessThanOrEqualTo(width));
            assertThat(examples(help)).as("examples of " + String.join(" ", names) + " at " + width)
                    .isEqualTo(examples(help(Lang.EN, 500, names)));
        }
    }

    private static List<CommandLine> commandsOf(CommandLine root) {
        List<CommandLine> commands = new ArrayList<>(List.of(root));
        root.getSubcommands().values().stream().distinct().forEach(sub -> commands.addAll(commandsOf(sub)));
        return commands.stream().distinct().toList();
    }

    @Test
    void chineseProseBreaksBetweenCharactersButNeverBeforeClosingPunctuation() {
        assertThat(HelpFooter.lines("  130  被 Ctrl-C 中断（清理已经执行；如果又按了一次 Ctrl-C：请运行 labs cleanup）", 40))
                .containsExactly("  130  被 Ctrl-C 中断（清理已经执行；如", "       果又按了一次 Ctrl-C：请运行 labs", "       cleanup）");
        assertThat(HelpFooter.lines("  labs run --all --target localstack          # 在 Docker 中，否则作为本机进程", 72))
                .containsExactly("  labs run --all --target localstack  # 在 Docker 中，否则作为本机进程");
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
