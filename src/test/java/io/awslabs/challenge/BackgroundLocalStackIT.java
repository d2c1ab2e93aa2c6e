package io.awslabs.challenge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.abort;

import io.awslabs.targets.BackgroundEmulator;
import io.awslabs.targets.EnvironmentException;
import io.awslabs.targets.Target;
import io.awslabs.targets.TargetKind;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.kms.KmsClient;

/** LocalStack in the background, as 'labs start --target localstack' runs it: it serves, and stop ends all of it. */
class BackgroundLocalStackIT {
    @TempDir
    Path dir;

    @Test
    void aBackgroundLocalStackServesAndStopTakesItsWholeProcessGroupAndStateWithIt() throws Exception {
        BackgroundEmulator emulator;
        try {
            emulator = BackgroundEmulator.start(dir, TargetKind.LOCALSTACK, Duration.ofMinutes(10),
                    line -> System.err.println("[localstack] " + line), false);
        } catch (EnvironmentException e) {
            abort("LocalStack cannot run as a host process here: " + e.getMessage() + " (" + e.hint() + ")");
            return;
        }
        List<ProcessHandle> family = new ArrayList<>(ProcessHandle.of(emulator.record().pid()).orElseThrow()
                .descendants().toList());
        try (Target target = emulator.target("us-east-1")) {
            assertThat(target.emulator().orElseThrow().describe()).startsWith("LocalStack 4.14.0");
            assertThat(target.client(KmsClient.class).createKey().keyMetadata().keyId()).isNotBlank();
        }
        assertThat(BackgroundEmulator.find(dir)).isPresent();

        assertThat(emulator.stop()).isTrue();

        assertThat(family).isNotEmpty().noneMatch(ProcessHandle::isAlive);
        assertThat(BackgroundEmulator.find(dir)).isEmpty();
    }
}
