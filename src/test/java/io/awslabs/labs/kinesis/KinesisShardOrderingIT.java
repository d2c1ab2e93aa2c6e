package io.awslabs.labs.kinesis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.awslabs.report.AssertionRecord;
import io.awslabs.report.LabReport;
import io.awslabs.report.TeardownRecord;
import io.awslabs.targets.LocalStack;
import io.awslabs.testing.Emulator;
import io.awslabs.testing.LabContract;
import io.awslabs.testing.SharedLocalStack;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KinesisShardOrderingIT extends LabContract {

    KinesisShardOrderingIT() {
        super(KinesisShardOrderingLab::new);
    }

    @Test
    void onMotoRoutingOrderAndIteratorsAreProvenAndTheSplitRoutingAndSizeLimitAreKnownGaps() {
        Map<String, AssertionRecord> a = assertionsOn(Emulator.MOTO);

        assertThat(a.get("md5-of-key-picks-shard").evidence().get("recordsPerShard")).contains("shardId-000000000003");
        assertThat(a.get("split-keeps-key-order").reason()).contains("known moto gap", "(the closed parent)");
        assertThat(a.get("split-keeps-key-order").checks()).filteredOn(c -> c.what().startsWith("shards whose ParentShardId"))
                .singleElement().satisfies(c -> assertThat(c.held()).as("moto records the lineage").isTrue());
        assertThat(a.get("record-size-limit").reason()).contains("known moto gap", "the call succeeded");
        assertThat(a.get("throughput-exceeded").reason()).contains("real AWS only", "kinesis-local 0.5.2");
    }

    @Test
    void sequenceNumbersAreComparedAsIntegersSoMotosShortOnesAndAwssLongOnesOrderAlike() {
        AssertionRecord order = assertionsOn(Emulator.MOTO).get("per-key-order");

        assertThat(Integer.parseInt(order.evidence().get("sequenceNumberDigits"))).isLessThan(56);
        assertThat(order.evidence().get("sequenceNumbers")).matches("\\[\\d+(, \\d+){4}\\]");
    }

    @Test
    void teardownDeletesTheStream() {
        assertThat(labOn(Emulator.MOTO).teardown()).extracting(TeardownRecord::type).containsExactly("Kinesis stream");
    }

    @Test
    void aLocalStackHostProcessCreatesNothingAndSaysItWouldHaveToDownloadTheKinesisEngine() {
        assumeTrue(SharedLocalStack.running().mode() == LocalStack.Mode.HOST, "LocalStack runs in a container here");
        LabReport lab = labOn(Emulator.LOCALSTACK);

        assertThat(lab.assertions()).allSatisfy(r -> assertThat(r.reason()).as(r.id())
                .contains("runs as a host process", "kinesis-local 0.5.2", "run on LocalStack in a container"));
        assertThat(lab.teardown()).as("nothing was provisioned").isEmpty();
    }
}
