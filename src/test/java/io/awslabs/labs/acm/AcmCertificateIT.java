package io.awslabs.labs.acm;

import static org.assertj.core.api.Assertions.assertThat;

import io.awslabs.lab.LabRunner;
import io.awslabs.lab.Progress;
import io.awslabs.lab.RunIds;
import io.awslabs.lab.RunOptions;
import io.awslabs.report.AssertionRecord;
import io.awslabs.report.LabReport;
import io.awslabs.report.Redactor;
import io.awslabs.report.ReportJson;
import io.awslabs.report.RunReport;
import io.awslabs.report.Status;
import io.awslabs.report.TeardownRecord;
import io.awslabs.targets.Target;
import io.awslabs.testing.Emulator;
import io.awslabs.testing.LabHarness;
import io.awslabs.testing.VerifyThrows;
import io.awslabs.testing.SharedMoto;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;

class AcmCertificateIT {
    private Target moto;

    @BeforeEach
    void openTarget() {
        moto = SharedMoto.target();
    }

    @AfterEach
    void closeTarget() {
        moto.close();
    }

    @Test
    void dnsValidationImportAndTlsChainOfTrustAreAllProvenOnMoto() throws Exception {
        RunReport report = LabHarness.runAndRecord(moto, new AcmCertificateLab());
        LabReport lab = report.labs().get(0);
        Map<String, AssertionRecord> a = LabHarness.assertionsOf(lab);

        assertThat(a).hasSize(8);
        assertThat(a.values()).allSatisfy(r ->
                assertThat(r.status()).as(r.id() + ": " + r.reason() + " " + r.actual()).isEqualTo(Status.PASS));
        assertThat(lab.status()).isEqualTo(Status.PASS);
        assertThat(a.get("request-pending-dns-validation").evidence()).containsEntry("region", "us-east-1")
                .hasEntrySatisfying("domainName", d -> assertThat(d).contains(report.runId()))
                .satisfies(e -> assertThat(e.keySet()).filteredOn(k -> k.startsWith("validationRecord[")).hasSize(2));
        assertThat(a.get("issued-after-dns-validation").evidence().get("emulator")).contains("without resolving the CNAME");
        assertThat(a.get("tls-handshake-trusting-lab-ca").evidence())
                .containsKeys("protocol", "cipherSuite")
                .containsEntry("statusLine", "HTTP/1.1 200 OK");
        assertThat(a.get("tls-default-truststore-pkix-failure").evidence().get("error")).contains("PKIX path building failed");
        assertThat(a.get("tls-hostname-mismatch-rejected").evidence().get("error"))
                .contains("No subject alternative DNS name matching localhost");
        assertThat(a.get("expired-import-rejected").evidence()).containsEntry("acm:ImportCertificate(expired).error",
                "400 ValidationException");
    }

    @Test
    void dnsValidationImportAndTlsChainOfTrustAreAllProvenOnLocalStackAndNothingIsLeft() throws Exception {
        try (Target localstack = Emulator.LOCALSTACK.target()) {
            RunReport report = LabHarness.runAndRecord(localstack, new AcmCertificateLab());
            LabReport lab = report.labs().get(0);
            Map<String, AssertionRecord> a = LabHarness.assertionsOf(lab);

            assertThat(a).hasSize(8);
            assertThat(a.values()).allSatisfy(r ->
                    assertThat(r.status()).as(r.id() + ": " + r.reason() + " " + r.actual()).isEqualTo(Status.PASS));
            assertThat(a.get("request-pending-dns-validation").evidence()).containsEntry("region", "us-east-1");
            assertThat(a.get("issued-after-dns-validation").evidence().get("emulator")).contains("without resolving the CNAME");
            assertThat(a.get("expired-import-rejected").evidence()).containsEntry("acm:ImportCertificate(expired).error",
                    "400 ValidationException");
            assertThat(lab.teardown()).extracting(TeardownRecord::outcome).containsOnly(TeardownRecord.Outcome.DELETED);
            assertThat(Emulator.LOCALSTACK.liveResourcesOf(report.runId())).isEmpty();
        }
    }

