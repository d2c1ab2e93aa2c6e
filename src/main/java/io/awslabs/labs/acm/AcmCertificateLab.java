package io.awslabs.labs.acm;

import static io.awslabs.targets.EmulatorKind.LOCALSTACK;
import static io.awslabs.targets.EmulatorKind.MOTO;

import io.awslabs.lab.Checks;
import io.awslabs.lab.ExamDomain;
import io.awslabs.lab.Lab;
import io.awslabs.lab.LabContext;
import io.awslabs.lab.LabInfo;
import io.awslabs.lab.LabOption;
import io.awslabs.lab.Proof;
import io.awslabs.lab.Symptom;
import io.awslabs.resources.acm.AcmCertificate;
import io.awslabs.resources.route53.HostedZone;
import io.awslabs.resources.route53.RecordSets;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.net.ssl.SSLHandshakeException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.acm.AcmClient;
import software.amazon.awssdk.services.acm.model.AcmException;
import software.amazon.awssdk.services.acm.model.CertificateDetail;
import software.amazon.awssdk.services.acm.model.CertificateStatus;
import software.amazon.awssdk.services.acm.model.CertificateType;
import software.amazon.awssdk.services.acm.model.DescribeCertificateResponse;
import software.amazon.awssdk.services.acm.model.DomainStatus;
import software.amazon.awssdk.services.acm.model.DomainValidation;
import software.amazon.awssdk.services.acm.model.RecordType;
import software.amazon.awssdk.services.acm.model.RenewalEligibility;
import software.amazon.awssdk.services.acm.model.ResourceNotFoundException;
import software.amazon.awssdk.services.acm.model.ResourceRecord;
import software.amazon.awssdk.services.acm.model.Tag;
import software.amazon.awssdk.services.acm.model.ValidationMethod;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.ChangeInfo;
import software.amazon.awssdk.services.route53.model.ChangeResourceRecordSetsResponse;
import software.amazon.awssdk.services.route53.model.ChangeStatus;
import software.amazon.awssdk.services.route53.model.RRType;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;

/**
 * Proves what ACM does with a certificate it issues (DNS validation through Route 53) and with
 * one it imports (stored, never renewed), and what TLS trust is underneath: a chain to a CA the
 * client trusts, and the name the client asked for.
 */
public final class AcmCertificateLab implements Lab {
    /** The name a client uses when it connects "the quick way", absent from the certificate. */
    static final String MISMATCHED_HOST = "localhost";
    /** The control certificate's name: under the requested one, so on AWS it is in the same domain, yet never validated. */
    static final String CONTROL_PREFIX = "control.";
    static final String CONTROL_CHECK = "the control certificate, whose records nobody published, is still PENDING_VALIDATION";
    private static final Set<CertificateStatus> FINAL_FAILURES = Set.of(CertificateStatus.FAILED,
            CertificateStatus.VALIDATION_TIMED_OUT, CertificateStatus.REVOKED, CertificateStatus.EXPIRED);

    private Waits waits;
    private Optional<ValidationZone> zone;
    private LabCertificateAuthority authority;
    private ServerCertificate server;
    private String importedArn;
    private LocalHttpsServer https;
    private String requestedArn;
    private String controlArn;

