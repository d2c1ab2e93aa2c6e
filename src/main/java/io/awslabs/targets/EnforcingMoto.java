package io.awslabs.targets;

import io.awslabs.text.Said;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;

/**
 * A moto server of one lab's own, started by the same launcher as the run's moto, in which IAM
 * policies decide every request. moto enforces nothing until {@code POST /moto-api/reset-auth}
 * sets the number of requests it still lets through unchecked (moto/moto_api/_internal/responses.py
 * reset_auth_response sets settings.INITIAL_NO_AUTH_ACTION_COUNT for the whole process; from then
 * on moto/core/authorization.py checks each request's SigV4 signature against an IAM user's or
 * assumed role's secret and its policies, moto/iam/access_control.py), so switching it on in the
 * run's moto would deny every other lab's requests. Before switching it on, an administrator user
 * with an access key is made here, and the returned target signs as that user: inside, the lab is
 * an administrator of an account that enforces IAM, as it is on AWS.
 */
final class EnforcingMoto {
    static final String ADMIN_USER = "labs-enforcing-moto-admin";
    private static final String ADMIN_POLICY = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}""";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private EnforcingMoto() { }

    static IamEnforcement.Enforcing start(String region, Consumer<Said> progress) {
        MotoServer server = MotoServer.start(progress, false);
        try {
            AwsBasicCredentials admin = bootstrapAdmin(server.endpoint(), region);
            enforceFromNow(server.endpoint());
            progress.accept(TargetWords.phrase("iam.enforcingMoto", server.endpoint()));
            EmulatorTarget target = new EmulatorTarget(TargetKind.MOTO, Optional.of(EmulatorIdentity.moto(MotoServer.VERSION)),
                    server.endpoint(), region, server.startMillis(), server, StaticCredentialsProvider.create(admin));
            return new IamEnforcement.Enforcing(target, true);
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    private static AwsBasicCredentials bootstrapAdmin(URI endpoint, String region) {
        try (SdkClients clients = new SdkClients(Optional.of(endpoint), Region.of(region), EmulatorTarget.TEST_CREDENTIALS)) {
            IamClient iam = clients.client(IamClient.class);
            iam.createUser(r -> r.userName(ADMIN_USER));
            iam.putUserPolicy(r -> r.userName(ADMIN_USER).policyName("administrator").policyDocument(ADMIN_POLICY));
            AccessKey key = iam.createAccessKey(r -> r.userName(ADMIN_USER)).accessKey();
            return AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey());
        }
    }

    /** The body is the count of requests still let through; a form content type makes moto answer 500. */
    static void enforceFromNow(URI endpoint) {
        HttpRequest request = HttpRequest.newBuilder(endpoint.resolve("/moto-api/reset-auth"))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("0")).build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw EnvironmentException.of("enforcementRefused", response.statusCode());
            }
        } catch (IOException e) {
            throw EnvironmentException.of("enforcementFailed", e.getMessage()).because(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw EnvironmentException.interrupted("while.enforcement");
        }
    }
}
