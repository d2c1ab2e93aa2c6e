package io.awslabs.targets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApisNotImplementedTest {
    private static final ApiAction PLACEMENT_GROUPS = new ApiAction("ec2", "CreatePlacementGroup");
    private static final ApiAction VPCS = new ApiAction("ec2", "CreateVpc");

    @Test
    void motoServesEc2ButSaysItHasNoPlacementGroupsAndWhatItAnswersInstead() {
        EmulatorIdentity moto = EmulatorIdentity.moto("5.2.5");

        assertThat(moto.lacks(List.of("ec2"), List.of(VPCS, PLACEMENT_GROUPS))).get().asString()
                .contains("moto 5.2.5 does not implement ec2:CreatePlacementGroup", "no placement group handler",
                        "HTTP 500");
        assertThat(moto.lacks(List.of("ec2"), List.of(VPCS))).isEmpty();
    }

    @Test
    void localStackServesEc2ButSaysItHasNoPlacementGroupsQuotingItsOwnAnswer() {
        EmulatorIdentity localStack = EmulatorIdentity.localStack(new LocalStackHealth("4.14.0", Set.of("ec2", "ssm"), false));

        assertThat(localStack.lacks(List.of("ec2", "ssm"), List.of(PLACEMENT_GROUPS))).get().asString()
                .contains("LocalStack 4.14.0 does not implement ec2:CreatePlacementGroup",
                        "501 InternalFailure \"The create_placement_group action has not been implemented\"");
    }

    @Test
    void aMissingServiceIsSaidBeforeAMissingAction() {
        EmulatorIdentity localStack = EmulatorIdentity.localStack(new LocalStackHealth("4.14.0", Set.of("ssm"), true));

        assertThat(localStack.lacks(List.of("ec2"), List.of(PLACEMENT_GROUPS))).get().asString()
                .contains("does not serve ec2");
    }
}
