package io.awslabs.labs.s3;

import io.awslabs.testing.ChallengeContract;

class S3StaticWebsiteCorsChallengeIT extends ChallengeContract {

    S3StaticWebsiteCorsChallengeIT() {
        super(S3StaticWebsiteCorsLab::new, S3StaticWebsiteCorsChallenge::new);
    }
}
