package io.awslabs.lab;

import io.awslabs.targets.ApiTimer;
import io.awslabs.targets.EmulatorIdentity;
import io.awslabs.targets.Target;
import io.awslabs.targets.TargetKind;
import java.net.URI;
import java.util.Optional;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/** A target with no AWS behind it, for testing the runner's own logic: a moto, or an endpoint that did not say. */
final class FakeTarget implements Target {
    private final Optional<EmulatorIdentity> emulator;

    private FakeTarget(Optional<EmulatorIdentity> emulator) {
        this.emulator = emulator;
    }

    static FakeTarget moto() {
        return new FakeTarget(Optional.of(EmulatorIdentity.moto("5.2.5")));
    }

    static FakeTarget unknownEmulator() {
        return new FakeTarget(Optional.empty());
    }

    @Override public TargetKind kind() { return emulator.isPresent() ? TargetKind.MOTO : TargetKind.ENDPOINT; }
    @Override public Optional<EmulatorIdentity> emulator() { return emulator; }
    @Override public String region() { return "us-east-1"; }
    @Override public Optional<URI> endpoint() { return Optional.of(URI.create("http://127.0.0.1:1")); }
    @Override public String accountId() { return "123456789012"; }
    @Override public <T extends SdkClient> T client(Class<T> type) { throw new UnsupportedOperationException("no AWS here"); }
    @Override public S3Presigner s3Presigner() { throw new UnsupportedOperationException("no AWS here"); }
    @Override public ApiTimer apiTimer() { return new ApiTimer(); }
    @Override public long startMillis() { return 0; }
    @Override public boolean changesPropagate() { return false; }
    @Override public void close() { }
}
