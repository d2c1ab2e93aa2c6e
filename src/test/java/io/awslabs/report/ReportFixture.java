package io.awslabs.report;

import io.awslabs.text.Lang;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One run with every shape a report can take, the fixture every format is rendered from: a lab
 * with a PASS, a FAIL, a SKIPPED and an ERROR and a resource teardown could not delete, and a
 * lab the target could not run. Secrets are planted where a careless writer would leak them
 * (evidence, reasons, notes, step outcomes, teardown messages), with markup that must be escaped.
 */
public final class ReportFixture {
    public static final String RUN_ID = "fx7k2m9q";
    public static final String LAB = "s3-presigned-upload";
    public static final String SKIPPED_LAB = "cloudfront-oac";

    static final String SIGNATURE = "0b4f7c6a1f0e2d3c4b5a69788776655443322110ffeeddccbbaa998877665544";
    static final String ACCESS_KEY = "AKIAIOSFODNN7EXAMPLE";
    static final String PEM_BODY = "MIIEowIBAAKCAQEAv6Zq3ExampleOnlyNotARealKey0123456789";
    static final String PRESIGNED_URL = "http://127.0.0.1:5000/labs-bucket/receipt.jpg?X-Amz-Algorithm=AWS4-HMAC-SHA256"
            + "&X-Amz-Credential=" + ACCESS_KEY + "%2F20261122%2Fus-east-1%2Fs3%2Faws4_request"
            + "&X-Amz-Expires=60&X-Amz-SignedHeaders=host&X-Amz-Signature=" + SIGNATURE;
    static final String PEM = "-----BEGIN RSA PRIVATE KEY-----\n" + PEM_BODY + "\n-----END RSA PRIVATE KEY-----";
    static final String MARKUP = "<script>alert('x')</script> a|b `tick` *stars*";

    /** What must never appear in any rendered format. */
    public static final List<String> SECRETS = List.of(SIGNATURE, ACCESS_KEY, "IOSFODNN7EXAMPLE", PEM_BODY);

    /** The Chinese texts {@link #mixedWithChinese} carries. */
    public static final String TITLE_ZH = "S3 预签名上传";
    public static final String CONCEPT_ZH = "预签名 URL 在有限的时间内携带签名者的权限。";
    public static final String PASS_ZH = "预签名的 PUT URL 不需要凭证就能上传";
    public static final String SKIP_REASON_ZH = "moto 的已知差异：不验证预签名的签名（目标的回答：200）";

    static final Instant T0 = Instant.parse("2026-11-22T07:00:00Z");

    private ReportFixture() { }

    /** The fixture as a run writes it now: the first lab's texts and two assertions with their Chinese. */
    public static RunReport mixedWithChinese() {
        RunReport r = mixed();
        LabReport ran = r.labs().get(0);
        LabReport.LabSummary s = ran.lab();
        LabReport.LabSummary summary = new LabReport.LabSummary(s.id(), s.title(), s.concept(), s.examAngle(),
                s.services(), s.costPerRunUsd(), Map.of("zh", new LabReport.LabSummary.Translation(TITLE_ZH, CONCEPT_ZH,
                        "谁能使用预签名 URL，能用到什么时候？")));
        List<AssertionRecord> assertions = new ArrayList<>();
        for (AssertionRecord a : ran.assertions()) {
            assertions.add(switch (a.id()) {
                case "presigned-put-uploads" -> a.translated(Lang.ZH, new AssertionRecord.Translation(PASS_ZH, null));
                case "signature-checked" -> a.translated(Lang.ZH,
                        new AssertionRecord.Translation("篡改过的签名会被 403 拒绝", SKIP_REASON_ZH));
                default -> a;
            });
        }
        List<LabReport> labs = List.of(new LabReport(summary, ran.status(), ran.skipReason(), ran.startedAt(),
                ran.durationMs(), ran.steps(), assertions, ran.teardown(), ran.notes()), r.labs().get(1));
        return new RunReport(r.schema(), r.schemaVersion(), r.toolVersion(), r.runId(), r.target(), r.startedAt(),
                r.finishedAt(), r.timings(), labs, r.totals());
    }

