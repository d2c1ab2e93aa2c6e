package io.awslabs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.awslabs.policy.PolicyDocument;
import org.junit.jupiter.api.Test;

class PolicyCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void oneLabPrintsOnePolicyDocumentAndNoWarning() throws Exception {
        CliResult result = CliResult.run("policy", "kms-envelope-encryption");

        assertThat(result.code()).isEqualTo(ExitCodes.OK);
        JsonNode policy = JSON.readTree(result.out());
        assertThat(policy.get("Version").asText()).isEqualTo("2012-10-17");
        assertThat(policy.toString()).contains("kms:GenerateDataKey", "kms:ScheduleKeyDeletion", "sts:GetCallerIdentity");
        assertThat(result.err()).isEmpty();
    }

    @Test
    void everyLabIsOverTheManagedPolicyLimitAndSaysWhatToDoInsteadOnStderr() throws Exception {
        CliResult result = CliResult.run("policy", "--all");

        assertThat(result.code()).isEqualTo(ExitCodes.OK);
        assertThat(JSON.readTree(result.out()).toString().length()).isGreaterThan(PolicyDocument.MANAGED_POLICY_LIMIT);
        assertThat(result.err().lines()).singleElement().asString()
                .contains("warning", "6144", "labs policy LAB", "several managed policies");
    }

    @Test
    void inChineseTheWarningIsChineseAndThePolicyTheSame() {
        CliResult english = CliResult.run("policy", "--all");
        CliResult chinese = CliResult.run("--lang", "zh", "policy", "--all");

        assertThat(chinese.out()).isEqualTo(english.out());
        assertThat(chinese.err()).contains("警告", "6144", "labs policy LAB");
    }

    @Test
    void anUnknownLabIsRefusedAsRunRefusesIt() {
        CliResult policy = CliResult.run("policy", "kms-envelope-encryptin");
        CliResult run = CliResult.run("run", "kms-envelope-encryptin");

        assertThat(policy.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(policy.out()).isEmpty();
        assertThat(policy.err()).isEqualTo(run.err()).contains("kms-envelope-encryption");
    }

    @Test
    void labsAndAllTogetherOrNeitherAreRefused() {
        assertThat(CliResult.run("policy").code()).isEqualTo(ExitCodes.USAGE);
        assertThat(CliResult.run("policy", "--all", "kms-envelope-encryption").code()).isEqualTo(ExitCodes.USAGE);
    }
}
