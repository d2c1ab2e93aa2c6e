package io.awslabs.labs.vpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.awslabs.report.AssertionRecord;
import io.awslabs.report.Status;
import io.awslabs.testing.Emulator;
import io.awslabs.testing.LabContract;
import org.junit.jupiter.api.Test;

class VpcSharedServicesIT extends LabContract {

    VpcSharedServicesIT() {
        super(VpcSharedServicesLab::new);
    }

    @Test
    void emulatorsAcceptAnOverlappingPeeringRequestThatAwsEndsFailed() {
        for (Emulator emulator : Emulator.values()) {
            AssertionRecord overlap = assertionsOn(emulator).get("overlapping-cidrs-cannot-peer");
            assertThat(overlap.status()).as(emulator.toString()).isEqualTo(Status.SKIPPED);
            assertThat(overlap.actual()).as(emulator.toString()).contains("pending-acceptance");
        }
    }

    @Test
    void aRejectedRequestIsRefusedWithInvalidStateTransitionOnBothEmulators() {
        for (Emulator emulator : Emulator.values()) {
            AssertionRecord rejected = assertionsOn(emulator).get("rejected-peering-cannot-be-accepted");
            assertThat(rejected.status()).as(emulator.toString()).isEqualTo(Status.PASS);
            assertThat(rejected.evidence()).as(emulator.toString())
                    .containsEntry("ec2:AcceptVpcPeeringConnection(A->B).error", "400 InvalidStateTransition");
        }
    }

    @Test
    void nonTransitivityNeedsReachabilityAnalyzerSoItIsSkippedOnEmulatorsWithTheReason() {
        for (Emulator emulator : Emulator.values()) {
            AssertionRecord transit = assertionsOn(emulator).get("peering-not-transitive");
            assertThat(transit.status()).isEqualTo(Status.SKIPPED);
            assertThat(transit.reason()).contains("Reachability Analyzer");
        }
    }
}
