package io.awslabs.labs.kinesis;

import io.awslabs.testing.ChallengeContract;

class KinesisShardOrderingChallengeIT extends ChallengeContract {

    KinesisShardOrderingChallengeIT() {
        super(KinesisShardOrderingLab::new, KinesisShardOrderingChallenge::new);
    }
}
