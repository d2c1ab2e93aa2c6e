package io.awslabs.labs.organizations;

import static org.assertj.core.api.Assertions.assertThat;

import io.awslabs.report.AssertionRecord;
import io.awslabs.report.LabReport;
import io.awslabs.report.TeardownRecord;
import io.awslabs.testing.Emulator;
import io.awslabs.testing.JarProcess;
import io.awslabs.testing.LabContract;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OrganizationsScpGuardrailsIT extends LabContract {
    /** No credentials anywhere, so the aws target could not open even if the run got that far. */
    private static final Map<String, String> NO_AWS = Map.of("AWS_EC2_METADATA_DISABLED", "true",
            "AWS_CONFIG_FILE", "/nonexistent/config", "AWS_SHARED_CREDENTIALS_FILE", "/nonexistent/credentials",
            "AWS_REGION", "us-east-1");

    @TempDir
    Path work;

    OrganizationsScpGuardrailsIT() {
        super(OrganizationsScpGuardrailsLab::new);
    }

    @Test
    void theAccountInheritsFullAwsAccessAtEveryLevelAndTheGuardrailThroughItsOu() {
        AssertionRecord effective = assertionsOn(Emulator.MOTO).get("effective-scps-of-account");

        assertThat(effective.actual()).contains("levels without FullAWSAccess: []")
                .containsPattern("the lab's SCP, through the OU: \\[FullAWSAccess, labs-organizations-scp-guardrails-[a-z0-9]{8}-deny-acm\\]");
    }

    @Test
    void motoAttachesBeforeThePolicyTypeIsEnabledAndThatIsTheGap() {
        assertThat(assertionsOn(Emulator.MOTO).get("scp-needs-policy-type-enabled").reason())
                .startsWith("known moto gap").contains("AttachPolicy before EnablePolicyType: the call succeeded");
    }

    @Test
    void teardownMovesTheAccountBackBeforeTheOuGoesAndDeletesTheOrganizationLast() {
        LabReport lab = labOn(Emulator.MOTO);

        assertThat(lab.teardown()).extracting(TeardownRecord::type).containsSubsequence("Organizations account move",
                "Organizations OU", "Organizations organization");
        assertThat(lab.teardown().get(lab.teardown().size() - 1).type()).isEqualTo("Organizations organization");
    }

    @Test
    void onAwsTheRunIsRefusedBeforeAnythingIsCreatedUntilItSaysWhichOrganization() throws Exception {
        JarProcess.Result refused = JarProcess.run(work, NO_AWS, "run", "organizations-scp-guardrails", "--target", "aws");

        assertThat(refused.code()).as(refused.err()).isEqualTo(2);
        assertThat(refused.err()).contains("lab organizations-scp-guardrails needs --option organization on aws")
                .contains("hint: add --option organization=create-in-sandbox").doesNotContain("Exception");
        assertThat(work.resolve("state")).as("no journal: nothing was started").satisfies(d ->
                assertThat(Files.exists(d.resolve("journals"))).isFalse());

        JarProcess.Result chosen = JarProcess.run(work, NO_AWS, "run", "organizations-scp-guardrails", "--target", "aws",
                "--option", "organization=create-in-sandbox");
        assertThat(chosen.code()).as("past the option check, the aws target wants credentials").isEqualTo(3);
        assertThat(chosen.err()).doesNotContain("needs --option");
    }

    @Test
    void localStackCommunityHasNoOrganizationsSoNothingIsCreatedAndTheReasonSaysSo() {
        LabReport lab = labOn(Emulator.LOCALSTACK);

        assertThat(lab.assertions()).allSatisfy(r -> assertThat(r.reason()).as(r.id())
                .contains("does not serve organizations", "community edition"));
        assertThat(lab.teardown()).isEmpty();
    }
}
