package io.awslabs.labs.s3;

import io.awslabs.testing.ChallengeContract;

class S3DefaultEncryptionChallengeIT extends ChallengeContract {

    S3DefaultEncryptionChallengeIT() {
        super(S3DefaultEncryptionLab::new, S3DefaultEncryptionChallenge::new);
    }
}
