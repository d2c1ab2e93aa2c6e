package io.awslabs.resources.sqs;

import static org.assertj.core.api.Assertions.assertThat;

import io.awslabs.resources.catalog.ResourceKinds;
import org.junit.jupiter.api.Test;

class SqsQueueTest {

    @Test
    void theRecordedUrlAndTheSweptArnOfOneQueueHaveItsNameAsCanonicalId() {
        String name = "labs-sqs-fifo-exactly-once-k3x9q2ab-orders.fifo";

        assertThat(SqsQueue.KIND.canonicalId("http://127.0.0.1:5000/123456789012/" + name)).isEqualTo(name);
        assertThat(SqsQueue.KIND.canonicalId("http://sqs.us-east-1.127.0.0.1:4566/000000000000/" + name)).isEqualTo(name);
        assertThat(SqsQueue.KIND.canonicalId("arn:aws:sqs:us-east-1:123456789012:" + name)).isEqualTo(name);
        assertThat(ResourceKinds.forArn("arn:aws:sqs:us-east-1:123456789012:" + name)).contains(SqsQueue.KIND);
    }
}
