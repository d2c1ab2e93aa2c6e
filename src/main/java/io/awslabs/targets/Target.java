package io.awslabs.targets;

import io.awslabs.text.Said;
import java.net.URI;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/** Somewhere labs run: an emulator or an AWS account, with SDK clients built for it. */
public interface Target extends AutoCloseable {

    TargetKind kind();

    String region();

    /** The emulator endpoint; empty for AWS, whose endpoints the SDK resolves itself. */
    Optional<URI> endpoint();

    String accountId();

    /**
     * Which emulator this is, when known: the one started for {@code moto} or {@code localstack},
     * or what an {@code endpoint} said it is. Empty on AWS and on an endpoint that did not say.
     */
    Optional<EmulatorIdentity> emulator();

    /** One client per service type, built on first use and reused for the whole run. */
    <T extends SdkClient> T client(Class<T> type);

    /**
     * A client of a service whose API lives in one Region whatever the run's Region (Global
     * Accelerator's, in us-west-2): the same place and credentials, that Region's endpoint.
     */
    default <T extends SdkClient> T client(Class<T> type, String region) {
        if (region.equals(region())) {
            return client(type);
        }
        throw new UnsupportedOperationException(kind().id() + " target builds no clients for another Region");
    }

    S3Presigner s3Presigner();

    /** Time spent inside AWS API calls so far, as measured by the SDK's own interceptor hooks. */
    ApiTimer apiTimer();

    /** Time it took to make the target ready (starting an emulator), zero if nothing started. */
    long startMillis();

    /**
     * Whether a change (a policy, a key state) takes time to be in force: true on AWS, which is
     * eventually consistent; emulators apply a change before they answer the call.
     */
    boolean changesPropagate();

    /** Why this target cannot serve these services (an emulator edition that lacks one), or empty. */
    default Optional<Said> lacks(Collection<String> services) {
        return lacks(services, List.of());
    }

    /** Why this target cannot serve these services, or these actions of them, or empty. */
    default Optional<Said> lacks(Collection<String> services, Collection<ApiAction> apis) {
        return emulator().flatMap(e -> e.lacks(services, apis));
    }

    /** Where the static website of {@code bucket} answers on this target (website endpoints speak HTTP only). */
    default S3WebsiteEndpoint s3Website(String bucket) {
        return endpoint().map(e -> S3WebsiteEndpoint.onEmulator(e, bucket)).orElseGet(() -> S3WebsiteEndpoint.onAws(bucket, region()));
    }

    /** Whether requests are decided by IAM policies here, and where they are: see {@link IamEnforcement}. */
    default IamEnforcement iamEnforcement() {
        return new IamEnforcement.Unknown(TargetWords.phrase("iam.unknownTarget"));
    }

    /**
     * The same place reached as another principal: clients signed with {@code credentials}
     * (an IAM user's access key, a role session). Closing it closes only its own clients.
     */
    default Target actingAs(AwsCredentialsProvider credentials) {
        throw new UnsupportedOperationException(kind().id() + " target cannot act as another principal");
    }

    @Override
    void close();
}
