package io.awslabs.labs.acm;

import static io.awslabs.targets.EmulatorKind.LOCALSTACK;
import static io.awslabs.targets.EmulatorKind.MOTO;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.awslabs.lab.Challenge;
import io.awslabs.lab.ChallengeChecks;
import io.awslabs.lab.ChallengeInfo;
import io.awslabs.lab.CheckProof;
import io.awslabs.lab.LabContext;
import io.awslabs.lab.Scaffold;
import io.awslabs.lab.Symptom;
import io.awslabs.resources.acm.AcmCertificate;
import io.awslabs.resources.route53.HostedZone;
import io.awslabs.resources.route53.RecordSets;
import io.awslabs.text.Lang;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import software.amazon.awssdk.services.acm.AcmClient;
import software.amazon.awssdk.services.acm.model.CertificateDetail;
import software.amazon.awssdk.services.acm.model.CertificateStatus;
import software.amazon.awssdk.services.acm.model.DescribeCertificateResponse;
import software.amazon.awssdk.services.acm.model.DomainStatus;
import software.amazon.awssdk.services.acm.model.DomainValidation;
import software.amazon.awssdk.services.acm.model.ValidationMethod;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.RRType;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;

/**
 * The learner does what DNS validation asks: publishes the CNAME records ACM gives for each name
 * of a requested certificate into the domain's hosted zone, so that ACM can issue (and later renew)
 * it. A second certificate, whose records nobody publishes, is the control that shows the issuance
 * came from the records.
 */
public final class AcmCertificateChallenge implements Challenge {
    static final String ZONE = "zone";
    static final String CERTIFICATE = "certificate";
    static final String CONTROL = "control";
    private static final String RECORD = Scaffold.SOLUTION + "cname:";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String labId() {
        return "acm-certificate";
    }

    @Override
    public ChallengeInfo info() {
        return ChallengeInfo.goal("ACM issues this certificate by DNS validation, and can renew it on its own later: "
                        + "the hosted zone holds, for every name of the certificate, the validation record ACM asks for.")
                .creates("on emulators, a Route 53 hosted zone for a made-up domain of the run (on AWS none: the records "
                                + "go into the zone given with --option hosted-zone-id)",
                        "an ACM certificate requested with DNS validation for a name of the run and its www. name, and a "
                                + "control certificate for control.<that name>, both tagged with the run id")
                .resource(ZONE, "the public hosted zone of {0}")
                .resource(CERTIFICATE, "requested for {0} and www.{0}, with DNS validation")
                .resource(CONTROL, "requested for control.{0}: leave its records unpublished")
                .check("validation-records-published",
                        "For every name of the certificate, the hosted zone holds the CNAME ACM asks for, with ACM's value")
                .check("certificate-issued-by-dns-validation",
                        "With those records published the certificate is ISSUED, every name's validation SUCCESS, while the "
                                + "control certificate, whose records nobody published, is still PENDING_VALIDATION")
                .hints("ACM DNS validation: ACM gives one CNAME record per name of the certificate; while it can resolve "
                                + "them it issues, and renews, the certificate.",
                        "ACM DescribeCertificate shows each name's ResourceRecord (Name, Type CNAME, Value); Route 53 "
                                + "ChangeResourceRecordSets with an UPSERT of each writes them into the hosted zone (console: "
                                + "the certificate's 'Create records in Route 53' button).")
                .gap(MOTO, "certificate-issued-by-dns-validation", Symptom.checkFails(CONTROL_CHECK, "ISSUED"),
                        "moto issues every requested certificate MOTO_ACM_VALIDATION_WAIT seconds after the request, without "
                                + "resolving its CNAME, so the control certificate is issued too and issuance proves nothing",
                        "moto/acm/models.py CertBundle.check: a PENDING_VALIDATION certificate older than "
                                + "settings.ACM_VALIDATION_WAIT becomes ISSUED (moto 5.2.5)")
                .gap(LOCALSTACK, "certificate-issued-by-dns-validation", Symptom.checkFails(CONTROL_CHECK, "ISSUED"),
                        "LocalStack's ACM is moto's: every requested certificate is issued after MOTO_ACM_VALIDATION_WAIT "
                                + "seconds without resolving its CNAME, the control certificate too",
                        "localstack/services/acm/provider.py passes RequestCertificate and DescribeCertificate to moto, whose "
                                + "moto/acm/models.py CertBundle.check issues on a timer (localstack-core 4.14.0, moto-ext 5.1.24)");
    }

