package io.awslabs.cleanup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ResourceDeletersTest {

    @Test
    void everyTypeTheLabsCreateHasADeleterFoundByItsTypeStringInAnyCase() {
        for (String type : new String[] {"KMS key", "KMS alias", "S3 bucket", "ACM certificate", "Route 53 hosted zone",
                "IAM role", "IAM role policy attachment", "IAM instance profile", "IAM instance profile role",
                "EC2 instance", "EC2 security group", "SSM parameter", "CloudFront distribution"}) {
            assertThat(ResourceDeleters.forType(type)).as(type).hasValueSatisfying(d -> assertThat(d.type()).isEqualTo(type));
            assertThat(ResourceDeleters.forType(type.toLowerCase(Locale.ROOT))).as(type).isPresent();
        }
        assertThat(ResourceDeleters.forType("Quantum widget")).isEmpty();
    }

    @Test
    void typeStringsAreUnique() {
        Set<String> seen = new HashSet<>();
        ResourceDeleters.ALL.forEach(d -> assertThat(seen.add(d.type().toLowerCase(Locale.ROOT))).as(d.type()).isTrue());
    }

    @Test
    void sweptArnsMapToTheirDeleter() {
        assertThat(type("arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab")).isEqualTo("KMS key");
        assertThat(type("arn:aws:s3:::labs-s3-abc12345-data")).isEqualTo("S3 bucket");
        assertThat(type("arn:aws:acm:eu-west-1:123456789012:certificate/uuid")).isEqualTo("ACM certificate");
        assertThat(type("arn:aws:route53:::hostedzone/Z0123")).isEqualTo("Route 53 hosted zone");
        assertThat(type("arn:aws:iam::123456789012:role/labs-ssm-abc12345-role")).isEqualTo("IAM role");
        assertThat(type("arn:aws:iam::123456789012:instance-profile/labs-x")).isEqualTo("IAM instance profile");
        assertThat(type("arn:aws:ec2:eu-west-1:123456789012:instance/i-0abc")).isEqualTo("EC2 instance");
        assertThat(type("arn:aws:ec2:eu-west-1:123456789012:security-group/sg-0abc")).isEqualTo("EC2 security group");
        assertThat(type("arn:aws:ssm:eu-west-1:123456789012:parameter/labs-x/secret")).isEqualTo("SSM parameter");
        assertThat(type("arn:aws:cloudfront::123456789012:distribution/E123")).isEqualTo("CloudFront distribution");
        assertThat(ResourceDeleters.forArn("arn:aws:ec2:eu-west-1:123456789012:volume/vol-0abc")).isEmpty();
        assertThat(ResourceDeleters.forArn("arn:aws:s3:::bucket/key")).isEmpty();
    }

    @Test
    void theJournalsIdAndTheSweepsArnOfOneResourceHaveTheSameCanonicalId() {
        assertSame("KMS key", "arn:aws:kms:eu-west-1:123456789012:key/k1", "k1");
        assertSame("KMS alias", "arn:aws:kms:eu-west-1:123456789012:alias/labs-x", "alias/labs-x");
        assertSame("S3 bucket", "arn:aws:s3:::labs-x-data", "labs-x-data");
        assertSame("IAM role", "arn:aws:iam::123456789012:role/service/labs-x-role", "labs-x-role");
        assertSame("Route 53 hosted zone", "arn:aws:route53:::hostedzone/Z0123", "/hostedzone/Z0123");
        assertSame("EC2 instance", "arn:aws:ec2:eu-west-1:123456789012:instance/i-0abc", "i-0abc");
        assertSame("SSM parameter", "arn:aws:ssm:eu-west-1:123456789012:parameter/labs-x/secret", "/labs-x/secret");
        assertSame("SSM parameter", "arn:aws:ssm:eu-west-1:123456789012:parameter/plain", "plain");
        String certificate = "arn:aws:acm:eu-west-1:123456789012:certificate/uuid";
        assertThat(ResourceDeleters.forType("ACM certificate").orElseThrow().canonicalId(certificate)).isEqualTo(certificate);
    }

    private static void assertSame(String type, String arn, String id) {
        ResourceDeleter deleter = ResourceDeleters.forType(type).orElseThrow();
        assertThat(deleter.canonicalId(arn)).as(type + " " + arn).isEqualTo(deleter.canonicalId(id));
    }

    private static String type(String arn) {
        return ResourceDeleters.forArn(arn).map(ResourceDeleter::type).orElse(null);
    }
}