    @Override
    public LabInfo info() {
        return LabInfo.of("acm-certificate", "ACM certificates and the TLS chain of trust")
                .exam(ExamDomain.SECURE, "1.3 Determine appropriate data security controls")
                .concept("ACM issues free public certificates once you prove control of each name, preferably by DNS: "
                        + "one CNAME per name, which ACM keeps checking so it can renew the certificate on its own. "
                        + "A certificate you import (signed by any CA) is stored and deployed by ACM but never renewed. "
                        + "Underneath, a TLS client accepts a server only if the server's certificate chains to a CA the "
                        + "client trusts and names the host the client asked for.")
                .examAngle("DNS or email validation, and which one renews without you? Who renews an imported "
                        + "certificate? Why must a certificate for CloudFront be in us-east-1? Why does a certificate from "
                        + "a private CA fail in a browser yet work for clients that trust that CA, and what does a host "
                        + "name mismatch look like?")
                .services("acm", "route53")
                .costPerRunUsd(0.0, "public ACM certificates and imported certificates are free "
                        + "(aws.amazon.com/certificate-manager/pricing); on AWS the lab creates no hosted zone, it only "
                        + "writes two records into the zone you name, and a few Route 53 queries cost $0.40 per million")
                .provisions(AcmCertificate.KIND, HostedZone.KIND, RecordSets.KIND)
                .calls("acm:AddTagsToCertificate", "acm:DescribeCertificate", "acm:ImportCertificate",
                        "acm:RequestCertificate", "route53:GetChange")
                .creates("on emulators: a Route 53 hosted zone for a made-up domain under the run id (on AWS none: "
                                + "records go into the zone given with --option hosted-zone-id)",
                        "an ACM certificate requested with DNS validation for a name of the run and its www. name, "
                                + "tagged with the run id, and its validation CNAME records",
                        "a control certificate requested with DNS validation for " + CONTROL_PREFIX + "<that name>, "
                                + "tagged with the run id, whose validation records are never published",
                        "a root CA and a server certificate (EC P-256) generated locally; the server certificate "
                                + "imported into ACM with its chain and tagged with the run id",
                        "a local HTTPS server (JDK) on 127.0.0.1 presenting that certificate, stopped at teardown")
                .asserts("request-pending-dns-validation",
                        "RequestCertificate with DNS validation for a domain and one SAN gives an AMAZON_ISSUED certificate "
                                + "carrying the run's tags, with one DNS validation option per name, each naming a CNAME "
                                + "record to publish (that it waits for them is shown by the control certificate of "
                                + "issued-after-dns-validation)")
                .asserts("validation-cname-upserted",
                        "UPSERT of the validation CNAMEs into the domain's Route 53 hosted zone reaches INSYNC, and "
                                + "ListResourceRecordSets then returns each record exactly as ACM asked: same name, type "
                                + "CNAME, same value")
                .asserts("issued-after-dns-validation",
                        "With the validation CNAMEs published, the certificate becomes ISSUED and every name's "
                                + "validation status is SUCCESS, while a control certificate requested with it for "
                                + CONTROL_PREFIX + "<the same name>, whose records nobody published, is still "
                                + "PENDING_VALIDATION: DNS validation, not time, issued it (on AWS only for a domain you "
                                + "control, given with --option domain=... --option hosted-zone-id=...)")
                .asserts("imported-certificate-matches-local",
                        "A certificate signed by a local root CA and imported with its chain is of type IMPORTED and "
                                + "ISSUED, with the serial, NotAfter and names of the local certificate, and RenewalEligibility "
                                + "INELIGIBLE: ACM would not renew it as it stands. That alone does not show that an import "
                                + "is never renewed (AWS reports INELIGIBLE for any certificate not in use, moto for every "
                                + "certificate); that ACM gives imported certificates no managed renewal is AWS's documented "
                                + "rule, cited in the notes")
                .asserts("expired-import-rejected",
                        "ImportCertificate refuses a certificate whose validity period has ended, although it has the "
                                + "same CA, names and key type as the certificate it accepted: 400 ValidationException, with "
                                + "a message saying the certificate has expired")
                .asserts("tls-handshake-trusting-lab-ca",
                        "A TLS client that trusts the lab's root CA completes the handshake with an HTTPS server "
                                + "presenting the server certificate and its chain, under a name in the certificate, and "
                                + "gets an HTTP answer over the session")
                .asserts("tls-default-truststore-pkix-failure",
                        "A TLS client with only the JDK's default trust store (public CAs) refuses the same server: "
                                + "building a certification path to a trusted CA fails (PKIX)")
                .asserts("tls-hostname-mismatch-rejected",
                        "A TLS client that trusts the lab's root CA but connects as '" + MISMATCHED_HOST + "', a name "
                                + "the certificate does not list, fails the HTTPS host name check")
                .note("ACM issues a public certificate only once each name is validated (DNS is recommended; email, and "
                        + "HTTP for CloudFront, also exist); with DNS validation ACM gives one CNAME per name and, while the "
                        + "record stays and the certificate is in use, renews it without you "
                        + "(docs.aws.amazon.com/acm/latest/userguide/dns-validation.html, "
                        + "docs.aws.amazon.com/acm/latest/userguide/acm-renewal.html).")
                .note("ACM does not provide managed renewal for imported certificates; RenewalEligibility is NOT ELIGIBLE "
                        + "for them (docs.aws.amazon.com/acm/latest/userguide/acm-renewal.html, "
                        + "docs.aws.amazon.com/acm/latest/APIReference/API_ImportCertificate.html).")
                .note("An imported certificate must be valid at import time: the current time must be between NotBefore "
                        + "and NotAfter (docs.aws.amazon.com/acm/latest/userguide/import-certificate-prerequisites.html, "
                        + "docs.aws.amazon.com/acm/latest/userguide/troubleshoot-import.html). ImportCertificate refuses an "
                        + "expired one with a ValidationException saying \"The certificate has expired, is not valid.\", "
                        + "the wording moto also uses (moto/acm/models.py CertBundle.validate_certificate).")
                .note("RenewalEligibility says whether ACM would renew a certificate as it stands: AWS reports INELIGIBLE "
                        + "for an Amazon-issued certificate that no AWS service uses as well as for an imported one, so "
                        + "the lab reads it as that, not as proof of the import rule "
                        + "(docs.aws.amazon.com/acm/latest/APIReference/API_CertificateDetail.html).")
                .note("Certificates are regional; to use one with CloudFront, request or import it in us-east-1 "
                        + "(docs.aws.amazon.com/acm/latest/userguide/acm-regions.html). The lab reports the region of "
                        + "each certificate ARN.")
                .note("The control certificate is requested with the other one and validated by nothing: on AWS it stays "
                        + "PENDING_VALIDATION (until it times out after 72 hours, long after teardown deletes it), so the "
                        + "other one's issuance is DNS validation's doing (docs.aws.amazon.com/acm/latest/userguide/"
                        + "dns-validation.html). The emulators issue both, so they need no wait for issuance either.")
                .note("Right after RequestCertificate there is a delay of several seconds before DescribeCertificate shows "
                        + "everything (docs.aws.amazon.com/acm/latest/APIReference/API_DescribeCertificate.html): the lab "
                        + "polls for the validation records.")
                .note("The three tls- assertions run the JDK's TLS client against the lab's local HTTPS server: they "
                        + "show how TLS trust works, whatever the target, so reports mark them as local proofs and count "
                        + "them apart from what the target proved.")
                .note("The lab's own root CA and private keys exist only in memory; private keys go to ImportCertificate "
                        + "and the local HTTPS server, never into the report.")
                .source("https://docs.aws.amazon.com/acm/latest/userguide/dns-validation.html")
                .source("https://docs.aws.amazon.com/acm/latest/userguide/acm-renewal.html")
                .source("https://docs.aws.amazon.com/acm/latest/userguide/import-certificate-prerequisites.html")
                .source("https://docs.aws.amazon.com/acm/latest/APIReference/API_ImportCertificate.html")
                .source("https://docs.aws.amazon.com/acm/latest/APIReference/API_DescribeCertificate.html")
                .source("https://docs.aws.amazon.com/acm/latest/APIReference/API_CertificateDetail.html")
                .source("https://docs.aws.amazon.com/acm/latest/userguide/troubleshoot-import.html")
                .source("https://docs.aws.amazon.com/acm/latest/userguide/acm-regions.html")
                .source("https://docs.aws.amazon.com/Route53/latest/APIReference/API_ChangeResourceRecordSets.html")
                .source("https://aws.amazon.com/certificate-manager/pricing/")
                .source("https://aws.amazon.com/route53/pricing/")
                .note("moto also prints Serial in decimal where AWS prints colon-separated hex, and reports "
                        + "RenewalEligibility INELIGIBLE for every certificate (moto/acm/models.py CertBundle.describe).")
                .gap(MOTO, "issued-after-dns-validation", Symptom.checkFails(CONTROL_CHECK, "ISSUED"),
                        "moto issues every requested certificate MOTO_ACM_VALIDATION_WAIT seconds after the request "
                                + "without resolving its CNAME, so the control certificate is issued too and the "
                                + "issuance proves nothing about DNS validation",
                        "moto/acm/models.py CertBundle.check: a PENDING_VALIDATION certificate older than "
                                + "settings.ACM_VALIDATION_WAIT becomes ISSUED (moto 5.2.5)")
                .gap(LOCALSTACK, "issued-after-dns-validation", Symptom.checkFails(CONTROL_CHECK, "ISSUED"),
                        "LocalStack's ACM is moto's: every requested certificate is issued after "
                                + "MOTO_ACM_VALIDATION_WAIT seconds without resolving its CNAME, the control certificate too",
                        "localstack/services/acm/provider.py passes RequestCertificate and DescribeCertificate to moto, "
                                + "whose moto/acm/models.py CertBundle.check issues on a timer (localstack-core 4.14.0)")
                .provenLocally("tls-handshake-trusting-lab-ca", "tls-default-truststore-pkix-failure",
                        "tls-hostname-mismatch-rejected")
                .onAwsNeeds("request-pending-dns-validation", ValidationZone.DOMAIN_OPTION, ValidationZone.ZONE_OPTION)
                .onAwsNeeds("validation-cname-upserted", ValidationZone.DOMAIN_OPTION, ValidationZone.ZONE_OPTION)
                .onAwsNeeds("issued-after-dns-validation", ValidationZone.DOMAIN_OPTION, ValidationZone.ZONE_OPTION)
                .option(LabOption.text(ValidationZone.DOMAIN_OPTION, "on AWS: a domain you control; the certificate is "
                        + "requested for a name of the run under it (the domain's own records are never touched)"))
                .option(LabOption.text(ValidationZone.ZONE_OPTION, "on AWS: the public Route 53 hosted zone id of that "
                        + "domain, where the validation records of the run are written and removed"));
    }

