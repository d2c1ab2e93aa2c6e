package io.awslabs.labs.ecs;

import io.awslabs.testing.ChallengeContract;

class AlbEcsDynamicPortsChallengeIT extends ChallengeContract {

    AlbEcsDynamicPortsChallengeIT() {
        super(AlbEcsDynamicPortsLab::new, AlbEcsDynamicPortsChallenge::new);
    }
}
