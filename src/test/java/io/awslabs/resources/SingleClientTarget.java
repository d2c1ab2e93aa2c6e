package io.awslabs.resources;

import io.awslabs.targets.ApiTimer;
import io.awslabs.targets.EmulatorIdentity;
import io.awslabs.targets.Target;
import io.awslabs.targets.TargetKind;
import java.net.URI;
import java.util.Optional;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/** A target whose one client is a fake, for unit tests of a resource kind's delete. */
public record SingleClientTarget(SdkClient client) implements Target {
    @Override public TargetKind kind() { return TargetKind.AWS; }
    @Override public String region() { return "us-east-1"; }
    @Override public Optional<URI> endpoint() { return Optional.empty(); }
    @Override public String accountId() { return "123456789012"; }
    @Override public Optional<EmulatorIdentity> emulator() { return Optional.empty(); }
    @Override public <T extends SdkClient> T client(Class<T> type) { return type.cast(client); }
    @Override public S3Presigner s3Presigner() { throw new UnsupportedOperationException(); }
    @Override public ApiTimer apiTimer() { return new ApiTimer(); }
    @Override public long startMillis() { return 0; }
    @Override public boolean changesPropagate() { return true; }
    @Override public void close() { }
}