    @Override
    public void provision(LabContext ctx) throws Exception {
        AcmClient acm = ctx.client(AcmClient.class);
        waits = ctx.target().changesPropagate() ? Waits.AWS : Waits.EMULATOR;
        zone = ValidationZone.choose(ctx);

        Instant now = Instant.now();
        // an hour back so clocks a little behind still see the certificates as valid
        Instant notBefore = now.minus(Duration.ofHours(1));
        authority = ctx.step(ctx.words("step.rootCa"), () -> LabCertificateAuthority.create(
                "aws-labs root CA " + ctx.runId(), notBefore, now.plus(Duration.ofDays(30))));
        server = ctx.step(ctx.words("step.serverCertificate"), () -> authority.issue(localNames(ctx), notBefore,
                now.plus(Duration.ofDays(7))));
        importedArn = ctx.create(AcmCertificate.KIND, () -> importCertificate(ctx, acm, server));
        https = ctx.closeAtTeardown("local HTTPS server",
                () -> LocalHttpsServer.start(server, "hello from " + ctx.name() + "\n"));

        if (zone.isPresent()) {
            String domain = zone.get().certificateDomain();
            requestedArn = ctx.create(AcmCertificate.KIND,
                    () -> acm.requestCertificate(r -> r.domainName(domain).subjectAlternativeNames("www." + domain)
                            .validationMethod(ValidationMethod.DNS)
                            // a retried request returns the same certificate instead of a second one
                            .idempotencyToken(ctx.runId())
                            .tags(acmTags(ctx))).certificateArn());
            controlArn = ctx.create(AcmCertificate.KIND,
                    () -> acm.requestCertificate(r -> r.domainName(CONTROL_PREFIX + domain)
                            .validationMethod(ValidationMethod.DNS).idempotencyToken(ctx.runId() + "control")
                            .tags(acmTags(ctx))).certificateArn());
        }
    }

