package io.awslabs.labs.ssm;

import io.awslabs.testing.ChallengeContract;

class SsmRunCommandChallengeIT extends ChallengeContract {

    SsmRunCommandChallengeIT() {
        super(SsmRunCommandLab::new, SsmRunCommandChallenge::new);
    }
}
