package io.awslabs.labs.cloudfront;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BucketPolicyDocumentTest {
    private static final String OBJECTS = "arn:aws:s3:::labs-cloudfront-private-origin-abc12345-origin/*";
    private static final String DISTRIBUTION = "arn:aws:cloudfront::111122223333:distribution/EDFDVBD6EXAMPLE";

    @Test
    void theLabsPolicyGrantsTheOaiAndTheServicePrincipalScopedToOneDistribution() throws Exception {
        BucketPolicyDocument policy = BucketPolicyDocument.parse(
                BucketPolicyDocument.grantingReadTo(OBJECTS, Optional.of("E2QWRUHEXAMPLE"), DISTRIBUTION));

        assertThat(policy.principals()).containsExactly(
                "AWS arn:aws:iam::cloudfront:user/CloudFront Origin Access Identity E2QWRUHEXAMPLE",
                "Service cloudfront.amazonaws.com");
        assertThat(policy.namesWildcardPrincipal()).isFalse();
        assertThat(policy.sourceArnsRequiredOf("cloudfront.amazonaws.com")).containsExactly(DISTRIBUTION);
    }

    @Test
    void withoutAnOaiOnlyTheServicePrincipalIsGranted() throws Exception {
        BucketPolicyDocument policy = BucketPolicyDocument.parse(
                BucketPolicyDocument.grantingReadTo(OBJECTS, Optional.empty(), DISTRIBUTION));

        assertThat(policy.principals()).containsExactly("Service cloudfront.amazonaws.com");
    }

    @Test
    void everyFormOfTheWildcardPrincipalIsCaught() throws Exception {
        for (String principal : List.of("\"*\"", "{\"AWS\": \"*\"}", "{\"AWS\": [\"arn:aws:iam::111122223333:root\", \"*\"]}")) {
            BucketPolicyDocument policy = BucketPolicyDocument.parse(
                    "{\"Statement\": {\"Effect\": \"Allow\", \"Principal\": " + principal + ", \"Action\": \"s3:GetObject\"}}");
            assertThat(policy.namesWildcardPrincipal()).as(principal).isTrue();
        }
    }

    @Test
    void aNotPrincipalStatementIsListedSoItCannotPassAsTheExpectedPrincipals() throws Exception {
        BucketPolicyDocument policy = BucketPolicyDocument.parse("{\"Statement\": [{\"Effect\": \"Allow\", "
                + "\"NotPrincipal\": {\"Service\": \"cloudfront.amazonaws.com\"}, \"Action\": \"s3:GetObject\"}]}");

        assertThat(policy.principals()).containsExactly("NotPrincipal Service cloudfront.amazonaws.com");
    }

    @Test
    void theSourceArnConditionKeyIsMatchedCaseInsensitivelyAsIamDoes() throws Exception {
        BucketPolicyDocument policy = BucketPolicyDocument.parse("{\"Statement\": [{\"Effect\": \"Allow\", "
                + "\"Principal\": {\"Service\": \"cloudfront.amazonaws.com\"}, \"Action\": \"s3:GetObject\", "
                + "\"Condition\": {\"StringEquals\": {\"aws:sourcearn\": [\"" + DISTRIBUTION + "\"]}}}]}");

        assertThat(policy.sourceArnsRequiredOf("cloudfront.amazonaws.com")).containsExactly(DISTRIBUTION);
    }
}