    @Override
    public void verify(LabContext ctx, Checks check) {
        AcmClient acm = ctx.client(AcmClient.class);
        Route53Client route53 = ctx.client(Route53Client.class);
        List<ResourceRecord> validation = new ArrayList<>();
        boolean[] published = {false};

        check.that("request-pending-dns-validation", p -> {
            requireRequested(ctx, p);
            String domain = zone.get().certificateDomain();
            Set<String> names = new TreeSet<>(List.of(domain, "www." + domain));
            DescribeCertificateResponse described = ctx.waits().until(ctx.words("wait.validationRecords"),
                    waits.validationRecords(), waits.every(), () -> describeIfVisible(acm, requestedArn),
                    d -> d != null && everyNameHasARecord(d.certificate(), names),
                    d -> d == null ? "not visible yet" : d.certificate().statusAsString());
            p.isTrue("DescribeCertificate finds the requested certificate", described != null,
                    described == null ? "ResourceNotFoundException until the deadline" : requestedArn);
            CertificateDetail cert = described.certificate();
            p.call("acm:DescribeCertificate", described).evidence("certificateArn", requestedArn)
                    .evidence("region", regionOf(requestedArn)).evidence("domainName", cert.domainName())
                    .evidence("subjectAlternativeNames", cert.subjectAlternativeNames());
            p.equal("Type", CertificateType.AMAZON_ISSUED, cert.type());
            p.equal("names with a validation option", names,
                    cert.domainValidationOptions().stream().map(DomainValidation::domainName)
                            .collect(Collectors.toCollection(TreeSet::new)));
            for (DomainValidation option : cert.domainValidationOptions()) {
                ResourceRecord record = option.resourceRecord();
                p.equal(option.domainName() + " ValidationMethod", ValidationMethod.DNS, option.validationMethod());
                p.isTrue(option.domainName() + " has a CNAME record to publish",
                        record != null && record.type() == RecordType.CNAME, record);
                p.evidence("validationRecord[" + option.domainName() + "]", record.name() + " CNAME " + record.value());
                if (validation.stream().noneMatch(v -> v.name().equals(record.name()))) {
                    validation.add(record);
                }
            }
            var tags = acm.listTagsForCertificate(r -> r.certificateArn(requestedArn));
            p.call("acm:ListTagsForCertificate", tags);
            Map<String, String> runTags = new TreeMap<>(ctx.tags());
            p.equal("the run's tags", runTags, tags.tags().stream().filter(t -> runTags.containsKey(t.key()))
                    .collect(Collectors.toMap(Tag::key, Tag::value, (a, b) -> b, TreeMap::new)));
        });

        check.that("validation-cname-upserted", p -> {
            requireRequested(ctx, p);
            if (validation.isEmpty()) {
                p.skip(ctx.words("skip.noValidationRecords"));
            }
            String zoneId = zone.get().hostedZoneId();
            ChangeResourceRecordSetsResponse upserted = RecordSets.upsert(ctx, zoneId, "ACM DNS validation",
                    validation.stream().map(v -> new RecordSets.Cname(v.name(), v.value())).toList());
            p.call("route53:ChangeResourceRecordSets", upserted).evidence("hostedZoneId", zoneId)
                    .evidence("changeId", upserted.changeInfo().id());
            String changeId = upserted.changeInfo().id();
            ChangeInfo change = ctx.waits().until(ctx.words("wait.changeInSync"), waits.changeInSync(), waits.every(),
                    () -> route53.getChange(r -> r.id(changeId)).changeInfo(), c -> c.status() == ChangeStatus.INSYNC,
                    c -> c.statusAsString());
            p.equal("GetChange status", ChangeStatus.INSYNC, change.status());
            for (ResourceRecord wanted : validation) {
                Optional<ResourceRecordSet> found = RecordSets.find(route53, zoneId, wanted.name());
                p.isTrue(wanted.name() + " is listed", found.isPresent(),
                        found.map(ResourceRecordSet::name).orElse("not in ListResourceRecordSets"));
                ResourceRecordSet set = found.get();
                p.evidence("listed[" + wanted.name() + "]", set.name() + " " + set.typeAsString() + " ttl=" + set.ttl()
                        + " " + set.resourceRecords());
                p.equal(wanted.name() + " type", RRType.CNAME, set.type());
                p.equal(wanted.name() + " values", List.of(wanted.value()), set.resourceRecords().stream()
                        .map(software.amazon.awssdk.services.route53.model.ResourceRecord::value).toList());
            }
            published[0] = true;
        });

        check.that("issued-after-dns-validation", p -> {
            requireRequested(ctx, p);
            if (!published[0]) {
                p.skip(ctx.words("skip.validationNotPublished"));
            }
            long t0 = System.nanoTime();
            DescribeCertificateResponse described = ctx.waits().until(ctx.words("wait.issued"), waits.issuance(),
                    waits.every(), () -> acm.describeCertificate(r -> r.certificateArn(requestedArn)),
                    d -> d.certificate().status() == CertificateStatus.ISSUED
                            || FINAL_FAILURES.contains(d.certificate().status()),
                    d -> d.certificate().statusAsString());
            CertificateDetail cert = described.certificate();
            p.call("acm:DescribeCertificate", described)
                    .evidence("waitedForIssuanceMs", (System.nanoTime() - t0) / 1_000_000)
                    .evidence("issuedAt", cert.issuedAt()).evidence("notAfter", cert.notAfter())
                    .evidence("issuer", cert.issuer());
            p.equal("Status", CertificateStatus.ISSUED, cert.status());
            for (DomainValidation option : cert.domainValidationOptions()) {
                p.equal(option.domainName() + " ValidationStatus", DomainStatus.SUCCESS, option.validationStatus());
            }
            // Requested with it, validated by nothing: only if it stays pending was the issuance DNS's doing.
            DescribeCertificateResponse control = acm.describeCertificate(r -> r.certificateArn(controlArn));
            p.call("acm:DescribeCertificate(control)", control).evidence("controlArn", controlArn)
                    .evidence("controlDomainName", control.certificate().domainName());
            p.equal(CONTROL_CHECK, CertificateStatus.PENDING_VALIDATION, control.certificate().status());
        });

        check.that("imported-certificate-matches-local", p -> {
            X509Certificate local = server.certificate();
            DescribeCertificateResponse described = acm.describeCertificate(r -> r.certificateArn(importedArn));
            CertificateDetail cert = described.certificate();
            p.call("acm:DescribeCertificate", described).evidence("certificateArn", importedArn)
                    .evidence("region", regionOf(importedArn)).evidence("Serial", cert.serial())
                    .evidence("localSerial", colonHex(local.getSerialNumber()))
                    .evidence("keyAlgorithm", cert.keyAlgorithmAsString()).evidence("issuer", cert.issuer())
                    .evidence("importedAt", cert.importedAt());
            p.equal("Type", CertificateType.IMPORTED, cert.type());
            p.equal("Status", CertificateStatus.ISSUED, cert.status());
            p.equal("Serial as a number (AWS prints colon-separated hex)", local.getSerialNumber(), serialOf(cert.serial()));
            p.equal("NotAfter", local.getNotAfter().toInstant(), cert.notAfter());
            p.equal("names", new TreeSet<>(server.dnsNames()), new TreeSet<>(cert.subjectAlternativeNames()));
            p.equal("RenewalEligibility (ACM would not renew it as it stands)", RenewalEligibility.INELIGIBLE,
                    cert.renewalEligibility());
        });

        check.that("expired-import-rejected", p -> {
            Instant now = Instant.now();
            ServerCertificate expired = authority.issue(server.dnsNames(), now.minus(Duration.ofDays(30)),
                    now.minus(Duration.ofDays(1)));
            p.evidence("expiredNotAfter", expired.certificate().getNotAfter().toInstant())
                    .evidence("issuer", expired.certificate().getIssuerX500Principal().getName());
            AcmException refused = p.throwsA("ImportCertificate of the expired certificate", AcmException.class,
                    () -> ctx.create(AcmCertificate.KIND, () -> importCertificate(ctx, acm, expired)));
            p.error("acm:ImportCertificate(expired)", refused)
                    .evidence("message", refused.awsErrorDetails().errorMessage());
            p.equal("HTTP status", 400, refused.statusCode());
            p.equal("error code", "ValidationException", refused.awsErrorDetails().errorCode());
            String message = refused.awsErrorDetails().errorMessage();
            p.isTrue("the message says the certificate has expired",
                    message != null && message.toLowerCase(java.util.Locale.ROOT).contains("expired"), message);
        });

        check.that("tls-handshake-trusting-lab-ca", p -> {
            String host = server.dnsNames().get(0);
            TlsClient client = TlsClient.trusting(authority.certificate());
            TlsClient.Exchange exchange = client.get(https.address(), host);
            p.evidence("server", https).evidence("hostName", host).evidence("trustAnchors", client.trustAnchors())
                    .evidence("protocol", exchange.protocol()).evidence("cipherSuite", exchange.cipherSuite())
                    .evidence("peerChain", exchange.peerChain().stream()
                            .map(c -> c.getSubjectX500Principal().getName()).toList())
                    .evidence("statusLine", exchange.statusLine());
            p.isTrue("record protocol is TLS 1.2 or 1.3", Set.of("TLSv1.2", "TLSv1.3").contains(exchange.protocol()),
                    exchange.protocol());
            p.isTrue("a cipher suite was negotiated", !exchange.cipherSuite().startsWith("SSL_NULL"), exchange.cipherSuite());
            p.equal("leaf presented by the server (SHA-256 fingerprint)", fingerprint(server.certificate()),
                    fingerprint(exchange.peerChain().get(0)));
            p.equal("HTTP status line", "HTTP/1.1 200 OK", exchange.statusLine());
        });

        check.that("tls-default-truststore-pkix-failure", p -> {
            String host = server.dnsNames().get(0);
            TlsClient client = TlsClient.withJdkDefaultTrust();
            p.evidence("hostName", host).evidence("trustAnchors", client.trustAnchors());
            SSLHandshakeException refused = p.throwsA("handshake with the JDK's default trust store",
                    SSLHandshakeException.class, () -> client.get(https.address(), host));
            p.evidence("error", causes(refused));
            p.isTrue("cause is a failure to build a certification path (CertPathBuilderException)",
                    cause(refused, CertPathBuilderException.class).isPresent(), causeTypes(refused));
        });

        check.that("tls-hostname-mismatch-rejected", p -> {
            TlsClient client = TlsClient.trusting(authority.certificate());
            p.evidence("hostName", MISMATCHED_HOST).evidence("namesInCertificate", server.dnsNames());
            SSLHandshakeException refused = p.throwsA("handshake as " + MISMATCHED_HOST, SSLHandshakeException.class,
                    () -> client.get(https.address(), MISMATCHED_HOST));
            p.evidence("error", causes(refused));
            p.isTrue("the chain itself was trusted (no certification path failure)",
                    cause(refused, CertPathBuilderException.class).isEmpty(), causeTypes(refused));
            String message = cause(refused, CertificateException.class).map(Throwable::getMessage).orElse("");
            p.isTrue("cause is a host name check naming " + MISMATCHED_HOST,
                    message.contains("subject alternative") && message.contains(MISMATCHED_HOST), message);
        });
    }

