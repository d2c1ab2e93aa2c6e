package io.awslabs.labs.iam;

import io.awslabs.testing.ChallengeContract;

class IamPolicyEvaluationChallengeIT extends ChallengeContract {

    IamPolicyEvaluationChallengeIT() {
        super(IamPolicyEvaluationLab::new, IamPolicyEvaluationChallenge::new);
    }
}
