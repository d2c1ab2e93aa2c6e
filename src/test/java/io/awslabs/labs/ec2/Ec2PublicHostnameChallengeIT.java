package io.awslabs.labs.ec2;

import io.awslabs.testing.ChallengeContract;

class Ec2PublicHostnameChallengeIT extends ChallengeContract {

    Ec2PublicHostnameChallengeIT() {
        super(Ec2PublicHostnameLab::new, Ec2PublicHostnameChallenge::new);
    }
}
