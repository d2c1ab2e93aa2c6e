package io.awslabs.targets;

import static org.assertj.core.api.Assertions.assertThat;

import io.awslabs.labs.kms.KmsEnvelopeEncryptionLab;
import io.awslabs.report.Status;
import io.awslabs.testing.LabHarness;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Testcontainers;

/** The container path, where a Docker engine answers; skipped (not failed) where none does. */
@Testcontainers(disabledWithoutDocker = true)
class LocalStackContainerIT {

    @Test
    void withDockerTheLocalStackTargetRunsThePinnedImageAndProvesTheKmsLab() throws Exception {
        try (Target target = Targets.open(new Targets.Request(TargetKind.LOCALSTACK, null, "us-east-1", false),
                line -> System.err.println("[localstack] " + line))) {
            var report = LabHarness.run(target, new KmsEnvelopeEncryptionLab());

            assertThat(report.target().kind()).isEqualTo("localstack");
            assertThat(report.labs().get(0).assertions()).allSatisfy(a -> assertThat(a.status()).isEqualTo(Status.PASS));
        }
    }
}
