package io.awslabs.labs.organizations;

import io.awslabs.testing.ChallengeContract;

class OrganizationsScpGuardrailsChallengeIT extends ChallengeContract {

    OrganizationsScpGuardrailsChallengeIT() {
        super(OrganizationsScpGuardrailsLab::new, OrganizationsScpGuardrailsChallenge::new);
    }
}
