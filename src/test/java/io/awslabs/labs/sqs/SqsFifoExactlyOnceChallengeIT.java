package io.awslabs.labs.sqs;

import io.awslabs.testing.ChallengeContract;

class SqsFifoExactlyOnceChallengeIT extends ChallengeContract {

    SqsFifoExactlyOnceChallengeIT() {
        super(SqsFifoExactlyOnceLab::new, SqsFifoExactlyOnceChallenge::new);
    }
}
