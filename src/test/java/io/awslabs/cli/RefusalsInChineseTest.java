package io.awslabs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A learner whose locale is Chinese, or who asks for --lang zh, is refused in Chinese: the
 * "labs:" line and the hint, with the names of commands, options and labs as they are typed.
 */
class RefusalsInChineseTest {
    private static final Map<String, String> CHINESE = Map.of("LANG", "zh_CN.UTF-8");
    private static final String LAB = "kms-envelope-encryption";

    @TempDir
    Path dir;

    @Test
    void anUnknownLabSaysSoInChineseAndOffersTheClosest() {
        CliResult result = CliResult.runIn(CHINESE, "describe", "kms-envelope");

        assertThat(result.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err().lines()).containsExactly("labs: 没有 'kms-envelope' 这个实验",
                "提示：你是不是想输入 kms-envelope-encryption？（'labs list' 会列出全部实验）");
    }

    @Test
    void aMistypedCommandOrOptionIsRefusedInChineseWithDidYouMean() {
        CliResult command = CliResult.runIn(CHINESE, "lst");
        CliResult option = CliResult.runIn(CHINESE, "run", LAB, "--regoin", "us-east-1");

        assertThat(command.err().lines()).containsExactly("labs: 没有 'lst' 这个命令",
                "提示：你是不是想输入 'labs list'？'labs --help' 会列出所有命令");
        assertThat(option.err()).contains("labs: 'labs run' 没有 '--regoin' 这个选项", "提示：你是不是想输入 --region？");
    }