    private void requireRequested(LabContext ctx, Proof p) {
        if (requestedArn == null) {
            p.skip(ValidationZone.needsOptions(ctx));
        }
    }

    private static String importCertificate(LabContext ctx, AcmClient acm, ServerCertificate cert) throws Exception {
        SdkBytes certificate = SdkBytes.fromUtf8String(cert.certificatePem());
        SdkBytes chain = SdkBytes.fromUtf8String(cert.chainPem());
        SdkBytes privateKey = SdkBytes.fromUtf8String(cert.privateKeyPem());
        return acm.importCertificate(r -> r.certificate(certificate).certificateChain(chain).privateKey(privateKey)
                .tags(acmTags(ctx))).certificateArn();
    }

    static List<Tag> acmTags(LabContext ctx) {
        return ctx.tags((k, v) -> Tag.builder().key(k).value(v).build());
    }

    /** Made-up names of the run for the local certificate: nothing resolves them, TLS only compares them. */
    private static List<String> localNames(LabContext ctx) {
        String domain = ctx.name() + "." + ValidationZone.MADE_UP_PARENT;
        return List.of("app." + domain, "api." + domain);
    }

    /** Null while ACM does not show a certificate it just accepted, which the API reference warns about. */
    static DescribeCertificateResponse describeIfVisible(AcmClient acm, String arn) {
        try {
            return acm.describeCertificate(r -> r.certificateArn(arn));
        } catch (ResourceNotFoundException e) {
            return null;
        }
    }