    @Test
    void withTheUsersZoneTheRecordsGoUnderANameOfTheRunAndOnlyTheyAreRemoved() throws Exception {
        Route53Client route53 = moto.client(Route53Client.class);
        String userDomain = "user-" + RunIds.next() + ".example.org";
        String zoneId = route53.createHostedZone(r -> r.name(userDomain).callerReference(userDomain)).hostedZone().id();
        try {
            RunReport report = LabHarness.run(moto, Map.of("domain", userDomain, "hosted-zone-id", zoneId),
                    new AcmCertificateLab());
            LabReport lab = report.labs().get(0);

            assertThat(lab.assertions()).allSatisfy(r ->
                    assertThat(r.status()).as(r.id() + ": " + r.reason() + " " + r.actual()).isEqualTo(Status.PASS));
            assertThat(LabHarness.assertionsOf(lab).get("request-pending-dns-validation").evidence())
                    .containsEntry("domainName", "labs-acm-certificate-" + report.runId() + "." + userDomain);
            assertThat(lab.teardown()).extracting(TeardownRecord::type).doesNotContain("Route 53 hosted zone");
            assertThat(route53.listResourceRecordSets(r -> r.hostedZoneId(zoneId)).resourceRecordSets())
                    .extracting(ResourceRecordSet::typeAsString).containsExactlyInAnyOrder("NS", "SOA");
            assertThat(SharedMoto.state().liveResourcesOf(report.runId())).isEmpty();
        } finally {
            route53.deleteHostedZone(r -> r.id(zoneId));
        }
    }

    @Test
    void noPrivateKeyReachesTheReport() throws Exception {
        RunReport report = LabHarness.run(moto, new AcmCertificateLab());

        String json = ReportJson.MAPPER.writeValueAsString(report);
        assertThat(json).as("the imported certificate is in the report").contains("localSerial")
                .doesNotContain("PRIVATE KEY");
        assertThat(Redactor.containsSecret(json)).isFalse();
    }

    @Test
    void teardownLeavesNoCertificateRecordOrHostedZone() throws Exception {
        RunReport report = LabHarness.run(moto, new AcmCertificateLab());

        assertThat(SharedMoto.state().mentioning(report.runId())).as("the lab created resources").isNotEmpty();
        assertThat(SharedMoto.state().liveResourcesOf(report.runId())).isEmpty();
        assertThat(report.labs().get(0).teardown()).extracting(TeardownRecord::outcome)
                .containsOnly(TeardownRecord.Outcome.DELETED);
        assertThat(report.labs().get(0).teardown()).extracting(TeardownRecord::type).containsExactly(
                "Route 53 validation records", "ACM certificate (requested)", "local HTTPS server",
                "ACM certificate (imported)", "Route 53 hosted zone");
    }

    @Test
    void keptResourcesAreSeenAsLiveSoTheLeftoverProbesCanFail() throws Exception {
        RunReport report = new LabRunner(moto, new RunOptions(true, Duration.ofHours(1), Map.of(), 0),
                Progress.SILENT, RunIds.next(), "test").run(List.of(new AcmCertificateLab()));

        assertThat(report.labs().get(0).teardown()).extracting(TeardownRecord::outcome)
                .containsOnly(TeardownRecord.Outcome.KEPT);
        assertThat(SharedMoto.state().liveResourcesOf(report.runId()))
                .anyMatch(r -> r.startsWith("acm certificate"))
                .anyMatch(r -> r.startsWith("route53 hosted zone"));
    }

    @ParameterizedTest
    @EnumSource(Emulator.class)
    void teardownStillRunsWhenVerifyThrows(Emulator emulator) throws Exception {
        RunReport report;
        try (Target target = emulator.target()) {
            report = LabHarness.run(target, new VerifyThrows(new AcmCertificateLab()));
        }
        LabReport lab = report.labs().get(0);

        assertThat(lab.status()).isEqualTo(Status.ERROR);
        assertThat(lab.notes().get(0)).contains("verify blew up");
        assertThat(lab.teardown()).hasSize(4);
        assertThat(emulator.liveResourcesOf(report.runId())).isEmpty();
    }
}