    static final String CONTROL_CHECK = AcmCertificateLab.CONTROL_CHECK;

    @Override
    public void scaffold(LabContext ctx, Scaffold.Builder scaffold) throws Exception {
        AcmClient acm = ctx.client(AcmClient.class);
        ValidationZone zone = ValidationZone.choose(ctx).orElseThrow(() -> new IllegalStateException(
                ValidationZone.needsOptions(ctx).in(Lang.EN)));
        String domain = zone.certificateDomain();
        String certificate = request(ctx, acm, domain, List.of("www." + domain), ctx.runId());
        String control = request(ctx, acm, "control." + domain, List.of(), ctx.runId() + "control");
        scaffold.item(ZONE, HostedZone.KIND.type(), zone.hostedZoneId(), null, domain)
                .item(CERTIFICATE, AcmCertificate.KIND.type(), certificate, certificate, domain)
                .item(CONTROL, AcmCertificate.KIND.type(), control, control, domain)
                .value("domain", domain);
        for (DomainValidation option : validationOptions(ctx, acm, certificate, 2)) {
            scaffold.value(RECORD + option.resourceRecord().name(), option.resourceRecord().value());
        }
    }

    private static String request(LabContext ctx, AcmClient acm, String domain, List<String> alternatives, String token)
            throws Exception {
        return ctx.create(AcmCertificate.KIND, () -> acm.requestCertificate(r -> {
            r.domainName(domain).validationMethod(ValidationMethod.DNS).idempotencyToken(token)
                    .tags(AcmCertificateLab.acmTags(ctx));
            if (!alternatives.isEmpty()) {
                r.subjectAlternativeNames(alternatives);
            }
        }).certificateArn());
    }

    /** The validation options once ACM shows a record for every name, which takes a few seconds after the request. */
    private static List<DomainValidation> validationOptions(LabContext ctx, AcmClient acm, String arn, int names)
            throws Exception {
        Duration limit = ctx.target().changesPropagate() ? Duration.ofSeconds(60) : Duration.ofSeconds(10);
        DescribeCertificateResponse described = ctx.waits().until(ctx.words("wait.validationRecords"), limit,
                Duration.ofMillis(500), () -> AcmCertificateLab.describeIfVisible(acm, arn),
                d -> d != null && d.certificate().domainValidationOptions().size() >= names
                        && AcmCertificateLab.everyNameHasARecord(d.certificate(), Set.of()),
                d -> d == null ? "not visible yet" : d.certificate().domainValidationOptions().size() + " names");
        if (described == null) {
            throw new IllegalStateException("ACM did not show certificate " + arn + " within " + limit.toSeconds() + " s");
        }
        return described.certificate().domainValidationOptions();
    }

