package io.awslabs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.awslabs.testing.JarProcess;
import io.awslabs.testing.SharedMoto;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A learner whose locale is Chinese, with the jar: a run's progress lines, notes and teardown, and a whole challenge
 * (start, hints, check, status, solve, stop, progress) read in Chinese, while commands, AWS names
 * and the status words stay as they are typed and shown in the reports.
 */
class ChineseLearnerIT {
    private static final String LAB = "kms-envelope-encryption";

    @TempDir
    Path dir;

    @Test
    void aRunsProgressLinesReadInChinese() throws Exception {
        JarProcess.Result run = AwsOnMoto.run(dir, chinese(), "run", LAB, "--target", "endpoint",
                "--endpoint-url", SharedMoto.endpoint().toString(), "--report-dir", dir.resolve("reports").toString());

        assertThat(run.code()).as(run.err()).isEqualTo(ExitCodes.OK);
        assertThat(run.err()).contains("在 endpoint 上运行 1 个实验", "实验 1/1", "创建资源 完成（", "验证 完成（", "清理 完成（",
                "PASS  ", "已创建 KMS key arn:aws:kms:", "是 moto：它声明的差异适用",
                "已安排删除（KMS 会在 7 天的最短等待期过后删除它；将于 ")
                .doesNotContain("provision ok", "lab 1/1", "created KMS key", "KMS deletes it after", "its declared gaps apply");
        assertThat(run.out()).contains("说明：KMS 密钥无法立即删除：清理时会为每个实验密钥安排在 7 天后删除",
                "已计划删除  KMS key ").doesNotContain("cannot be deleted at once");
    }

    @Test
    void aChallengeFromStartToStopReadsInChinese() throws Exception {
        Map<String, String> env = chinese();
        JarProcess.Result start = AwsOnMoto.run(dir, env, "start", LAB, "--target", "aws", "--region", "us-east-1",
                "--account", AwsOnMoto.ACCOUNT, "--yes");
        assertThat(start.code()).as(start.err()).isEqualTo(ExitCodes.OK);
        assertThat(start.out()).contains("挑战 " + LAB + "（运行 ID ", "目标\n  应用程序可以用别名", "为你准备好的资源", "保护发票的 KMS 密钥",
                "检查的内容", "  - 这个密钥已启用密钥材料的自动轮换", "eval \"$(./labs env)\"", "labs check    用上面这些说法");

        JarProcess.Result first = AwsOnMoto.run(dir, env, "hint");
        JarProcess.Result second = AwsOnMoto.run(dir, env, "hint");
        assertThat(first.out()).contains("提示 1/3：用到 KMS 别名", "再运行一次 'labs hint' 会给出第 2 条提示");
        assertThat(second.out()).contains("提示 2/3：用到的 KMS API 调用");

        JarProcess.Result check = AwsOnMoto.run(dir, env, "check");
        assertThat(check.code()).as(check.out() + check.err()).isEqualTo(ExitCodes.NOT_PROVEN);
        assertThat(check.out()).contains("3 项检查中通过了 0 项", "FAIL   这个密钥已启用密钥材料的自动轮换", "已用提示：2/3；从开始到现在：",
                "'labs hint' 会给出第 3 条提示");

        assertThat(AwsOnMoto.run(dir, env, "status").out()).contains("挑战 " + LAB + "（运行 ID ", "  目标       aws",
                "  提示       已用 2/3");

        JarProcess.Result solve = AwsOnMoto.run(dir, env, "solve");
        assertThat(solve.code()).as(solve.out() + solve.err()).isEqualTo(ExitCodes.OK);
        assertThat(solve.out()).contains("参考答案已经应用。用 AWS CLI 做同样的事是这样：", "已经应用了参考答案（'labs solve'）");

        JarProcess.Result stop = AwsOnMoto.run(dir, env, "stop");
        assertThat(stop.code()).as(stop.out() + stop.err()).isEqualTo(ExitCodes.OK);
        assertThat(stop.out()).contains("挑战 " + LAB + "（运行 ID ", "SCHEDULED", "挑战已结束");

        JarProcess.Result none = AwsOnMoto.run(dir, env, "hint");
        assertThat(none.err()).contains("labs: 当前没有进行中的挑战", "提示：'labs start LAB' 开始一个挑战");
        assertThat(AwsOnMoto.run(dir, env, "progress").out()).contains("最好的一次检查", "考试领域（权重）", "设计安全架构");
    }

    private Map<String, String> chinese() {
        Map<String, String> env = new HashMap<>(AwsOnMoto.env(dir));
        env.put("LANG", "zh_CN.UTF-8");
        env.put("LC_ALL", "");
        env.put("LC_MESSAGES", "");
        // the jar is started without the launcher, which is what passes these; zh_CN may not be installed here
        env.put("JAVA_TOOL_OPTIONS", "-Dsun.stdout.encoding=UTF-8 -Dsun.stderr.encoding=UTF-8");
        return env;
    }
}
