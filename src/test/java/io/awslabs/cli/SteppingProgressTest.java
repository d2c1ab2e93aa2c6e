package io.awslabs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.awslabs.lab.Progress;
import io.awslabs.lab.RunSteps;
import io.awslabs.report.AssertionRecord;
import io.awslabs.report.Status;
import io.awslabs.text.Lang;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SteppingProgressTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    @Test
    void aGuidedRunPausesAfterProvisioningAndAfterEachAssertionWithTheCommandsToRetype() {
        BufferedReader enter = new BufferedReader(new StringReader("\n\n\n"));
        SteppingProgress step = new SteppingProgress(Progress.SILENT, out, enter, Lang.EN);
        step.lookAround(List.of("aws resourcegroupstaggingapi get-resources --tag-filters Key=labs:run-id,Values=r1"));

        step.stepFinished("kms", RunSteps.PROVISION, 120, "ok");
        step.assertion("kms", record(Status.PASS, Map.of("kms:Encrypt.requestId", "q-1",
                "kms:Encrypt.cli", "aws kms encrypt --key-id alias/a --plaintext REDACTED")));
        step.assertion("kms", record(Status.SKIPPED, Map.of()));

        String shown = bytes.toString(StandardCharsets.UTF_8);
        assertThat(shown).contains("provisioned", "$ aws resourcegroupstaggingapi get-resources --tag-filters Key=labs:run-id,Values=r1")
                .contains("proven: KMS encrypts under an alias", "$ aws kms encrypt --key-id alias/a")
                .contains("SKIPPED, not proven: KMS encrypts under an alias");
        assertThat(shown.split("Enter: next step", -1)).hasSize(4);
    }

    @Test
    void theEndOfInputEndsThePausesNotTheRun() {
        SteppingProgress step = new SteppingProgress(Progress.SILENT, out, new BufferedReader(new StringReader("")), Lang.EN);

        step.stepFinished("kms", RunSteps.PROVISION, 120, "ok");
        step.assertion("kms", record(Status.PASS, Map.of()));
        step.stepFinished("kms", RunSteps.VERIFY, 10, "ok");

        assertThat(bytes.toString(StandardCharsets.UTF_8).split("Enter: next step", -1)).hasSize(2);
    }

    @Test
    void aFailedProvisioningIsNotAPause() {
        SteppingProgress step = new SteppingProgress(Progress.SILENT, out, new BufferedReader(new StringReader("\n")), Lang.EN);

        step.stepFinished("kms", RunSteps.PROVISION, 120, "failed: AccessDenied");

        assertThat(bytes.toString(StandardCharsets.UTF_8)).doesNotContain("Enter: next step");
    }

    @Test
    void inChineseAGuidedRunSaysWhatWasProvenInChineseAndHowToGoOn() {
        SteppingProgress step = new SteppingProgress(Progress.SILENT, out, new BufferedReader(new StringReader("\n\n")),
                Lang.ZH);

        step.stepFinished("kms", RunSteps.PROVISION, 120, "ok");
        step.assertion("kms", record(Status.PASS, Map.of("kms:Encrypt.cli", "aws kms encrypt --key-id alias/a"))
                .translated(Lang.ZH, new AssertionRecord.Translation("KMS 可以用别名加密", null)));

        assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("资源已创建：kms 创建的资源现在都在")
                .contains("已证明：KMS 可以用别名加密", "它发出的调用", "$ aws kms encrypt --key-id alias/a",
                        "按 Enter 继续下一步").doesNotContain("proven:");
    }

    private static AssertionRecord record(Status status, Map<String, String> evidence) {
        return new AssertionRecord("encrypt-under-alias", "KMS encrypts under an alias", status, "x", "x",
                status == Status.PASS ? null : "a reason", null, evidence, List.of(), 3);
    }
}