    @Override
    public void check(LabContext ctx, Scaffold scaffold, ChallengeChecks check) throws Exception {
        AcmClient acm = ctx.client(AcmClient.class);
        Route53Client route53 = ctx.client(Route53Client.class);
        String zoneId = scaffold.id(ZONE);
        List<DomainValidation> options = validationOptions(ctx, acm, scaffold.id(CERTIFICATE), 2);

        check.that("validation-records-published", p -> requirePublished(ctx, p, route53, zoneId, options));

        check.that("certificate-issued-by-dns-validation", p -> {
            requirePublished(ctx, p, route53, zoneId, options);
            Duration limit = ctx.target().changesPropagate() ? Duration.ofMinutes(5) : Duration.ofSeconds(30);
            CertificateDetail cert = ctx.waits().until(ctx.words("wait.issued"), limit, Duration.ofSeconds(1),
                    () -> acm.describeCertificate(r -> r.certificateArn(scaffold.id(CERTIFICATE))).certificate(),
                    c -> c.status() != CertificateStatus.PENDING_VALIDATION, CertificateDetail::statusAsString);
            p.evidence("issuedAt", cert.issuedAt());
            p.equal("Status", CertificateStatus.ISSUED, cert.status(), cert.status() == CertificateStatus.PENDING_VALIDATION
                    ? ctx.words("fail.namesNotValidatedYet", limit.toSeconds())
                    : ctx.words("fail.certificateNotIssued", cert.statusAsString()));
            for (DomainValidation option : cert.domainValidationOptions()) {
                p.equal(option.domainName() + " ValidationStatus", DomainStatus.SUCCESS, option.validationStatus(),
                        ctx.words("fail.nameNotValidated", option.domainName(), option.validationStatusAsString()));
            }
            CertificateDetail control = acm.describeCertificate(r -> r.certificateArn(scaffold.id(CONTROL))).certificate();
            p.equal(CONTROL_CHECK, CertificateStatus.PENDING_VALIDATION, control.status(),
                    ctx.words("fail.controlNotPending", control.statusAsString()));
        });
    }

    private static void requirePublished(LabContext ctx, CheckProof p, Route53Client route53, String zoneId,
                                         List<DomainValidation> options) {
        Set<String> names = new TreeSet<>();
        for (DomainValidation option : options) {
            String name = option.resourceRecord().name();
            String value = option.resourceRecord().value();
            if (!names.add(name)) {
                continue;
            }
            Optional<ResourceRecordSet> found = RecordSets.find(route53, zoneId, name);
            p.evidence("asked[" + option.domainName() + "]", name + " CNAME " + value);
            p.isTrue(name + " is in the zone", found.isPresent(), found.map(ResourceRecordSet::name).orElse("absent"),
                    ctx.words("fail.validationRecordMissing", zoneId, name, option.domainName()));
            p.equal(name + " type", RRType.CNAME, found.get().type(),
                    ctx.words("fail.validationRecordNotCname", name, found.get().typeAsString()));
            List<String> values = found.get().resourceRecords().stream()
                    .map(software.amazon.awssdk.services.route53.model.ResourceRecord::value).toList();
            p.equal(name + " value", List.of(value), values,
                    ctx.words("fail.validationRecordOtherValue", name, values, value));
        }
    }

    /** The lab's own step: UPSERT of the validation CNAMEs through its record-sets kind. */
    @Override
    public void solve(LabContext ctx, Scaffold scaffold) throws Exception {
        RecordSets.upsert(ctx, scaffold.id(ZONE), "ACM DNS validation", records(scaffold));
    }

    @Override
    public List<String> commands(Scaffold scaffold) {
        ObjectNode batch = JSON.createObjectNode().put("Comment", "ACM DNS validation");
        ArrayNode changes = batch.putArray("Changes");
        for (RecordSets.Cname record : records(scaffold)) {
            ObjectNode set = changes.addObject().put("Action", "UPSERT").putObject("ResourceRecordSet")
                    .put("Name", record.name()).put("Type", "CNAME").put("TTL", RecordSets.TTL_SECONDS);
            set.putArray("ResourceRecords").addObject().put("Value", record.value());
        }
        return List.of("aws route53 change-resource-record-sets --hosted-zone-id " + scaffold.id(ZONE)
                + " --change-batch '" + batch + "'");
    }

    private static List<RecordSets.Cname> records(Scaffold scaffold) {
        List<RecordSets.Cname> records = new ArrayList<>();
        for (Map.Entry<String, String> value : scaffold.values().entrySet()) {
            if (value.getKey().startsWith(RECORD)) {
                records.add(new RecordSets.Cname(value.getKey().substring(RECORD.length()), value.getValue()));
            }
        }
        return records;
    }
}
