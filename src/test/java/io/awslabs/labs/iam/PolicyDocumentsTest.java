package io.awslabs.labs.iam;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class PolicyDocumentsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void anAllowNamesItsActionsAndResourcesInOneStatement() throws Exception {
        JsonNode policy = JSON.readTree(PolicyDocuments.allow(List.of("s3:GetObject"), List.of(PolicyDocuments.objectsOf("b"))));

        assertThat(policy.path("Version").asText()).isEqualTo("2012-10-17");
        JsonNode statement = policy.path("Statement").get(0);
        assertThat(statement.path("Effect").asText()).isEqualTo("Allow");
        assertThat(statement.path("Action").get(0).asText()).isEqualTo("s3:GetObject");
        assertThat(statement.path("Resource").get(0).asText()).isEqualTo("arn:aws:s3:::b/*");
    }

    @Test
    void theConditionalAllowNeedsTheTestNetSourceAddress() throws Exception {
        JsonNode statement = JSON.readTree(PolicyDocuments.allowFromAddress(List.of("s3:GetObject"), List.of("*"),
                PolicyDocuments.NEVER_OUR_ADDRESS)).path("Statement").get(0);

        assertThat(statement.at("/Condition/IpAddress/aws:SourceIp").asText()).isEqualTo("192.0.2.0/24");
    }

    @Test
    void aTrustPolicyNamesOnePrincipalAndDemandsTheExternalIdOnlyWhenGiven() throws Exception {
        JsonNode withId = JSON.readTree(PolicyDocuments.trust("arn:aws:iam::123456789012:user/a", "ext-1")).path("Statement").get(0);
        JsonNode without = JSON.readTree(PolicyDocuments.trust("arn:aws:iam::123456789012:user/a", null)).path("Statement").get(0);

        assertThat(withId.at("/Principal/AWS").asText()).isEqualTo("arn:aws:iam::123456789012:user/a");
        assertThat(withId.path("Action").asText()).isEqualTo("sts:AssumeRole");
        assertThat(withId.at("/Condition/StringEquals/sts:ExternalId").asText()).isEqualTo("ext-1");
        assertThat(without.has("Condition")).isFalse();
    }

    @Test
    void theMalformedPolicyIsValidJsonWithAnEffectIamDoesNotKnow() throws Exception {
        assertThat(JSON.readTree(PolicyDocuments.malformed()).at("/Statement/0/Effect").asText()).isEqualTo("Permit");
    }
}
