package io.awslabs.targets;

import java.net.URI;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * An emulator reached at one endpoint with static test credentials: one started for this command,
 * or any emulator already running. {@code onClose} stops whatever was started for it.
 */
public final class EmulatorTarget implements Target {
    /**
     * Emulators accept any credentials, but LocalStack checks presigned URL signatures against the
     * secret "test" (DEFAULT_PRE_SIGNED_SECRET_ACCESS_KEY, localstack/services/s3/presigned_url.py):
     * with any other secret every presigned URL fails with SignatureDoesNotMatch. moto accepts it too.
     */
    static final StaticCredentialsProvider TEST_CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));

    private final TargetKind kind;
    private final Optional<EmulatorIdentity> identity;
    private final URI endpoint;
    private final String region;
    private final SdkClients clients;
    private final long startMillis;
    private final AutoCloseable onClose;
    private volatile Optional<String> accountId;

    public EmulatorTarget(TargetKind kind, Optional<EmulatorIdentity> identity, URI endpoint, String region,
                          long startMillis, AutoCloseable onClose) {
        this(kind, identity, endpoint, region, startMillis, onClose, TEST_CREDENTIALS);
    }

    /** An emulator reached with these credentials: a principal's own, where the emulator checks them. */
    EmulatorTarget(TargetKind kind, Optional<EmulatorIdentity> identity, URI endpoint, String region,
                   long startMillis, AutoCloseable onClose, AwsCredentialsProvider credentials) {
        this.kind = kind;
        this.identity = identity;
        this.endpoint = endpoint;
        this.region = region;
        this.startMillis = startMillis;
        this.onClose = onClose;
        this.clients = new SdkClients(Optional.of(endpoint), Region.of(region), credentials);
    }

    @Override public TargetKind kind() { return kind; }
    @Override public Optional<EmulatorIdentity> emulator() { return identity; }
    @Override public String region() { return region; }
    @Override public Optional<URI> endpoint() { return Optional.of(endpoint); }
    @Override public <T extends SdkClient> T client(Class<T> type) { return clients.client(type); }
    @Override public <T extends SdkClient> T client(Class<T> type, String region) { return clients.client(type, Region.of(region)); }
    @Override public S3Presigner s3Presigner() { return clients.s3Presigner(); }
    @Override public ApiTimer apiTimer() { return clients.timer(); }
    @Override public long startMillis() { return startMillis; }
    @Override public boolean changesPropagate() { return false; }

    /**
     * The account the emulator puts resources in, as it says itself: moto's default is
     * 123456789012, LocalStack's 000000000000 for an access key that is not an account id. Null
     * when the emulator has no STS to ask.
     */
    @Override
    public String accountId() {
        if (accountId == null) {
            try {
                accountId = Optional.of(client(StsClient.class).getCallerIdentity().account());
            } catch (SdkException e) {
                accountId = Optional.empty();
            }
        }
        return accountId.orElse(null);
    }

    /**
     * moto decides by policy only in a server of the lab's own ({@link EnforcingMoto}); LocalStack
     * community lists ENFORCE_IAM among the settings it reports (localstack/runtime/analytics.py)
     * but nothing in localstack-core 4.14.0 evaluates a policy.
     */
    @Override
    public IamEnforcement iamEnforcement() {
        if (identity.isEmpty()) {
            return new IamEnforcement.Unknown(TargetWords.phrase("iam.unknownEmulator"));
        }
        return switch (identity.get().kind()) {
            case MOTO -> new IamEnforcement.Enforced("a moto of this lab's own with IAM enforcement on",
                    progress -> EnforcingMoto.start(region, progress));
            case LOCALSTACK -> new IamEnforcement.NotEnforced(TargetWords.phrase("iam.localStack",
                    identity.get().describe()));
        };
    }

    @Override
    public Target actingAs(AwsCredentialsProvider credentials) {
        return new EmulatorTarget(kind, identity, endpoint, region, 0, () -> { }, credentials);
    }

    @Override
    public String toString() {
        return identity.map(EmulatorIdentity::describe).orElse(kind.id()) + " at " + endpoint;
    }

    @Override
    public void close() {
        clients.close();
        try {
            onClose.close();
        } catch (Exception e) {
            throw new IllegalStateException("could not stop the " + kind.id() + " emulator", e);
        }
    }
}
