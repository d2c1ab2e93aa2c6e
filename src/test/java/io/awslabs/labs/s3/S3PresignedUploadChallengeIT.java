package io.awslabs.labs.s3;

import io.awslabs.testing.ChallengeContract;

class S3PresignedUploadChallengeIT extends ChallengeContract {

    S3PresignedUploadChallengeIT() {
        super(S3PresignedUploadLab::new, S3PresignedUploadChallenge::new);
    }
}
