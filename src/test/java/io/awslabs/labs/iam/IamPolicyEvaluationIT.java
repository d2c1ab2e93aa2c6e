package io.awslabs.labs.iam;

import static org.assertj.core.api.Assertions.assertThat;

import io.awslabs.report.AssertionRecord;
import io.awslabs.report.LabReport;
import io.awslabs.report.RunReport;
import io.awslabs.report.Status;
import io.awslabs.report.TeardownRecord;
import io.awslabs.targets.EmulatorTarget;
import io.awslabs.targets.Target;
import io.awslabs.targets.TargetKind;
import io.awslabs.testing.Emulator;
import io.awslabs.testing.LabContract;
import io.awslabs.testing.LabHarness;
import io.awslabs.testing.SharedMoto;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;

class IamPolicyEvaluationIT extends LabContract {

    IamPolicyEvaluationIT() {
        super(IamPolicyEvaluationLab::new);
    }

    @Test
    void onMotoAPrivateMotoWithEnforcementOnDecidesAndTheRunsMotoStaysOpenToEveryone() {
        Map<String, AssertionRecord> a = assertionsOn(Emulator.MOTO);

        assertThat(a.get("implicit-deny").evidence()).containsEntry("decidedBy", "a moto of this lab's own with IAM enforcement on");
        assertThat(a.get("explicit-deny-wins").actual()).contains("under s3:* and the Deny: refused: AccessDenied");
        assertThat(a.get("signature-checked").actual()).contains("refused: SignatureDoesNotMatch");
        try (Target shared = SharedMoto.target()) {
            assertThat(shared.client(IamClient.class).listUsers().users()).as("the shared moto still answers the test "
                    + "credentials, and holds none of the lab's users").noneMatch(u -> u.userName().contains("-nobody"));
        }
    }

    @Test
    void motosGapsAreTheThreeThingsItsPolicyEvaluationIgnores() {
        Map<String, AssertionRecord> a = assertionsOn(Emulator.MOTO);

        assertThat(a.get("condition-must-hold").reason()).startsWith("known moto gap").contains("allowed");
        assertThat(a.get("permissions-boundary-caps").reason()).startsWith("known moto gap").contains("allowed");
        assertThat(a.get("missing-external-id-refused").reason()).startsWith("known moto gap").contains("allowed");
        assertThat(a.get("condition-must-hold").checks()).first().satisfies(c -> assertThat(c.held()).as(c.what()).isTrue());
    }

    @Test
    void onMotoWhatTheLabMadeWherePoliciesDecideGoesBeforeThePrivateMotoStops() {
        LabReport lab = labOn(Emulator.MOTO);

        assertThat(lab.teardown()).filteredOn(t -> t.type().endsWith("(private moto)"))
                .extracting(TeardownRecord::type).contains("IAM user (private moto)", "IAM access key (private moto)",
                        "S3 bucket (private moto)", "IAM role (private moto)");
        assertThat(lab.teardown()).extracting(TeardownRecord::outcome).containsOnly(TeardownRecord.Outcome.DELETED);
        assertThat(lab.teardown().get(lab.teardown().size() - 2).type()).isEqualTo("IAM-enforcing emulator");
        assertThat(lab.teardown().get(lab.teardown().size() - 1).type()).as("on the run's own target").isEqualTo("IAM managed policy");
    }

    @Test
    void onLocalStackEveryRefusalComesBackAllowedAndOnlyTheGrammarIsProven() {
        Map<String, AssertionRecord> a = assertionsOn(Emulator.LOCALSTACK);

        assertThat(a.get("policy-grammar-checked").status()).isEqualTo(Status.PASS);
        assertThat(a.values()).filteredOn(r -> !r.id().equals("policy-grammar-checked"))
                .allSatisfy(r -> assertThat(r.reason()).as(r.id()).startsWith("known LocalStack gap").contains("allowed"));
    }

    @Test
    void anEndpointThatDoesNotSayWhatItIsShowsNoEnforcementAndSaysWhy() {
        RunReport report;
        try (Target unknown = new EmulatorTarget(TargetKind.ENDPOINT, Optional.empty(), SharedMoto.endpoint(), "us-east-1",
                0, () -> { })) {
            report = LabHarness.run(unknown, new IamPolicyEvaluationLab());
        }
        Map<String, AssertionRecord> a = LabHarness.assertionsOf(report.labs().get(0));

        assertThat(a.get("policy-grammar-checked").status()).isEqualTo(Status.PASS);
        assertThat(a.values()).filteredOn(r -> !r.id().equals("policy-grammar-checked"))
                .allSatisfy(r -> assertThat(r.reason()).as(r.id()).contains("did not say which emulator it is"));
        assertThat(report.labs().get(0).teardown()).extracting(TeardownRecord::outcome)
                .containsOnly(TeardownRecord.Outcome.DELETED);
    }
}
