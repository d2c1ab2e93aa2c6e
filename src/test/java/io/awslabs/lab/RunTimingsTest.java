package io.awslabs.lab;

import static org.assertj.core.api.Assertions.assertThat;

import io.awslabs.report.RunReport;
import io.awslabs.targets.ApiTimer;
import io.awslabs.targets.EmulatorIdentity;
import io.awslabs.targets.Target;
import io.awslabs.targets.TargetKind;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

class RunTimingsTest {

    /** An emulator that took 4.2 s to start, then ran nothing. */
    private static final class SlowToStart implements Target {
        @Override public TargetKind kind() { return TargetKind.MOTO; }
        @Override public String region() { return "us-east-1"; }
        @Override public Optional<URI> endpoint() { return Optional.of(URI.create("http://127.0.0.1:1")); }
        @Override public String accountId() { return "123456789012"; }
        @Override public <T extends SdkClient> T client(Class<T> type) { throw new UnsupportedOperationException(); }
        @Override public S3Presigner s3Presigner() { throw new UnsupportedOperationException(); }
        @Override public ApiTimer apiTimer() { return new ApiTimer(); }
        @Override public long startMillis() { return 4_200; }
        @Override public Optional<EmulatorIdentity> emulator() { return Optional.of(EmulatorIdentity.moto("5.2.5")); }
        @Override public boolean changesPropagate() { return false; }
        @Override public void close() { }
    }

    @Test
    void theRunsTotalTimeIncludesTheEmulatorsStart() {
        RunReport report = new LabRunner(new SlowToStart(), RunOptions.defaults(), Progress.SILENT, "abc12345", "test")
                .run(List.of());

        assertThat(report.timings().emulatorStartMs()).isEqualTo(4_200);
        assertThat(report.timings().totalMs()).isGreaterThanOrEqualTo(4_200);
    }
}
