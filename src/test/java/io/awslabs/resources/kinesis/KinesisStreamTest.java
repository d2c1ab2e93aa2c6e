package io.awslabs.resources.kinesis;

import static org.assertj.core.api.Assertions.assertThat;

import io.awslabs.resources.catalog.ResourceKinds;
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
}