    static boolean everyNameHasARecord(CertificateDetail cert, Set<String> names) {
        return cert.hasDomainValidationOptions() && cert.domainValidationOptions().size() >= names.size()
                && cert.domainValidationOptions().stream().allMatch(o -> o.resourceRecord() != null);
    }

    private static String regionOf(String arn) {
        String[] parts = arn.split(":");
        return parts.length > 3 ? parts[3] : "?";
    }

    /** AWS prints serials as colon-separated hex bytes; a plain run of digits is read as decimal. */
    static BigInteger serialOf(String printed) {
        if (printed == null || printed.isBlank()) {
            return null;
        }
        if (printed.contains(":")) {
            return new BigInteger(printed.replace(":", ""), 16);
        }
        return printed.chars().allMatch(Character::isDigit) ? new BigInteger(printed) : null;
    }

    /** A serial as AWS prints it: two lower-case hex digits per byte, separated by colons. */
    static String colonHex(BigInteger serial) {
        String hex = serial.toString(16);
        if (hex.length() % 2 == 1) {
            hex = "0" + hex;
        }
        return String.join(":", hex.split("(?<=\\G..)"));
    }

    private static <T extends Throwable> Optional<T> cause(Throwable thrown, Class<T> type) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return Optional.of(type.cast(t));
            }
        }
        return Optional.empty();
    }

    /** The exception's class and its causes' classes, outermost first. */
    private static String causeTypes(Throwable thrown) {
        List<String> types = new ArrayList<>();
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            types.add(t.getClass().getSimpleName());
        }
        return String.join(" < ", types);
    }

    private static String fingerprint(X509Certificate cert) throws Exception {
        return HexFormat.ofDelimiter(":").formatHex(MessageDigest.getInstance("SHA-256").digest(cert.getEncoded()));
    }

    /** The exception and its causes, one per line, as the JDK reported them. */
    private static String causes(Throwable thrown) {
        List<String> lines = new ArrayList<>();
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            lines.add(t.getClass().getName() + ": " + t.getMessage());
        }
        return String.join("\n  caused by ", lines);
    }

    /** How long to wait for each slow step: emulators answer at once, AWS takes minutes to validate. */
    private record Waits(Duration validationRecords, Duration changeInSync, Duration issuance, Duration every) {
        static final Waits EMULATOR = new Waits(Duration.ofSeconds(10), Duration.ofSeconds(10), Duration.ofSeconds(30),
                Duration.ofMillis(500));
        static final Waits AWS = new Waits(Duration.ofSeconds(60), Duration.ofMinutes(2), Duration.ofMinutes(15),
                Duration.ofSeconds(10));
    }
}
