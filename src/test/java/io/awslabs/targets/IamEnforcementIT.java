package io.awslabs.targets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.awslabs.testing.SharedMoto;
import io.awslabs.text.Lang;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * The capability issue 21's least-privilege proofs reuse: a moto target gives a lab a moto of its
 * own where IAM policies decide, while the run's moto answers everyone as before.
 */
class IamEnforcementIT {

    @Test
    void aMotoTargetOpensAPrivateMotoWherePoliciesDecideAndTheSharedOneStaysOpen() throws Exception {
        List<String> progress = new ArrayList<>();
        URI privateEndpoint;
        try (Target shared = SharedMoto.target()) {
            IamEnforcement enforcement = shared.iamEnforcement();
            assertThat(enforcement).isInstanceOf(IamEnforcement.Enforced.class);
            IamEnforcement.Enforcing opened = ((IamEnforcement.Enforced) enforcement).open(line -> progress.add(line.in(Lang.EN)));
            assertThat(opened.separate()).isTrue();
            try (Target enforcing = opened.target()) {
                privateEndpoint = enforcing.endpoint().orElseThrow();
                assertThat(privateEndpoint).isNotEqualTo(shared.endpoint().orElseThrow());
                assertThat(enforcing.client(StsClient.class).getCallerIdentity().arn())
                        .endsWith(":user/" + EnforcingMoto.ADMIN_USER);
                assertThat(enforcing.client(IamClient.class).listUsers().users()).hasSize(1);
                try (Target anonymous = new EmulatorTarget(TargetKind.MOTO, Optional.empty(), privateEndpoint, "us-east-1",
                        0, () -> { })) {
                    assertThatThrownBy(() -> anonymous.client(IamClient.class).listUsers())
                            .as("test/test is no IAM user there").isInstanceOf(AwsServiceException.class)
                            .satisfies(e -> assertThat(((AwsServiceException) e).statusCode()).isEqualTo(403));
                }
                assertThat(shared.client(IamClient.class).listUsers().users())
                        .as("the shared moto still answers test/test").noneMatch(u -> u.userName().equals(EnforcingMoto.ADMIN_USER));
            }
        }
        assertThat(progress).anyMatch(line -> line.contains("IAM enforcement is on"));
        assertThat(listening(privateEndpoint)).as("closing the target stopped the private moto").isFalse();
    }

    @Test
    void localStackEnforcesNothingAndAnUnnamedEndpointCannotBeTold() {
        Target localStack = new EmulatorTarget(TargetKind.ENDPOINT, Optional.of(new EmulatorIdentity(EmulatorKind.LOCALSTACK,
                "4.14.0", Optional.empty(), false)), URI.create("http://127.0.0.1:1"), "us-east-1", 0, () -> { });
        Target unnamed = new EmulatorTarget(TargetKind.ENDPOINT, Optional.empty(), URI.create("http://127.0.0.1:1"),
                "us-east-1", 0, () -> { });

        assertThat(localStack.iamEnforcement()).isInstanceOf(IamEnforcement.NotEnforced.class);
        assertThat(unnamed.iamEnforcement()).isInstanceOf(IamEnforcement.Unknown.class);
        localStack.close();
        unnamed.close();
    }

    private static boolean listening(URI endpoint) {
        try (Socket socket = new Socket(endpoint.getHost(), endpoint.getPort())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
