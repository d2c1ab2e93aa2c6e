package io.awslabs.labs.ec2;

import io.awslabs.testing.ChallengeContract;

class EbsVolumeTypesIopsChallengeIT extends ChallengeContract {

    EbsVolumeTypesIopsChallengeIT() {
        super(EbsVolumeTypesIopsLab::new, EbsVolumeTypesIopsChallenge::new);
    }
}
