package io.awslabs.labs.vpc;

import io.awslabs.testing.ChallengeContract;

class VpcSharedServicesChallengeIT extends ChallengeContract {

    VpcSharedServicesChallengeIT() {
        super(VpcSharedServicesLab::new, VpcSharedServicesChallenge::new);
    }
}