    @Test
    void aBadValueIsRefusedInChineseWhileParsing() {
        CliResult region = CliResult.runIn(CHINESE, "run", LAB, "--region", "eu-wset-1", "--report-dir", dir.toString());
        CliResult endpoint = CliResult.runIn(CHINESE, "run", LAB, "--target", "endpoint", "--endpoint-url", "localhost:4566",
                "--report-dir", dir.toString());

        assertThat(region.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(region.err().lines()).containsExactly("labs: --region 'eu-wset-1' 不是 AWS 的区域",
                "提示：你是不是想输入 eu-west-1？");
        assertThat(endpoint.err().lines()).containsExactly("labs: --endpoint-url 'localhost:4566' 缺少协议（http:// 或 https://）",
                "提示：你是不是想输入 http://localhost:4566？");
    }

    @Test
    void aValueOfTheWrongTypeIsRefusedInChineseEvenWhenLangComesAfterIt() {
        CliResult number = CliResult.run("run", LAB, "--parallel", "x", "--lang", "zh");
        CliResult duration = CliResult.runIn(CHINESE, "cleanup", "--older-than", "abc");
        CliResult format = CliResult.run("run", LAB, "--report-format", "html,pdf", "--lang=zh");
        CliResult english = CliResult.run("run", LAB, "--parallel", "x");

        assertThat(number.code()).isEqualTo(duration.code()).isEqualTo(format.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(number.err().lines()).containsExactly("labs: --parallel 的值 'x' 不是整数（例如 4）",
                "提示：请给 --parallel 一个整数（例如 4）；'labs run --help' 有详细说明");
        assertThat(duration.err().lines()).containsExactly("labs: --older-than 的值 'abc' 不是时长，例如 90s、30m、2h 或 7d",
                "提示：请给 --older-than 一个时长，例如 90s、30m、2h 或 7d；'labs cleanup --help' 有详细说明");
        assertThat(format.err().lines()).containsExactly("labs: --report-format：没有 'pdf' 这种报告格式",
                "提示：请从 json, html, junit, md 中选择，多个格式用逗号分隔（--report-format html,md）");
        assertThat(english.err().lines()).containsExactly("labs: --parallel 'x' is not a whole number (such as 4)",
                "hint: give --parallel a whole number (such as 4); 'labs run --help' describes it");
    }

    @Test
    void aFlagOfAnotherTargetAndARunWithoutLabsAreRefusedInChinese() {
        CliResult profile = CliResult.runIn(CHINESE, "run", LAB, "--profile", "sandbox", "--report-dir", dir.toString());
        CliResult none = CliResult.runIn(CHINESE, "run");
        CliResult target = CliResult.runIn(CHINESE, "run", LAB, "--target", "azure");

        assertThat(profile.err().lines()).containsExactly("labs: --profile 只用于 --target aws，不能用于 moto（模拟器不需要 AWS 账户）",
                "提示：想在沙盒账户里运行就加上 --target aws；否则请去掉 --profile");
        assertThat(none.err()).contains("labs: 没有指定要运行的实验", "提示：用 labs run LAB... 或 labs run --all");
        assertThat(target.err()).contains("labs: 没有 'azure' 这个目标；可选的目标有 moto, localstack, endpoint, aws");
    }

    @Test
    void langZhWinsOverAnEnglishLocaleAndLangEnOverAChineseOne() {
        CliResult zh = CliResult.runIn(Map.of("LANG", "C"), "--lang", "zh", "run");
        CliResult en = CliResult.runIn(CHINESE, "--lang", "en", "run");

        assertThat(zh.err()).startsWith("labs: 没有指定要运行的实验\n提示：");
        assertThat(en.err()).startsWith("labs: no lab given\nhint: labs run LAB... or labs run --all");
    }

    @Test
    void theUnexpectedErrorLineTellsHowToSeeTheStackTraceInChinese() {
        assertThat(ErrorText.say(io.awslabs.text.Lang.ZH, "hint", ErrorText.say(io.awslabs.text.Lang.ZH, "unexpected.hint")))
                .isEqualTo("提示：加上 --verbose 重新运行，就能看到完整的堆栈跟踪");
        assertThat(ErrorText.say(io.awslabs.text.Lang.EN, "unexpected.message", "java.lang.IllegalStateException: x"))
                .isEqualTo("unexpected error: java.lang.IllegalStateException: x");
    }

    @Test
    void aBadLabOptionIsRefusedInChineseWithTheLabsOwnWords() {
        CliResult unknown = CliResult.runIn(CHINESE, "run", "directory-service-simple-ad", "--option", "allow-slwo=true",
                "--report-dir", dir.toString());
        CliResult value = CliResult.runIn(CHINESE, "run", "directory-service-simple-ad", "--option", "allow-slow=maybe",
                "--report-dir", dir.toString());

        assertThat(unknown.code()).isEqualTo(value.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(unknown.err().lines()).containsExactly("labs: 所选的实验都没有 'allow-slwo' 这个选项（你是不是想输入 "
                + "'allow-slow'？）；可用的选项：directory-service-simple-ad：allow-slow（true 或 false）",
                "提示：'labs describe LAB' 会列出一个实验能接受的选项");
        assertThat(value.err()).startsWith("labs: --option allow-slow=maybe：应当是 true 或 false（在 AWS 上：接受目录需要");
    }

    @Test
    void anOptionALabNeedsOnAwsIsRefusedInChineseBeforeAnyAccountIsTouched() {
        CliResult result = CliResult.runIn(CHINESE, "run", "directory-service-simple-ad", "--target", "aws",
                "--profile", "sandbox", "--account", "123456789012", "--report-dir", dir.toString());

        assertThat(result.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err().lines()).containsExactly("labs: 实验 directory-service-simple-ad：在 aws 上需要 --option "
                        + "allow-slow：一个 Simple AD 需要 20-40 分钟才能创建完成，删除还要 10 分钟以上，每小时约 $0.05",
                "提示：加上 --option allow-slow=true（'labs describe directory-service-simple-ad' 会说明它的作用）");
    }

    @Test
    void anEndpointNobodyListensOnIsAnEnvironmentErrorInChinese() throws Exception {
        int port;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }

        CliResult result = CliResult.runIn(CHINESE, "run", LAB, "--target", "endpoint", "--endpoint-url",
                "http://127.0.0.1:" + port, "--report-dir", dir.toString());

        assertThat(result.code()).isEqualTo(ExitCodes.ENVIRONMENT);
        assertThat(result.err()).contains("labs: 连不上端点 http://127.0.0.1:" + port + "（",
                "提示：请先启动模拟器（端口可能没有进程在监听，或被别的程序占用），或者检查 --endpoint-url / AWS_ENDPOINT_URL");
    }

    @Test
    void describeInChineseSaysWhatAwsIsExpectedToAnswerInChinese() {
        CliResult result = CliResult.runIn(CHINESE, "describe", "acm-certificate");

        assertThat(result.code()).isEqualTo(ExitCodes.OK);
        assertThat(result.out()).contains("在 AWS 上：不加 --option domain=... --option hosted-zone-id=... 就是 SKIPPED")
                .doesNotContain("SKIPPED unless", "expected PASS", "not run");
    }
}
