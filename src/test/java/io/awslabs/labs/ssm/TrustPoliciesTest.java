package io.awslabs.labs.ssm;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TrustPoliciesTest {

    @Test
    void theLabsOwnTrustPolicyLetsEc2AssumeTheRoleEvenUrlEncodedAsIamReturnsIt() throws Exception {
        String asIamReturnsIt = URLEncoder.encode(SsmInstanceProfile.EC2_TRUST_POLICY, StandardCharsets.UTF_8);

        assertThat(TrustPolicies.allowsServiceToAssume(asIamReturnsIt, "ec2.amazonaws.com")).isTrue();
        assertThat(TrustPolicies.decode(asIamReturnsIt)).isEqualTo(SsmInstanceProfile.EC2_TRUST_POLICY);
    }

    @Test
    void listsOfPrincipalsAndActionsAndASingleStatementObjectAreUnderstood() throws Exception {
        String policy = """
                {"Version":"2012-10-17","Statement":{"Effect":"Allow",
                 "Principal":{"Service":["lambda.amazonaws.com","ec2.amazonaws.com"]},
                 "Action":["sts:TagSession","sts:AssumeRole"]}}""";

        assertThat(TrustPolicies.allowsServiceToAssume(policy, "ec2.amazonaws.com")).isTrue();
    }

    @Test
    void anotherServiceADenyOrAnotherActionDoNotCount() throws Exception {
        String lambdaOnly = SsmInstanceProfile.EC2_TRUST_POLICY.replace("ec2.amazonaws.com", "lambda.amazonaws.com");
        String deny = SsmInstanceProfile.EC2_TRUST_POLICY.replace("Allow", "Deny");
        String tagOnly = SsmInstanceProfile.EC2_TRUST_POLICY.replace("sts:AssumeRole", "sts:TagSession");

        assertThat(TrustPolicies.allowsServiceToAssume(lambdaOnly, "ec2.amazonaws.com")).isFalse();
        assertThat(TrustPolicies.allowsServiceToAssume(deny, "ec2.amazonaws.com")).isFalse();
        assertThat(TrustPolicies.allowsServiceToAssume(tagOnly, "ec2.amazonaws.com")).isFalse();
    }
}
