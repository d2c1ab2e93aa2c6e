package io.awslabs.labs.kms;

import io.awslabs.testing.ChallengeContract;

class KmsEnvelopeEncryptionChallengeIT extends ChallengeContract {

    KmsEnvelopeEncryptionChallengeIT() {
        super(KmsEnvelopeEncryptionLab::new, KmsEnvelopeEncryptionChallenge::new);
    }
}
