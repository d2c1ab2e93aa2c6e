package io.awslabs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.awslabs.targets.EmulatorIdentity;
import io.awslabs.targets.EmulatorTarget;
import io.awslabs.targets.Target;
import io.awslabs.targets.TargetKind;
import io.awslabs.testing.JarProcess;
import io.awslabs.testing.Leftovers;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --keep on the embedded moto: the kept resources stay where the user can look at them, and go when asked. */
class KeepIT {
    @TempDir
    Path dir;

    @Test
    void keptResourcesStayInABackgroundMotoUntilCleanupAndStop() throws Exception {
        JarProcess.Result kept = JarProcess.run(dir, Map.of(), "run", "kms-envelope-encryption", "--keep");

        assertThat(kept.code()).as(kept.err()).isEqualTo(ExitCodes.TEARDOWN_INCOMPLETE);
        Matcher endpoint = Pattern.compile("export AWS_ENDPOINT_URL=(http://127\\.0\\.0\\.1:\\d+)").matcher(kept.out());
        assertThat(endpoint.find()).as(kept.out()).isTrue();
        Matcher run = Pattern.compile("labs cleanup --run-id ([a-z0-9]{8}) --force").matcher(kept.out());
        assertThat(run.find()).as(kept.out()).isTrue();
        URI moto = URI.create(endpoint.group(1));
        try (Target target = new EmulatorTarget(TargetKind.ENDPOINT, Optional.of(EmulatorIdentity.moto(null)), moto,
                "us-east-1", 0, () -> { })) {
            assertThat(Leftovers.of(target, run.group(1))).as("the kept key and alias, after the command ended")
                    .anyMatch(r -> r.startsWith("KMS alias")).anyMatch(r -> r.startsWith("KMS key"));

            JarProcess.Result cleaned = JarProcess.run(dir, Map.of(), "cleanup", "--run-id", run.group(1), "--force");
            assertThat(cleaned.code()).as(cleaned.out() + cleaned.err()).isZero();
            assertThat(Leftovers.of(target, run.group(1))).isEmpty();
        }

        JarProcess.Result stopped = JarProcess.run(dir, Map.of(), "stop");
        assertThat(stopped.code()).as(stopped.out() + stopped.err()).isZero();
        assertThat(answers(moto)).as("the background moto stopped").isFalse();
    }

    private static boolean answers(URI endpoint) {
        try (Socket socket = new Socket(endpoint.getHost(), endpoint.getPort())) {
            return true;
        } catch (Exception e) {
            return false;
        }
    }
}
