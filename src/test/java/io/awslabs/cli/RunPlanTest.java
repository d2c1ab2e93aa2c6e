package io.awslabs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.awslabs.lab.Checks;
import io.awslabs.lab.Lab;
import io.awslabs.lab.LabContext;
import io.awslabs.lab.LabInfo;
import io.awslabs.labs.cloudfront.CloudFrontPrivateOriginLab;
import io.awslabs.labs.kms.KmsEnvelopeEncryptionLab;
import io.awslabs.targets.AwsTarget;
import io.awslabs.targets.TargetWords;
import io.awslabs.text.Lang;
import io.awslabs.text.Said;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunPlanTest {
    private static final AwsTarget.CallerIdentity WHO = new AwsTarget.CallerIdentity("123456789012",
            "arn:aws:sts::123456789012:assumed-role/Sandbox/alice", List.of("acme-sandbox"));
    private static final Said BY_FLAG = TargetWords.phrase("guard.allowListedByFlag");

    private record DistributionLab() implements Lab {
        @Override
        public LabInfo info() {
            return LabInfo.of("cdn-demo", "CDN demo").services("CloudFront", "s3")
                    .costPerRunUsd(0.02, "requests").creates("a CloudFront distribution", "an S3 bucket");
        }

        @Override public void provision(LabContext ctx) { }
        @Override public void verify(LabContext ctx, Checks check) { }
    }

    private record PlainLab() implements Lab {
        @Override
        public LabInfo info() {
            return LabInfo.of("plain", "Plain").services("s3").creates("an S3 bucket");
        }

        @Override public void provision(LabContext ctx) { }
        @Override public void verify(LabContext ctx, Checks check) { }
    }

    @Test
    void thePlanAddsUpTheCostAndNamesWhatOutlivesTheRunAndWhatIsSlow() {
        String plan = RunPlan.render("abc12345", WHO, BY_FLAG, "eu-west-1",
                List.of(new KmsEnvelopeEncryptionLab(), new DistributionLab()), Path.of("/state/journals/abc12345.jsonl"), Lang.EN);

        assertThat(plan).contains(
                "Plan for run abc12345 on AWS",
                "account   123456789012 (alias acme-sandbox), allow-listed by --account",
                "as        arn:aws:sts::123456789012:assumed-role/Sandbox/alice",
                "region    eu-west-1",
                "journal   /state/journals/abc12345.jsonl",
                "cdn-demo (about $0.02: requests)",
                "    creates a CloudFront distribution\n            an S3 bucket",
                "estimated cost of this run: about $0.03",
                "cannot be deleted at once:\n    - KMS keys cannot be deleted at once",
                "slow:\n    - CloudFront distributions are slow",
                "tagged labs:run-id=abc12345");
    }

    @Test
    void thePlanSaysThatRequestsThroughANewDistributionWaitMinutesAndHowToLeaveThemOut() {
        String plan = RunPlan.render("abc12345", WHO, BY_FLAG, "eu-west-1",
                List.of(new CloudFrontPrivateOriginLab()), Path.of("j"), Lang.EN);

        assertThat(plan).contains("waits minutes until it is Deployed", "--option wait-deployed=false");
    }

    @Test
    void aPlanWithNothingLastingOrSlowSaysSo() {
        String plan = RunPlan.render("abc12345", WHO, BY_FLAG, "eu-west-1",
                List.of(new PlainLab()), Path.of("j"), Lang.EN);

        assertThat(plan).contains("cannot be deleted at once: nothing", "slow: nothing");
    }

    @Test
    void thePlanReadsInChineseWithTheLabsOwnTexts() {
        String plan = RunPlan.render("abc12345", WHO, BY_FLAG, "eu-west-1",
                List.of(new KmsEnvelopeEncryptionLab(), new PlainLab()), Path.of("/state/journals/abc12345.jsonl"), Lang.ZH);

        assertThat(plan).contains(
                "运行 abc12345 在 AWS 上的计划",
                "账户       123456789012（别名 acme-sandbox），由 --account 列入允许名单",
                "运行日志   /state/journals/abc12345.jsonl",
                "会创建 一个对称 KMS 密钥（带运行 ID 标签）及其别名\n           第二个 KMS 密钥",
                "预计本次运行费用约 $",
                "不能立即删除：\n    - KMS 密钥不能立即删除",
                "docs.aws.amazon.com/kms/latest/APIReference/API_ScheduleKeyDeletion.html",
                "耗时较长：无",
                "'labs cleanup --run-id abc12345'");
        // a lab without a Chinese file still reads in English, inside the Chinese plan
        assertThat(plan).contains("会创建 an S3 bucket").doesNotContain("Plan for", "allow-listed", "creates");
    }
}
