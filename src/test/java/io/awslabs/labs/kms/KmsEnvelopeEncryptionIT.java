package io.awslabs.labs.kms;

import static org.assertj.core.api.Assertions.assertThat;

import io.awslabs.report.AssertionRecord;
import io.awslabs.report.LabReport;
import io.awslabs.report.RunReport;
import io.awslabs.report.Status;
import io.awslabs.report.TeardownRecord;
import io.awslabs.targets.Target;
import io.awslabs.testing.Emulator;
import io.awslabs.testing.LabHarness;
import io.awslabs.testing.VerifyThrows;
import io.awslabs.testing.SharedMoto;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class KmsEnvelopeEncryptionIT {

    @Test
    void envelopeEncryptionIsProvenOnMotoAndOnlyTheDisabledKeyGapIsSkipped() throws Exception {
        try (Target moto = Emulator.MOTO.target()) {
            RunReport report = LabHarness.runAndRecord(moto, new KmsEnvelopeEncryptionLab());
            LabReport lab = report.labs().get(0);
            Map<String, AssertionRecord> a = LabHarness.assertionsOf(lab);

            assertThat(a).hasSize(7);
            assertThat(a.values()).filteredOn(r -> !r.id().equals("disabled-key-refuses-encrypt"))
                    .allSatisfy(r -> assertThat(r.status()).as(r.id() + ": " + r.reason() + " " + r.actual()).isEqualTo(Status.PASS));
            AssertionRecord disabled = a.get("disabled-key-refuses-encrypt");
            assertThat(disabled.status()).isEqualTo(Status.SKIPPED);
            assertThat(disabled.reason()).contains("moto").contains("the call succeeded");
            assertThat(lab.status()).isEqualTo(Status.PASS);
            assertThat(lab.notes()).anyMatch(n -> n.contains("7 days"));
        }
    }

    @Test
    void envelopeEncryptionIsFullyProvenOnLocalStackIncludingTheDisabledKeyRefusal() throws Exception {
        try (Target localstack = Emulator.LOCALSTACK.target()) {
            RunReport report = LabHarness.runAndRecord(localstack, new KmsEnvelopeEncryptionLab());
            LabReport lab = report.labs().get(0);

            assertThat(lab.assertions()).hasSize(7).allSatisfy(r ->
                    assertThat(r.status()).as(r.id() + ": " + r.reason() + " " + r.actual()).isEqualTo(Status.PASS));
            assertThat(LabHarness.assertionsOf(lab).get("disabled-key-refuses-encrypt").evidence())
                    .containsEntry("kms:Encrypt(disabled key).error", "400 DisabledException");
            assertThat(report.target().account()).isEqualTo("000000000000");
        }
    }

    @ParameterizedTest
    @EnumSource(Emulator.class)
    void teardownLeavesNoLiveResourceInTheEmulator(Emulator emulator) throws Exception {
        try (Target target = emulator.target()) {
            RunReport report = LabHarness.run(target, new KmsEnvelopeEncryptionLab());

            assertThat(report.labs().get(0).teardown()).as("the lab created resources")
                    .anyMatch(t -> t.outcome() == TeardownRecord.Outcome.DELETED);
            assertThat(emulator.liveResourcesOf(report.runId())).isEmpty();
            assertThat(report.labs().get(0).teardown()).extracting(TeardownRecord::outcome)
                    .containsOnly(TeardownRecord.Outcome.DELETED, TeardownRecord.Outcome.ALREADY_GONE);
        }
    }

    @Test
    void motoItselfRecordsWhatTheLabCreated() throws Exception {
        try (Target moto = Emulator.MOTO.target()) {
            RunReport report = LabHarness.run(moto, new KmsEnvelopeEncryptionLab());

            assertThat(SharedMoto.state().mentioning(report.runId())).isNotEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Emulator.class)
    void keptResourcesAreSeenAsLiveSoTheLeftoverProbeCanFail(Emulator emulator) throws Exception {
        try (Target target = emulator.target()) {
            RunReport report = new io.awslabs.lab.LabRunner(target,
                    new io.awslabs.lab.RunOptions(true, java.time.Duration.ofHours(1), Map.of(), 0),
                    io.awslabs.lab.Progress.SILENT, io.awslabs.lab.RunIds.next(), "test")
                    .run(java.util.List.of(new KmsEnvelopeEncryptionLab()));

            assertThat(report.labs().get(0).teardown()).extracting(TeardownRecord::outcome)
                    .containsOnly(TeardownRecord.Outcome.KEPT);
            assertThat(emulator.liveResourcesOf(report.runId()))
                    .anyMatch(r -> r.startsWith("kms alias"))
                    .anyMatch(r -> r.startsWith("kms key"));
        }
    }

    @ParameterizedTest
    @EnumSource(Emulator.class)
    void teardownStillRunsWhenVerifyThrows(Emulator emulator) throws Exception {
        try (Target target = emulator.target()) {
            RunReport report = LabHarness.run(target, new VerifyThrows(new KmsEnvelopeEncryptionLab()));
            LabReport lab = report.labs().get(0);

            assertThat(lab.status()).isEqualTo(Status.ERROR);
            assertThat(lab.notes().get(0)).contains("verify blew up");
            assertThat(lab.teardown()).hasSize(3);
            assertThat(emulator.liveResourcesOf(report.runId())).isEmpty();
        }
    }
}
