package io.awslabs.labs.acm;

import io.awslabs.testing.ChallengeContract;

class AcmCertificateChallengeIT extends ChallengeContract {

    AcmCertificateChallengeIT() {
        super(AcmCertificateLab::new, AcmCertificateChallenge::new);
    }
}
