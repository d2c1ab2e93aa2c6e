package io.awslabs.labs.organizations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScpsTest {
    private static final List<String> GUARDED = Scps.GUARDED_ACTIONS;

    @Test
    void theGuardrailTheSolutionWritesDeniesEveryGuardedActionAndNothingToRead() {
        String guardrail = Scps.denying("Guard", GUARDED);

        assertThat(Scps.deniedOutright(guardrail, GUARDED)).containsExactlyElementsOf(GUARDED);
        assertThat(Scps.deniedOutright(guardrail, List.of("cloudtrail:LookupEvents"))).isEmpty();
    }

    @Test
    void wildcardsMatchActionsCaseInsensitivelyAsIamDoes() {
        String policy = "{\"Statement\":{\"Effect\":\"Deny\",\"Action\":[\"organizations:Leave*\",\"CLOUDTRAIL:*\"],"
                + "\"Resource\":\"*\"}}";

        assertThat(Scps.deniedOutright(policy, GUARDED)).containsExactlyElementsOf(GUARDED);
        assertThat(Scps.deniedOutright(policy, List.of("cloudtrail:LookupEvents"))).containsExactly("cloudtrail:LookupEvents");
    }

    @Test
    void aDenyOnSomeResourcesOrUnderAConditionOrAnAllowDeniesNothingOutright() {
        String someTrails = "{\"Statement\":[{\"Effect\":\"Deny\",\"Action\":\"cloudtrail:StopLogging\","
                + "\"Resource\":\"arn:aws:cloudtrail:us-east-1:123456789012:trail/main\"}]}";
        String conditional = "{\"Statement\":[{\"Effect\":\"Deny\",\"Action\":\"cloudtrail:StopLogging\",\"Resource\":\"*\","
                + "\"Condition\":{\"StringNotLike\":{\"aws:PrincipalArn\":\"arn:aws:iam::*:role/Admin\"}}}]}";
        String allow = "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}";

        assertThat(Scps.deniedOutright(someTrails, GUARDED)).isEmpty();
        assertThat(Scps.deniedOutright(conditional, GUARDED)).isEmpty();
        assertThat(Scps.deniedOutright(allow, GUARDED)).isEmpty();
    }

    @Test
    void notActionDeniesWhatItDoesNotName() {
        String policy = "{\"Statement\":[{\"Effect\":\"Deny\",\"NotAction\":\"cloudtrail:Describe*\",\"Resource\":\"*\"}]}";

        assertThat(Scps.deniedOutright(policy, List.of("cloudtrail:StopLogging", "cloudtrail:DescribeTrails")))
                .containsExactly("cloudtrail:StopLogging");
    }
}
