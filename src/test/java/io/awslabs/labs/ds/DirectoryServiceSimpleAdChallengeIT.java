package io.awslabs.labs.ds;

import io.awslabs.testing.ChallengeContract;

class DirectoryServiceSimpleAdChallengeIT extends ChallengeContract {

    DirectoryServiceSimpleAdChallengeIT() {
        super(DirectoryServiceSimpleAdLab::new, DirectoryServiceSimpleAdChallenge::new);
    }
}
