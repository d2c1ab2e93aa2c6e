package io.awslabs.labs.elbv2;

import io.awslabs.testing.ChallengeContract;

class ElbListenersCustomPortsChallengeIT extends ChallengeContract {

    ElbListenersCustomPortsChallengeIT() {
        super(ElbListenersCustomPortsLab::new, ElbListenersCustomPortsChallenge::new);
    }
}
