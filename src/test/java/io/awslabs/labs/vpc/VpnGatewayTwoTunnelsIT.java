package io.awslabs.labs.vpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.awslabs.report.AssertionRecord;
import io.awslabs.report.Status;
import io.awslabs.testing.Emulator;
import io.awslabs.testing.LabContract;
import org.junit.jupiter.api.Test;

class VpnGatewayTwoTunnelsIT extends LabContract {

    VpnGatewayTwoTunnelsIT() {
        super(VpnGatewayTwoTunnelsLab::new);
    }

    @Test
    void emulatorsDescribeTwoTunnelsToOneAndTheSameAwsEndpointWhereAwsHasTwo() {
        for (Emulator emulator : Emulator.values()) {
            AssertionRecord tunnels = assertionsOn(emulator).get("vpn-connection-has-two-tunnels");
            AssertionRecord endpoints = assertionsOn(emulator).get("tunnels-end-at-two-aws-endpoints");
            assertThat(tunnels.status()).as(emulator.toString()).isEqualTo(Status.PASS);
            assertThat(endpoints.status()).as(emulator.toString()).isEqualTo(Status.SKIPPED);
            assertThat(endpoints.evidence().get("awsOutsideAddresses")).isEqualTo("[52.2.144.13, 52.2.144.13]");
        }
    }

    @Test
    void noReportCarriesTheTunnelsPreSharedKeys() {
        for (Emulator emulator : Emulator.values()) {
            assertThat(labOn(emulator).assertions()).allSatisfy(a -> assertThat(String.valueOf(a.evidence()))
                    .doesNotContain("pre_shared_key"));
        }
    }

    @Test
    void routePropagationIsAGapOfBothEmulatorsWhileTheStaticRouteToTheVgwIsShown() {
        for (Emulator emulator : Emulator.values()) {
            assertThat(assertionsOn(emulator).get("route-propagation-from-vgw").status()).isEqualTo(Status.SKIPPED);
            assertThat(assertionsOn(emulator).get("route-table-sends-on-premises-to-vgw").status())
                    .isEqualTo(Status.PASS);
        }
    }
}
