package io.awslabs.labs.sqs;

import static org.assertj.core.api.Assertions.assertThat;

import io.awslabs.report.AssertionRecord;
import io.awslabs.report.Status;
import io.awslabs.report.TeardownRecord;
import io.awslabs.testing.Emulator;
import io.awslabs.testing.LabContract;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SqsFifoExactlyOnceIT extends LabContract {

    SqsFifoExactlyOnceIT() {
        super(SqsFifoExactlyOnceLab::new);
    }

    @Test
    void motoForgetsADeduplicationIdOnceTheMessageIsDeletedWhereLocalStackKeepsTheFiveMinuteWindow() {
        AssertionRecord onMoto = assertionsOn(Emulator.MOTO).get("dedup-window-outlives-delete");
        AssertionRecord onLocalStack = assertionsOn(Emulator.LOCALSTACK).get("dedup-window-outlives-delete");

        assertThat(onMoto.reason()).contains("known moto gap", "still in the queue");
        assertThat(onMoto.evidence().get("bodiesAfterResend")).contains("invoice:");
        assertThat(onLocalStack.status()).isEqualTo(Status.PASS);
        assertThat(onLocalStack.evidence()).containsEntry("bodiesAfterResend", "[]");
    }

    @Test
    void localStackNumbersEveryFifoMessageInOrderWhereMotoLeavesThemUnnumbered() {
        AssertionRecord onMoto = assertionsOn(Emulator.MOTO).get("group-order-and-sequence");
        AssertionRecord onLocalStack = assertionsOn(Emulator.LOCALSTACK).get("group-order-and-sequence");

        assertThat(onMoto.reason()).contains("known moto gap", "missing on 10 of 10 sends");
        assertThat(onMoto.checks()).filteredOn(c -> c.what().equals("bodies in the order received"))
                .singleElement().satisfies(c -> assertThat(c.held()).as("moto keeps the order itself").isTrue());
        assertThat(onLocalStack.status()).isEqualTo(Status.PASS);
        assertThat(onLocalStack.evidence().get("sendSequenceNumbers")).matches("\\[\\d+(, \\d+){9}\\]");
    }

    @Test
    void theVisibilityTimeoutIsReallyWaitedForOnceAndTheSecondIsEndedEarly() {
        for (Emulator emulator : Emulator.values()) {
            Map<String, AssertionRecord> a = assertionsOn(emulator);

            assertThat(Long.parseLong(a.get("visibility-timeout-redelivers").evidence().get("hiddenMillis")))
                    .as(emulator + " hidden for").isBetween(1500L, 10_000L);
            assertThat(a.get("dead-letter-after-max-receives").evidence().get("done"))
                    .contains("ChangeMessageVisibility 0");
            assertThat(a.get("dead-letter-after-max-receives").evidence().get("deadLetterReceiveCount"))
                    .as(emulator + " receive count the dead-letter queue reports").isNotBlank();
        }
    }

    @Test
    void theStandardQueueDeliversTheDuplicateUnderTwoMessageIds() {
        for (Emulator emulator : Emulator.values()) {
            AssertionRecord standard = assertionsOn(emulator).get("standard-queue-delivers-duplicates");

            assertThat(standard.status()).isEqualTo(Status.PASS);
            assertThat(standard.evidence().get("receivedMessageIds")).matches("\\[[^,]+, [^,]+\\]");
        }
    }

    @Test
    void teardownDeletesTheFiveQueuesTheDeadLetterQueueLastAndTheRefusedQueueWasNeverCreated() {
        for (Emulator emulator : Emulator.values()) {
            assertThat(labOn(emulator).teardown()).as(emulator.toString())
                    .extracting(TeardownRecord::type).containsOnly("SQS queue").hasSize(5);
            assertThat(labOn(emulator).teardown()).extracting(TeardownRecord::id)
                    .noneMatch(id -> id.contains("no-suffix"))
                    .last().satisfies(id -> assertThat(id).endsWith("-dead-letters.fifo"));
        }
    }
}
