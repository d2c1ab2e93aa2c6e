package io.awslabs.labs.kms;

import static org.assertj.core.api.Assertions.assertThat;

import io.awslabs.report.AssertionRecord;
import io.awslabs.report.Status;
import io.awslabs.report.TeardownRecord;
import io.awslabs.testing.Emulator;
import io.awslabs.testing.LabContract;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class KmsEnvelopeEncryptionIT extends LabContract {

    KmsEnvelopeEncryptionIT() {
        super(KmsEnvelopeEncryptionLab::new);
    }

    @Test
    void motoEncryptsWithADisabledKeyWhereLocalStackRefusesWithDisabledException() {
        AssertionRecord onMoto = assertionsOn(Emulator.MOTO).get("disabled-key-refuses-encrypt");
        AssertionRecord onLocalStack = assertionsOn(Emulator.LOCALSTACK).get("disabled-key-refuses-encrypt");

        assertThat(onMoto.reason()).contains("known moto gap").contains("the call succeeded");
        assertThat(onLocalStack.status()).isEqualTo(Status.PASS);
        assertThat(onLocalStack.evidence()).containsEntry("kms:Encrypt(disabled key).error", "400 DisabledException");
    }

    @Test
    void theReportSaysKeysAreScheduledForDeletionAndNamesEachEmulatorsOwnAccount() {
        assertThat(labOn(Emulator.MOTO).notes()).anyMatch(n -> n.contains("7 days"));
        assertThat(labOn(Emulator.MOTO).teardown()).filteredOn(t -> t.type().equals("KMS key")).hasSize(2)
                .allSatisfy(t -> {
                    assertThat(t.outcome()).isEqualTo(TeardownRecord.Outcome.SCHEDULED);
                    assertThat(t.scheduledFor()).isBetween(Instant.now().plus(Duration.ofDays(6)),
                            Instant.now().plus(Duration.ofDays(8)));
                });
        assertThat(reportOn(Emulator.MOTO).target().account()).isEqualTo("123456789012");
        assertThat(reportOn(Emulator.LOCALSTACK).target().account()).isEqualTo("000000000000");
    }
}
