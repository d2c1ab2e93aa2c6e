package io.awslabs.labs.vpc;

import io.awslabs.testing.ChallengeContract;

class VpnGatewayTwoTunnelsChallengeIT extends ChallengeContract {

    VpnGatewayTwoTunnelsChallengeIT() {
        super(VpnGatewayTwoTunnelsLab::new, VpnGatewayTwoTunnelsChallenge::new);
    }
}
