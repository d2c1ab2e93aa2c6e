package io.awslabs.resources.kinesis;

import static org.assertj.core.api.Assertions.assertThat;

import io.awslabs.resources.RunMatcher;
import io.awslabs.resources.catalog.ResourceKinds;
import io.awslabs.targets.EmulatorIdentity;
import io.awslabs.targets.EmulatorTarget;
import io.awslabs.targets.LocalStackHealth;
import io.awslabs.targets.Target;
import io.awslabs.targets.TargetKind;
import java.net.URI;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class KinesisStreamTest {

    @Test
    void theRecordedNameAndTheSweptArnOfOneStreamAgree() {
        String name = "labs-kinesis-shard-ordering-k3x9q2ab-clicks";
        String arn = "arn:aws:kinesis:us-east-1:123456789012:stream/" + name;

        assertThat(KinesisStream.KIND.canonicalId(arn)).isEqualTo(KinesisStream.KIND.canonicalId(name)).isEqualTo(name);
        assertThat(ResourceKinds.forArn(arn)).contains(KinesisStream.KIND);
        assertThat(ResourceKinds.forArn("arn:aws:kinesis:us-east-1:123456789012:stream/" + name + "/consumer/c:1"))
                .as("a stream consumer is not a stream").isEmpty();
    }

    /** Nothing listens on the discard port: a call would fail, so an empty answer means none was made. */
    @Test
    void aLocalStackHostProcessIsNotAskedForStreamsSinceItsFirstKinesisCallWouldStartADownload() throws Exception {
        EmulatorIdentity host = EmulatorIdentity.localStack(new LocalStackHealth("4.14.0", Set.of("kinesis"), false));
        try (Target target = new EmulatorTarget(TargetKind.LOCALSTACK, Optional.of(host), URI.create("http://127.0.0.1:9"),
                "us-east-1", 0, () -> { })) {
            assertThat(KinesisStream.KIND.find(target, RunMatcher.of("k3x9q2ab"))).isEmpty();
        }
    }
}
