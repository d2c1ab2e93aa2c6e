package io.awslabs.labs.cloudfront;

import io.awslabs.testing.ChallengeContract;

class CloudFrontPrivateOriginChallengeIT extends ChallengeContract {

    CloudFrontPrivateOriginChallengeIT() {
        super(CloudFrontPrivateOriginLab::new, CloudFrontPrivateOriginChallenge::new);
    }
}
