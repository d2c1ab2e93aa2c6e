package io.awslabs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.awslabs.lab.LabWords;
import io.awslabs.lab.RunSteps;
import io.awslabs.labs.acm.AcmCertificateLab;
import io.awslabs.resources.TeardownWords;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import io.awslabs.report.AssertionRecord;
import io.awslabs.report.Status;
import io.awslabs.text.Lang;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ConsoleProgressTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final ConsoleProgress log = new ConsoleProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8),
            new Terminal(false, false), Lang.EN);

    @Test
    void inALogAWaitIsOneLineWithItsLimitNotALinePerPoll() {
        for (int poll = 0; poll < 10; poll++) {
            log.waiting("acm", LabWords.of(AcmCertificateLab.class, "wait.issued"), Duration.ofSeconds(poll), Duration.ofMinutes(15),
                    "PENDING_VALIDATION");
        }
        log.waiting("acm", LabWords.of(AcmCertificateLab.class, "wait.changeInSync"), Duration.ZERO, Duration.ofMinutes(2), "PENDING");

        assertThat(lines()).hasSize(2);
        assertThat(lines()[0]).contains("acm", "waiting for the certificate to be ISSUED", "of at most 900 s",
                "PENDING_VALIDATION");
        assertThat(lines()[1]).contains("INSYNC", "of at most 120 s");
    }

    @Test
    void verboseShowsTheCliCommandOfEachCallUnderItsAssertion() {
        AssertionRecord encrypted = new AssertionRecord("encrypt-under-alias", "Encrypt names the key by alias", Status.PASS,
                "x", "x", null, null, java.util.Map.of("kms:Encrypt.requestId", "r-1",
                        "kms:Encrypt.cli", "aws kms encrypt --key-id alias/a --plaintext REDACTED"), java.util.List.of(), 3);

        log.showingCommands(true).assertion("kms", encrypted);

        assertThat(lines()).hasSize(2);
        assertThat(lines()[1]).contains("$ aws kms encrypt --key-id alias/a");
    }

    @Test
    void inChineseTheRunnersStepsOutcomesAndReasonsReadInChineseWhileIdsAndStatusWordsStayEnglish() {
        ByteArrayOutputStream zhBytes = new ByteArrayOutputStream();
        ConsoleProgress zh = new ConsoleProgress(new PrintStream(zhBytes, true, StandardCharsets.UTF_8),
                new Terminal(false, false), Lang.ZH);
        AssertionRecord skipped = new AssertionRecord("rotation", "KMS rotates the key", Status.SKIPPED, null, null,
                "moto does not rotate keys", null, java.util.Map.of(), java.util.List.of(), 2)
                .translated(Lang.ZH, new AssertionRecord.Translation("KMS 会轮换密钥", "moto 不会轮换密钥"));
        AssertionRecord failed = new AssertionRecord("too-big", "KMS refuses 4097 bytes", Status.FAIL, "refused",
                "accepted", null, null, java.util.Map.of(), java.util.List.of(), 4);

        zh.labStarted("kms", 1, 2);
        zh.stepFinished("kms", RunSteps.PROVISION, 120, "ok");
        zh.stepFinished("kms", RunSteps.VERIFY, 10, "failed: AccessDenied");
        zh.assertion("kms", skipped);
        zh.assertion("kms", failed);
        zh.teardown("kms", new io.awslabs.report.TeardownRecord("KMS key", "k-1", io.awslabs.report.TeardownRecord.Outcome.DELETED,
                null, 5));
        zh.waiting("kinesis", TeardownWords.phrase("wait.active", "labs-k-1"), Duration.ofSeconds(3), Duration.ofSeconds(60),
                "CREATING");

        String[] shown = zhBytes.toString(StandardCharsets.UTF_8).lines().toArray(String[]::new);
        assertThat(shown[0]).contains("实验 1/2");
        assertThat(shown[1]).contains("创建资源 完成（120 ms）");
        assertThat(shown[2]).contains("验证 失败：AccessDenied");
        assertThat(shown[3]).contains("SKIP  rotation（2 ms）：moto 不会轮换密钥").doesNotContain("does not rotate");
        assertThat(shown[4]).contains("FAIL  too-big（4 ms）：预期 refused，实际 accepted");
        assertThat(shown[5]).contains("清理 KMS key k-1：已删除");
        assertThat(shown[6]).contains("正在等待：labs-k-1 变为 ACTIVE，已等 3 秒，最多等 60 秒（最近一次的回答：CREATING）");
    }

    @Test
    void inEnglishTheLinesReadAsTheReportRecordsThem() {
        log.stepFinished("kms", RunSteps.PROVISION, 120, "ok");
        log.teardown("kms", new io.awslabs.report.TeardownRecord("KMS key", "k-1",
                io.awslabs.report.TeardownRecord.Outcome.SCHEDULED, "pending", 5, java.time.Instant.parse("2026-12-09T00:00:00Z")));

        assertThat(lines()[0]).endsWith("kms  provision ok (120 ms)");
        assertThat(lines()[1]).endsWith("kms  teardown KMS key k-1: SCHEDULED (pending; deleted on 2026-12-09T00:00:00Z)");
    }

    private String[] lines() {
        return bytes.toString(StandardCharsets.UTF_8).lines().toArray(String[]::new);
    }
}
