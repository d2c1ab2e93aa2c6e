package io.awslabs.labs.acm;

import static org.assertj.core.api.Assertions.assertThat;

import io.awslabs.lab.RunIds;
import io.awslabs.report.AssertionRecord;
import io.awslabs.report.LabReport;
import io.awslabs.report.ProvenHere;
import io.awslabs.report.RunReport;
import io.awslabs.report.Status;
import io.awslabs.report.TeardownRecord;
import io.awslabs.targets.Target;
import io.awslabs.testing.Emulator;
import io.awslabs.testing.LabContract;
import io.awslabs.testing.LabHarness;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;

class AcmCertificateIT extends LabContract {

    AcmCertificateIT() {
        super(AcmCertificateLab::new);
    }

    @Test
    void theEvidenceShowsTheValidationRecordsTheTlsSessionAndTheRefusedImport() {
        RunReport report = reportOn(Emulator.MOTO);
        Map<String, AssertionRecord> a = assertionsOn(Emulator.MOTO);

        assertThat(a.get("request-pending-dns-validation").evidence()).containsEntry("region", "us-east-1")
                .hasEntrySatisfying("domainName", d -> assertThat(d).contains(report.runId()))
                .satisfies(e -> assertThat(e.keySet()).filteredOn(k -> k.startsWith("validationRecord[")).hasSize(2));
        assertThat(a.get("tls-handshake-trusting-lab-ca").evidence())
                .containsKeys("protocol", "cipherSuite")
                .containsEntry("statusLine", "HTTP/1.1 200 OK");
        assertThat(a.get("tls-default-truststore-pkix-failure").evidence().get("error")).contains("PKIX path building failed");
        assertThat(a.get("tls-hostname-mismatch-rejected").evidence().get("error"))
                .contains("No subject alternative DNS name matching localhost");
        assertThat(a.get("expired-import-rejected").evidence()).containsEntry("acm:ImportCertificate(expired).error",
                "400 ValidationException");
        assertThat(assertionsOn(Emulator.LOCALSTACK).get("expired-import-rejected").evidence())
                .containsEntry("acm:ImportCertificate(expired).error", "400 ValidationException");
    }

    @Test
    void teardownUndoesTheRecordsTheCertificatesTheServerAndTheZoneInReverseOrder() {
        LabReport lab = labOn(Emulator.MOTO);

        assertThat(lab.teardown()).extracting(TeardownRecord::type).containsExactly(
                "Route 53 record sets", "ACM certificate", "ACM certificate", "local HTTPS server", "ACM certificate",
                "Route 53 hosted zone");
    }

    @ParameterizedTest
    @EnumSource(Emulator.class)
    void anIssuanceThatTheUnvalidatedControlCertificateSharesIsSkippedNotPassed(Emulator emulator) {
        AssertionRecord issued = assertionsOn(emulator).get("issued-after-dns-validation");

        assertThat(issued.status()).isEqualTo(Status.SKIPPED);
        assertThat(issued.reason()).contains("(the target answered: " + AcmCertificateLab.CONTROL_CHECK + ": ISSUED)");
        assertThat(issued.checks()).filteredOn(AssertionRecord.Check::held).extracting(AssertionRecord.Check::what)
                .contains("Status");
        assertThat(issued.evidence()).hasEntrySatisfying("controlDomainName",
                d -> assertThat(d).startsWith(AcmCertificateLab.CONTROL_PREFIX));
        assertThat(Long.parseLong(issued.evidence().get("waitedForIssuanceMs"))).as("no wait for the emulator's timer")
                .isLessThan(1000);
    }

    @Test
    void theTlsAssertionsAreLocalProofsCountedApartFromWhatTheTargetProved() {
        RunReport report = reportOn(Emulator.MOTO);

        assertThat(labOn(Emulator.MOTO).assertions()).filteredOn(AssertionRecord::localProof).extracting(AssertionRecord::id)
                .containsExactly("tls-handshake-trusting-lab-ca", "tls-default-truststore-pkix-failure",
                        "tls-hostname-mismatch-rejected");
        assertThat(report.totals().localPass()).isEqualTo(3);
        assertThat(ProvenHere.of(report, Optional.empty()).proven()).isEqualTo(report.totals().pass() - 3);
    }

    @ParameterizedTest
    @EnumSource(Emulator.class)
    void theExpiredImportIsRefusedAsAwsRefusesIt(Emulator emulator) {
        AssertionRecord expired = assertionsOn(emulator).get("expired-import-rejected");

        assertThat(expired.status()).isEqualTo(Status.PASS);
        assertThat(expired.checks()).extracting(AssertionRecord.Check::what)
                .contains("error code", "the message says the certificate has expired");
        assertThat(expired.evidence().get("message")).containsIgnoringCase("expired");
    }

    @Test
    void withTheUsersZoneTheRecordsGoUnderANameOfTheRunAndOnlyTheyAreRemoved() throws Exception {
        try (Target moto = Emulator.MOTO.target()) {
            Route53Client route53 = moto.client(Route53Client.class);
            String userDomain = "user-" + RunIds.next() + ".example.org";
            String zoneId = route53.createHostedZone(r -> r.name(userDomain).callerReference(userDomain)).hostedZone().id();
            try {
                RunReport report = LabHarness.run(moto, Map.of("domain", userDomain, "hosted-zone-id", zoneId),
                        new AcmCertificateLab());
                LabReport lab = report.labs().get(0);

                assertThat(lab.assertions()).filteredOn(r -> !r.id().equals("issued-after-dns-validation")).allSatisfy(r ->
                        assertThat(r.status()).as(r.id() + ": " + r.reason() + " " + r.actual()).isEqualTo(Status.PASS));
                assertThat(LabHarness.assertionsOf(lab).get("issued-after-dns-validation").reason())
                        .startsWith("known moto gap");
                assertThat(LabHarness.assertionsOf(lab).get("request-pending-dns-validation").evidence())
                        .containsEntry("domainName", "labs-acm-certificate-" + report.runId() + "." + userDomain);
                assertThat(lab.teardown()).extracting(TeardownRecord::type).doesNotContain("Route 53 hosted zone");
                assertThat(route53.listResourceRecordSets(r -> r.hostedZoneId(zoneId)).resourceRecordSets())
                        .extracting(ResourceRecordSet::typeAsString).containsExactlyInAnyOrder("NS", "SOA");
                assertThat(Emulator.MOTO.liveResourcesOf(report.runId())).isEmpty();
            } finally {
                route53.deleteHostedZone(r -> r.id(zoneId));
            }
        }
    }
}
