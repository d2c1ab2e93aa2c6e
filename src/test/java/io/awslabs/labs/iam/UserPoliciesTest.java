package io.awslabs.labs.iam;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class UserPoliciesTest {

    @Test
    void aDocumentIamReturnsUrlEncodedIsReadAsTheJsonStored() {
        String encoded = "%7B%22Version%22%3A%222012-10-17%22%2C%22Statement%22%3A%5B%7B%22Effect%22%3A%22Allow%22%2C"
                + "%22Action%22%3A%22s3%3AGetObject%22%2C%22Resource%22%3A%22arn%3Aaws%3As3%3A%3A%3Ab%2Fa%2Bb%20c%22%7D%5D%7D";

        assertThat(UserPolicies.decoded(encoded)).isEqualTo("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":"
                + "\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::b/a+b c\"}]}");
    }

    @Test
    void aDocumentReturnedAsStoredIsKeptAsItIsPlusSignsIncluded() {
        String stored = "{\"Statement\":[{\"Resource\":\"arn:aws:s3:::b/a+b\"}]}";

        assertThat(UserPolicies.decoded(" " + stored + "\n")).isEqualTo(stored);
    }

    private static final String PRIVATE = "arn:aws:s3:::reports/private/salaries.txt";

    @Test
    void anUnconditionalDenyWhoseWildcardsCoverTheActionAndTheObjectDeniesIt() {
        String deny = "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\"},"
                + "{\"Effect\":\"Deny\",\"Action\":[\"S3:Get*\"],\"Resource\":\"arn:aws:s3:::reports/private/*\"}]}";
        String single = "{\"Statement\":{\"Effect\":\"Deny\",\"Action\":\"s3:*\",\"Resource\":\"arn:aws:s3:::report?/*\"}}";

        assertThat(UserPolicies.deniesAlways(deny, "s3:GetObject", PRIVATE)).isTrue();
        assertThat(UserPolicies.deniesAlways(single, "s3:GetObject", PRIVATE)).isTrue();
    }

    @Test
    void anAllowAConditionalDenyOrADenyOfSomethingElseDoesNotDenyIt() {
        String allow = "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}]}";
        String conditional = "{\"Statement\":[{\"Effect\":\"Deny\",\"Action\":\"s3:*\",\"Resource\":\"*\","
                + "\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"false\"}}}]}";
        String otherAction = "{\"Statement\":[{\"Effect\":\"Deny\",\"Action\":\"s3:PutObject\",\"Resource\":\"*\"}]}";
        String otherPrefix = "{\"Statement\":[{\"Effect\":\"Deny\",\"Action\":\"s3:*\","
                + "\"Resource\":\"arn:aws:s3:::reports/Private/*\"}]}";
        String notResource = "{\"Statement\":[{\"Effect\":\"Deny\",\"Action\":\"s3:*\","
                + "\"NotResource\":\"arn:aws:s3:::reports/private/*\"}]}";

        assertThat(List.of(allow, conditional, otherAction, otherPrefix, notResource))
                .allSatisfy(d -> assertThat(UserPolicies.deniesAlways(d, "s3:GetObject", PRIVATE)).as(d).isFalse());
    }
}
