package io.awslabs.targets;

import io.awslabs.lab.LabInfo;
import java.net.URI;
import java.util.Optional;
import java.util.function.Function;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * An emulator reached at one endpoint with static test credentials: moto started by us, or any
 * emulator already running. {@code onClose} stops whatever was started for it.
 */
public final class EmulatorTarget implements Target {
    /** Emulators accept any credentials; these are obviously not real ones. */
    static final StaticCredentialsProvider TEST_CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing"));
    /** moto's default account. */
    public static final String EMULATOR_ACCOUNT = "123456789012";

    private final TargetKind kind;
    private final URI endpoint;
    private final String region;
    private final SdkClients clients;
    private final long startMillis;
    private final AutoCloseable onClose;
    private final Conventions conventions;

    /**
     * What differs from one emulator to another: its default account, the credentials it
     * expects, and why it cannot run a lab (a service it lacks), if it cannot.
     */
    public record Conventions(String accountId, StaticCredentialsProvider credentials,
                              Function<LabInfo, Optional<String>> cannotRun) {
        static final Conventions MOTO = new Conventions(EMULATOR_ACCOUNT, TEST_CREDENTIALS, lab -> Optional.empty());
    }

    public EmulatorTarget(TargetKind kind, URI endpoint, String region, long startMillis, AutoCloseable onClose) {
        this(kind, endpoint, region, startMillis, onClose, Conventions.MOTO);
    }

    public EmulatorTarget(TargetKind kind, URI endpoint, String region, long startMillis, AutoCloseable onClose,
                          Conventions conventions) {
        this.kind = kind;
        this.endpoint = endpoint;
        this.region = region;
        this.startMillis = startMillis;
        this.onClose = onClose;
        this.conventions = conventions;
        this.clients = new SdkClients(Optional.of(endpoint), Region.of(region), conventions.credentials());
    }

    @Override public TargetKind kind() { return kind; }
    @Override public String region() { return region; }
    @Override public Optional<URI> endpoint() { return Optional.of(endpoint); }
    @Override public String accountId() { return conventions.accountId(); }
    @Override public <T extends SdkClient> T client(Class<T> type) { return clients.client(type); }
    @Override public S3Presigner s3Presigner() { return clients.s3Presigner(); }
    @Override public ApiTimer apiTimer() { return clients.timer(); }
    @Override public long startMillis() { return startMillis; }
    @Override public Optional<String> cannotRun(LabInfo lab) { return conventions.cannotRun().apply(lab); }

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
