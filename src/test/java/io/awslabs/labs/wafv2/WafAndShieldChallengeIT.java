package io.awslabs.labs.wafv2;

import io.awslabs.testing.ChallengeContract;

class WafAndShieldChallengeIT extends ChallengeContract {

    WafAndShieldChallengeIT() {
        super(WafAndShieldLab::new, WafAndShieldChallenge::new);
    }
}
