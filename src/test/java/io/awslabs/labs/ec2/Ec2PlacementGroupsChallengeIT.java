package io.awslabs.labs.ec2;

import io.awslabs.testing.ChallengeContract;

class Ec2PlacementGroupsChallengeIT extends ChallengeContract {

    Ec2PlacementGroupsChallengeIT() {
        super(Ec2PlacementGroupsLab::new, Ec2PlacementGroupsChallenge::new);
    }
}
