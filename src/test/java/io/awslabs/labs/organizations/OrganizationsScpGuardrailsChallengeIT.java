package io.awslabs.labs.organizations;

import static org.assertj.core.api.Assertions.assertThat;

import io.awslabs.testing.ChallengeContract;
import io.awslabs.testing.JarProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OrganizationsScpGuardrailsChallengeIT extends ChallengeContract {
    /** No credentials anywhere, so the aws target could not open even if the start got that far. */
    private static final Map<String, String> NO_AWS = Map.of("AWS_EC2_METADATA_DISABLED", "true",
            "AWS_CONFIG_FILE", "/nonexistent/config", "AWS_SHARED_CREDENTIALS_FILE", "/nonexistent/credentials",
            "AWS_REGION", "us-east-1");

    @TempDir
    Path work;

    OrganizationsScpGuardrailsChallengeIT() {
        super(OrganizationsScpGuardrailsLab::new, OrganizationsScpGuardrailsChallenge::new);
    }

    @Test
    void onAwsTheChallengeIsRefusedBeforeAnythingIsCreatedUntilItSaysWhichOrganization() throws Exception {
        JarProcess.Result refused = JarProcess.run(work, NO_AWS, "start", "organizations-scp-guardrails", "--target", "aws");

        assertThat(refused.code()).as(refused.err()).isEqualTo(2);
        assertThat(refused.err()).contains("lab organizations-scp-guardrails needs --option organization on aws")
                .contains("hint: add --option organization=create-in-sandbox").doesNotContain("Exception");
        assertThat(Files.exists(work.resolve("state").resolve("journals"))).as("no journal: nothing was started").isFalse();
    }
}