    public static RunReport mixed() {
        Map<String, String> passEvidence = new LinkedHashMap<>();
        passEvidence.put("s3:PutObject.requestId", "7Q2C1XYZ");
        passEvidence.put("presignedUrl", PRESIGNED_URL);
        passEvidence.put("uploadedBy", "access key " + ACCESS_KEY);
        passEvidence.put("serverKey", PEM);
        passEvidence.put("markup", MARKUP);
        AssertionRecord pass = new AssertionRecord("presigned-put-uploads", "A presigned PUT URL uploads without credentials",
                Status.PASS, "status: 200", "status: 200", null, null, passEvidence,
                List.of(new AssertionRecord.Check("status", "200", "200", true)), 42);
        AssertionRecord fail = new AssertionRecord("expired-url-refused", "A presigned URL is refused after it expires",
                Status.FAIL, "status after expiry: 403", "status after expiry: 200", null, null,
                Map.of("url", PRESIGNED_URL),
                List.of(new AssertionRecord.Check("status before expiry", "200", "200", true),
                        new AssertionRecord.Check("status after expiry", "403", "200", false)), 61_250);
        AssertionRecord skipped = new AssertionRecord("signature-checked", "A tampered signature is refused with 403",
                Status.SKIPPED, null, null, "known moto gap: presigned signatures are not validated (the target answered: "
                        + PRESIGNED_URL + ")", null, Map.of(), List.of(), 15);
        AssertionRecord error = new AssertionRecord("bucket-policy-denies", "A bucket policy Deny wins over the presigned URL",
                Status.ERROR, null, null, "SdkClientException: Unable to execute HTTP request with key " + ACCESS_KEY,
                null, Map.of(), List.of(), 3);
        LabReport ran = new LabReport(
                new LabReport.LabSummary(LAB, "S3 presigned upload", "A presigned URL carries the signer's permissions "
                        + "for a limited time.", "Who can use a presigned URL, and until when?", List.of("s3"), 0.01),
                Status.ERROR, null, T0, 64_000,
                List.of(new StepRecord("provision", T0, 900, "ok"),
                        new StepRecord("verify", T0.plusMillis(900), 62_000, "failed: key " + ACCESS_KEY),
                        new StepRecord("teardown", T0.plusMillis(62_900), 1_100, "ok")),
                List.of(pass, fail, skipped, error),
                List.of(new TeardownRecord("S3 object", "labs-bucket/receipt.jpg", TeardownRecord.Outcome.DELETED, null, 30),
                        new TeardownRecord("S3 bucket", "labs-s3-presigned-upload-" + RUN_ID, TeardownRecord.Outcome.FAILED,
                                "AccessDenied (403) for " + ACCESS_KEY, 80),
                        new TeardownRecord("IAM user", "labs-uploader", TeardownRecord.Outcome.ALREADY_GONE, null, 12)),
                List.of("signed with " + PRESIGNED_URL, "Presigned URLs: docs.aws.amazon.com/AmazonS3/latest/userguide/"
                        + "using-presigned-url.html"));
        LabReport notRun = new LabReport(
                new LabReport.LabSummary(SKIPPED_LAB, "CloudFront origin access control", "OAC signs requests to S3.",
                        "OAC or OAI?", List.of("cloudfront", "s3"), 0.0),
                Status.SKIPPED, "localstack has no CloudFront", T0.plusMillis(64_000), 1, List.of(),
                List.of(new AssertionRecord("oac-signs", "Only CloudFront can read the bucket", Status.SKIPPED, null, null,
                        "localstack has no CloudFront", null, Map.of(), List.of(), 0)),
                List.of(), List.of());
        List<LabReport> labs = List.of(ran, notRun);
        return new RunReport(RunReport.SCHEMA, RunReport.SCHEMA_VERSION, "0.1.0", RUN_ID,
                new RunReport.TargetInfo("moto", "http://127.0.0.1:5000", "us-east-1", "123456789012"),
                T0, T0.plusMillis(64_200), new RunReport.Timings(350, 4_200, 2_900, 31, 60_000, 64_200),
                labs, RunReport.Totals.of(labs));
    }
}
