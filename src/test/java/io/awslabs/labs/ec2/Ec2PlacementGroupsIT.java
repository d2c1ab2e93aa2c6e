package io.awslabs.labs.ec2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.awslabs.report.AssertionRecord;
import io.awslabs.report.Status;
import io.awslabs.resources.UnsupportedApi;
import io.awslabs.targets.Target;
import io.awslabs.testing.Emulator;
import io.awslabs.testing.LabContract;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.PlacementStrategy;

class Ec2PlacementGroupsIT extends LabContract {

    Ec2PlacementGroupsIT() {
        super(Ec2PlacementGroupsLab::new);
    }

    @ParameterizedTest
    @EnumSource(Emulator.class)
    void neitherEmulatorHasAPlacementGroupApiSoNothingIsCreated(Emulator emulator) {
        assertThat(labOn(emulator).skipReason()).contains("does not implement ec2:CreatePlacementGroup");
        assertThat(labOn(emulator).assertions()).extracting(AssertionRecord::status).containsOnly(Status.SKIPPED);
        assertThat(labOn(emulator).teardown()).isEmpty();
    }

    /** What the declared lack says each emulator answers is what it answers today. */
    @ParameterizedTest
    @EnumSource(Emulator.class)
    void eachEmulatorStillAnswersCreatePlacementGroupAsNotImplemented(Emulator emulator) {
        AwsServiceException refused;
        try (Target target = emulator.target()) {
            refused = catchThrowableOfType(AwsServiceException.class, () -> target.client(Ec2Client.class)
                    .createPlacementGroup(r -> r.groupName("labs-probe-partition").strategy(PlacementStrategy.PARTITION)
                            .partitionCount(3)));
        }

        assertThat(refused).as("CreatePlacementGroup is refused").isNotNull();
        assertThat(UnsupportedApi.reason("ec2:CreatePlacementGroup", refused)).isPresent();
        if (emulator == Emulator.MOTO) {
            assertThat(refused.statusCode()).isEqualTo(500);
        } else {
            assertThat(refused.statusCode()).isEqualTo(501);
            assertThat(refused.getMessage()).contains("The create_placement_group action has not been implemented");
        }
    }

    @Test
    void theSkipSaysWhatEachEmulatorAnswersInstead() {
        assertThat(labOn(Emulator.MOTO).skipReason()).contains("moto", "HTTP 500");
        assertThat(labOn(Emulator.LOCALSTACK).skipReason()).contains("LocalStack", "501 InternalFailure");
    }
}
