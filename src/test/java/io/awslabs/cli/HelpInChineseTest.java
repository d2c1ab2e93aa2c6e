package io.awslabs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.awslabs.text.Lang;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.Model.UsageMessageSpec;

/** Every help text a Chinese learner reads is in Chinese, and says what the English says. */
class HelpInChineseTest {
    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");
    /** What a translation must keep as written: numbers, versions, options, variables, URLs. */
    private static final Pattern VERBATIM = Pattern.compile(".*\\d.*|--.+|\\$.+|.*://.*");

    private static CommandLine cli(Lang lang) {
        CommandLine cli = LabsCommand.commandLine(new LabsCommand(0, Map.of()));
        HelpLanguage.apply(cli, lang);
        return cli;
    }

    /** Every command once (an alias names the same one), parents first. */
    private static List<CommandLine> commands(CommandLine root) {
        Set<CommandLine> found = new LinkedHashSet<>();
        List<CommandLine> pending = new ArrayList<>(List.of(root));
        while (!pending.isEmpty()) {
            CommandLine next = pending.remove(0);
            if (found.add(next)) pending.addAll(next.getSubcommands().values());
        }
        return List.copyOf(found);
    }

    /** Each help text of every command by where it is, "labs.run --target" say, and what. */
    private static Map<String, String> texts(CommandLine root) {
        Map<String, String> texts = new LinkedHashMap<>();
        for (CommandLine command : commands(root)) {
            CommandSpec spec = command.getCommandSpec();
            String name = spec.qualifiedName(".");
            UsageMessageSpec usage = spec.usageMessage();
            texts.put(name + " usage.header", String.join("\n", usage.header()));
            texts.put(name + " usage.description", String.join("\n", usage.description()));
            texts.put(name + " usage.footer", String.join("\n", usage.footer()));
            for (OptionSpec option : spec.options()) {
                texts.put(name + " " + option.longestName(), description(option));
            }
            for (PositionalParamSpec positional : spec.positionalParameters()) {
                texts.put(name + " " + positional.paramLabel() + "[" + positional.index() + "]", description(positional));
            }
        }
        return texts;
    }

    private static String description(ArgSpec arg) {
        return String.join("\n", arg.description());
    }

    @Test
    void everyCommandAndOptionHasItsChineseWithTheSameNumbersOptionsAndNames() {
        Map<String, String> english = texts(cli(Lang.EN));
        Map<String, String> chinese = texts(cli(Lang.ZH));
        List<String> problems = new ArrayList<>();
        Map<String, String> chineseOf = new HashMap<>();
        Map<String, String> englishOf = new HashMap<>();
        english.forEach((where, en) -> {
            if (en.isBlank()) return;
            String zh = chinese.get(where);
            if (!HAN.matcher(zh).find()) {
                problems.add(where + " has no Chinese (help_zh.properties) for: " + en);
                return;
            }
            for (String word : en.split("\\s+")) {
                String verbatim = word.replaceAll("^[(\"'\\[]+|[)\"'.,;:\\]]+$", "");
                if (VERBATIM.matcher(verbatim).matches() && !zh.contains(verbatim)) {
                    problems.add(where + ": the Chinese lacks '" + verbatim + "' of the English: " + zh);
                }
            }
            // a key shared by commands that mean different things, or a command left with the shared text, shows here
            String before = chineseOf.putIfAbsent(en, zh);
            if (before != null && !before.equals(zh)) {
                problems.add(where + ": the same English reads differently in Chinese elsewhere: " + en);
            }
            String otherEnglish = englishOf.putIfAbsent(zh, en);
            if (otherEnglish != null && !otherEnglish.equals(en)) {
                problems.add(where + ": the same Chinese stands for two English texts: '" + otherEnglish + "' and '" + en + "'");
            }
        });

        assertThat(english).as("help texts found").hasSizeGreaterThan(100);
        assertThat(problems).as(String.join("\n", problems)).isEmpty();
    }

    @Test
    void everyKeyOfTheChineseBundleIsReadByTheHelp() {
        Recording bundle = new Recording(HelpLanguage.chinese(), Map.of());

        assertThat(unread(bundle)).as("keys no command or option has (a typo, or a renamed option)").isEmpty();
    }

    @Test
    void aKeyThatNoHelpReadsIsFound() {
        Recording bundle = new Recording(HelpLanguage.chinese(), Map.of("labs.run.no-such-option", "没有这个选项。"));

        assertThat(unread(bundle)).containsExactly("labs.run.no-such-option");
    }

    private static Set<String> unread(Recording bundle) {
        CommandLine cli = LabsCommand.commandLine(new LabsCommand(0, Map.of()));
        cli.setResourceBundle(bundle);
        commands(cli).forEach(command -> command.usage(new PrintWriter(new StringWriter())));
        Set<String> unread = new TreeSet<>(bundle.keySet());
        unread.removeAll(bundle.read);
        return unread;
    }

    @Test
    void runHelpIsChineseWithLangZhAndItsExamplesStayCommands() {
        CliResult result = CliResult.run("run", "--help", "--lang", "zh");

        assertThat(result.code()).isZero();
        assertThat(result.out()).startsWith("用法：").contains("运行实验：创建资源、验证、写出报告、清理。")
                .contains("--target=KIND").contains("默认：moto。").contains("示例：")
                .contains("  labs run --all --report-dir /tmp/reports").contains("退出码：")
                .doesNotContain("Run labs:").doesNotContain("Examples:");
    }

    @Test
    void theLocaleMakesHelpChineseAndLangEnOverridesIt() {
        Map<String, String> chinese = Map.of("LANG", "zh_CN.UTF-8");

        assertThat(CliResult.runIn(chinese, "--help").out()).contains("动手做的 AWS 实验").contains("命令：");
        assertThat(CliResult.runIn(chinese, "help", "report").out()).contains("查看和检查验证报告。");
        assertThat(CliResult.run("--lang=zh", "report", "show", "--help").out()).contains("--report-dir 里最新的那份报告。");
        assertThat(CliResult.runIn(chinese, "run", "--help", "--lang", "en").out())
                .startsWith("Usage: labs run").contains("Run labs: provision").doesNotContain("运行实验");
    }

    @Test
    void anUnknownLangLeavesHelpInTheLocalesLanguage() {
        assertThat(CliResult.runIn(Map.of("LANG", "zh_CN.UTF-8"), "--lang", "fr", "--help").out()).startsWith("用法：");
        assertThat(CliResult.run("--lang", "fr", "--help").out()).startsWith("Usage: labs");
    }

    /** The Chinese bundle (plus {@code extra}), noting each key the help reads. */
    private static final class Recording extends ResourceBundle {
        final Map<String, Object> texts = new HashMap<>();
        final Set<String> read = new TreeSet<>();

        Recording(ResourceBundle chinese, Map<String, String> extra) {
            chinese.keySet().forEach(key -> texts.put(key, chinese.getObject(key)));
            texts.putAll(extra);
        }

        @Override
        protected Object handleGetObject(String key) {
            Object text = texts.get(key);
            if (text != null) read.add(key);
            return text;
        }

        @Override
        protected Set<String> handleKeySet() {
            return texts.keySet();
        }

        @Override
        public Enumeration<String> getKeys() {
            return Collections.enumeration(texts.keySet());
        }
    }
}
