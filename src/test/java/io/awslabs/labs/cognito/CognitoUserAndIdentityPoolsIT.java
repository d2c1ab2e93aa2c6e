package io.awslabs.labs.cognito;

import static org.assertj.core.api.Assertions.assertThat;

import io.awslabs.report.AssertionRecord;
import io.awslabs.report.LabReport;
import io.awslabs.report.ReportJson;
import io.awslabs.report.TeardownRecord;
import io.awslabs.testing.Emulator;
import io.awslabs.testing.LabContract;
import io.awslabs.testing.SharedMoto;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CognitoUserAndIdentityPoolsIT extends LabContract {

    CognitoUserAndIdentityPoolsIT() {
        super(CognitoUserAndIdentityPoolsLab::new);
    }

    @Test
    void theIdTokenIsVerifiedAgainstTheJwksTheTargetServesAndTheTamperedOneIsNot() {
        Map<String, AssertionRecord> a = assertionsOn(Emulator.MOTO);

        AssertionRecord signature = a.get("id-token-signature-verifies");
        assertThat(signature.evidence().get("jwksUrl")).startsWith(SharedMoto.endpoint().toString())
                .endsWith("/.well-known/jwks.json");
        assertThat(signature.evidence()).containsEntry("tokenKid", "dummy");
        assertThat(signature.actual()).contains("ID token verified against its kid's key: valid signature",
                "payload bytes changed: 1", "the token with one payload byte changed: invalid signature");
    }

    @Test
    void motosIdentityPoolTakesTheGarbageTokenAndThatIsTheGap() {
        AssertionRecord exchange = assertionsOn(Emulator.MOTO).get("identity-pool-exchanges-id-token");

        assertThat(exchange.reason()).startsWith("known moto gap").contains("GetId with a garbage token", "succeeded");
    }

    @Test
    void thePasswordNeverReachesTheReport() throws Exception {
        String json = ReportJson.MAPPER.writeValueAsString(reportOn(Emulator.MOTO));

        assertThat(json).doesNotContainPattern("Lab-[0-9a-f]{16}-9z!");
    }

    @Test
    void teardownDeletesTheIdentityPoolRoleAndUserPool() {
        LabReport lab = labOn(Emulator.MOTO);

        assertThat(lab.teardown()).extracting(TeardownRecord::type).containsExactly("IAM role", "Cognito identity pool",
                "Cognito user pool client", "Cognito user pool");
    }

    @Test
    void localStackCommunityHasNoCognitoSoNothingIsCreatedAndTheReasonSaysSo() {
        LabReport lab = labOn(Emulator.LOCALSTACK);

        assertThat(lab.assertions()).allSatisfy(r -> assertThat(r.reason()).as(r.id())
                .contains("does not serve cognito-idp", "community edition"));
        assertThat(lab.teardown()).isEmpty();
    }
}
