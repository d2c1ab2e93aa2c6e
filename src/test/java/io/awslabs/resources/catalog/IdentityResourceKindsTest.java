package io.awslabs.resources.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.awslabs.resources.ResourceKind;
import org.junit.jupiter.api.Test;

/** The kinds of the identity and governance labs, as the tag sweep meets them. */
class IdentityResourceKindsTest {

    @Test
    void sweptArnsMapToTheirKind() {
        assertThat(type("arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_AbC123")).isEqualTo("Cognito user pool");
        assertThat(type("arn:aws:cognito-identity:us-east-1:123456789012:identitypool/us-east-1:0a1b-2c3d"))
                .isEqualTo("Cognito identity pool");
        assertThat(type("arn:aws:iam::123456789012:user/labs-x-reader")).isEqualTo("IAM user");
        assertThat(type("arn:aws:iam::123456789012:policy/labs-x-boundary")).isEqualTo("IAM managed policy");
        assertThat(type("arn:aws:ds:us-east-1:123456789012:directory/d-1234567890")).isEqualTo("Directory Service directory");
        assertThat(type("arn:aws:ec2:us-east-1:123456789012:vpc/vpc-0abc")).isEqualTo("EC2 VPC");
        assertThat(type("arn:aws:ec2:us-east-1:123456789012:subnet/subnet-0abc")).isEqualTo("EC2 subnet");
    }

    @Test
    void theJournalsIdAndTheSweepsArnOfOneResourceHaveTheSameCanonicalId() {
        assertSame("Cognito user pool", "arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_AbC123", "us-east-1_AbC123");
        assertSame("Cognito identity pool", "arn:aws:cognito-identity:us-east-1:123456789012:identitypool/us-east-1:0a1b",
                "us-east-1:0a1b");
        assertSame("IAM user", "arn:aws:iam::123456789012:user/labs-x-reader", "labs-x-reader");
        assertSame("Directory Service directory", "arn:aws:ds:us-east-1:123456789012:directory/d-1234567890", "d-1234567890");
        assertSame("EC2 VPC", "arn:aws:ec2:us-east-1:123456789012:vpc/vpc-0abc", "vpc-0abc");
        String policy = "arn:aws:iam::123456789012:policy/labs-x-boundary";
        assertThat(ResourceKinds.forType("IAM managed policy").orElseThrow().canonicalId(policy)).isEqualTo(policy);
    }

    @Test
    void dependentsComeBeforeWhatTheyDependOnInTheSweep() {
        assertThat(ResourceKinds.ALL).extracting(ResourceKind::type)
                .containsSubsequence("Cognito identity pool", "Cognito user pool client", "Cognito user pool")
                .containsSubsequence("Organizations account move", "Organizations policy attachment", "Organizations SCP",
                        "Organizations OU", "Organizations organization")
                .containsSubsequence("IAM access key", "IAM user inline policy", "IAM user policy attachment", "IAM user",
                        "IAM managed policy")
                .containsSubsequence("IAM role inline policy", "IAM role", "IAM managed policy")
                .containsSubsequence("Directory Service directory", "EC2 subnet", "EC2 VPC")
                .containsSubsequence("EC2 security group", "EC2 VPC");
    }

    private static void assertSame(String type, String arn, String id) {
        ResourceKind kind = ResourceKinds.forType(type).orElseThrow();
        assertThat(kind.canonicalId(arn)).as(type + " " + arn).isEqualTo(kind.canonicalId(id));
    }

    private static String type(String arn) {
        return ResourceKinds.forArn(arn).map(ResourceKind::type).orElse(null);
    }
}
