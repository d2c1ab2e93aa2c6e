package io.awslabs.labs.globalaccelerator;

import io.awslabs.testing.ChallengeContract;

class GlobalAcceleratorAnycastChallengeIT extends ChallengeContract {

    GlobalAcceleratorAnycastChallengeIT() {
        super(GlobalAcceleratorAnycastLab::new, GlobalAcceleratorAnycastChallenge::new);
    }
}
