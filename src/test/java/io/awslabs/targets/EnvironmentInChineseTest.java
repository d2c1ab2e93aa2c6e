package io.awslabs.targets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.awslabs.text.Lang;
import io.awslabs.text.Messages;
import io.awslabs.text.TextFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What the environment lacks is said in the reader's language: the refusal is made with a key,
 * its English stays the exception's message for logs, and the CLI prints it in the language
 * chosen. A key the code uses that the bundle lacks, in either language, fails here.
 */
class EnvironmentInChineseTest {
    private static final Pattern KEY = Pattern.compile(
            "EnvironmentException\\.(of|phrase|interrupted)\\(\\s*(?:[^\"()]*\\?\\s*)?\"([A-Za-z.]+)\"(?:\\s*:\\s*\"([A-Za-z.]+)\")?");

    @Test
    void everyRefusalTheCodeMakesHasItsMessageAndHintInBothLanguages() throws IOException {
        Map<String, String> english = TextFile.read(EnvironmentException.class,
                Messages.fileName(EnvironmentException.BUNDLE, Lang.EN)).orElseThrow();
        Map<String, String> chinese = TextFile.read(EnvironmentException.class,
                Messages.fileName(EnvironmentException.BUNDLE, Lang.ZH)).orElseThrow();
        List<String> used = usedKeys();
        List<String> missing = new ArrayList<>();
        for (String key : used) {
            for (Map<String, String> bundle : List.of(english, chinese)) {
                if (!bundle.containsKey(key)) missing.add((bundle == english ? "en: " : "zh: ") + key);
            }
        }

        assertThat(used).as("refusal keys found in the sources").hasSizeGreaterThan(60);
        assertThat(missing).isEmpty();
        assertThat(chinese.entrySet()).filteredOn(e -> e.getKey().endsWith(".message") || e.getKey().endsWith(".hint"))
                .allSatisfy(e -> assertThat(e.getValue()).as(e.getKey()).containsPattern("\\p{IsHan}"));
    }

    @Test
    void noPythonIsSaidInChineseAndStaysEnglishForTheLog() {
        EnvironmentException noPython = EnvironmentException.of("pythonMissing", "python3").because(new IOException("x"));

        assertThat(noPython).hasMessage("python3 not found on PATH").hasCauseInstanceOf(IOException.class);
        assertThat(noPython.message(Lang.ZH)).isEqualTo("PATH 上找不到 python3");
        assertThat(noPython.hint(Lang.ZH)).contains("apt install python3 python3-venv", "LABS_PYTHON", "Python 3.10");
    }

    @Test
    void theAccountGuardRefusesInChinese() {
        UserConfig none = new UserConfig(Path.of("/home/u/.config/aws-labs/config.json"), List.of());
        EnvironmentException refused = catchThrowableOfType(
                () -> new AccountGuard(List.of(), none, false).requireAllowListed("123456789012"), EnvironmentException.class);
        EnvironmentException prod = catchThrowableOfType(() -> new AccountGuard(List.of("123456789012"), none, false)
                .requireNotProduction("123456789012", Optional.of(List.of("acme-prod")), null), EnvironmentException.class);

        assertThat(refused.message(Lang.ZH)).isEqualTo("拒绝使用账户 123456789012：还没有任何账户被列入允许名单");
        assertThat(refused.hint(Lang.ZH)).isEqualTo("如果它是沙箱账户，请加上 --account 123456789012，或者把它写进 "
                + "/home/u/.config/aws-labs/config.json（{\"accounts\": [\"123456789012\"]}）");
        assertThat(prod.message(Lang.ZH)).isEqualTo("拒绝使用账户 123456789012：它的别名 'acme-prod' 含有 \"prod\"");
        assertThat(prod.hint(Lang.ZH)).isEqualTo("如果它确实是沙箱账户，请加上 --allow-prod-alias");
    }

    @Test
    void withoutDockerAnImageOfItsOwnIsRefusedInChinese() {
        EnvironmentException refused = catchThrowableOfType(() -> LocalStack.choose("localstack/localstack:4.15",
                () -> Optional.of(TargetWords.phrase("docker.hostSilent", "tcp://build:2375")), line -> { }),
                EnvironmentException.class);

        assertThat(refused.message(Lang.ZH))
                .isEqualTo("--localstack-image localstack/localstack:4.15 需要 Docker：DOCKER_HOST=tcp://build:2375 没有应答");
        assertThat(refused.hint(Lang.ZH)).isEqualTo("请启动 Docker；或者去掉 --localstack-image，以主机进程方式运行 LocalStack "
                + LocalStack.VERSION);
    }

    @Test
    void anInterruptionSaysWhatWasInterrupted() {
        EnvironmentException interrupted = EnvironmentException.interrupted("while.background", "moto");

        assertThat(interrupted).hasMessage("interrupted while starting the background moto");
        assertThat(interrupted.message(Lang.ZH)).isEqualTo("被中断了（正在启动后台的 moto）");
    }

    /** Every key of the environment bundle that the main sources name, with .message and .hint for a refusal. */
    private static List<String> usedKeys() throws IOException {
        List<String> keys = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = KEY.matcher(Files.readString(file));
                while (m.find()) {
                    for (String key : m.group(3) == null ? List.of(m.group(2)) : List.of(m.group(2), m.group(3))) {
                        if (m.group(1).equals("phrase")) {
                            keys.add(key);
                        } else if (m.group(1).equals("interrupted")) {
                            keys.add(key);
                        } else {
                            keys.add(key + ".message");
                            keys.add(key + ".hint");
                        }
                    }
                }
            }
        }
        return keys;
    }
}
