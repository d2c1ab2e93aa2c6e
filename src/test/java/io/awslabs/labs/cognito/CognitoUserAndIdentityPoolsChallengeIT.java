package io.awslabs.labs.cognito;

import io.awslabs.testing.ChallengeContract;

class CognitoUserAndIdentityPoolsChallengeIT extends ChallengeContract {

    CognitoUserAndIdentityPoolsChallengeIT() {
        super(CognitoUserAndIdentityPoolsLab::new, CognitoUserAndIdentityPoolsChallenge::new);
    }
}
