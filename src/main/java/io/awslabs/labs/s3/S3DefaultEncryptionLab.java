package io.awslabs.labs.s3;

import static io.awslabs.targets.EmulatorKind.LOCALSTACK;
import static io.awslabs.targets.EmulatorKind.MOTO;

import io.awslabs.lab.Checks;
import io.awslabs.lab.ExamDomain;
import io.awslabs.lab.Lab;
import io.awslabs.lab.LabContext;
import io.awslabs.lab.LabInfo;
import io.awslabs.lab.Symptom;
import io.awslabs.resources.kms.KmsKey;
import io.awslabs.resources.s3.S3Bucket;
import io.awslabs.resources.s3.S3BucketPolicy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetBucketEncryptionResponse;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.awssdk.services.s3.model.ServerSideEncryptionByDefault;
import software.amazon.awssdk.services.s3.model.ServerSideEncryptionRule;

/**
 * Proves what S3 default encryption does and does not guarantee: a bucket default applies to
 * uploads that say nothing, an explicit header overrides it, and a bucket policy that requires
 * a header judges the request before any default applies.
 */
public final class S3DefaultEncryptionLab implements Lab {
    private static final String ACCEPTED = "accepted";
    private static final String KMS_DOCUMENT = "invoices/kms-by-default.txt";
    private static final String AES_DOCUMENT = "invoices/aes256-explicit.txt";
    private static final String PLAIN_DOCUMENT = "invoices/no-configuration.txt";
    private static final Duration POLICY_PROPAGATION_LIMIT = Duration.ofSeconds(30);
    private static final Duration POLICY_POLL = Duration.ofSeconds(2);

    private KmsKey.Handle key;
    private String kmsBucket;
    private String plainBucket;
    private String policyBucket;

    @Override
    public LabInfo info() {
        return LabInfo.of("s3-default-encryption", "S3 default encryption, and what it does not enforce")
                .exam(ExamDomain.SECURE, "1.3 Determine appropriate data security controls", 651)
                .concept("Since January 2023 S3 encrypts every new object, with SSE-S3 unless told otherwise. A bucket's "
                        + "default encryption only decides what happens to uploads that name no encryption: an upload "
                        + "with an explicit header keeps its own choice. To require SSE-KMS, a bucket policy must deny "
                        + "the other requests, and it judges the request headers before the default applies, so it "
                        + "also refuses uploads that send no header at all.")
                .examAngle("How do you make sure every object an application uploads is encrypted with your KMS key? "
                        + "Why is 'default encryption is on' not enough, and why does the classic deny-unless-aws:kms "
                        + "policy break clients that rely on the bucket default?")
                .services("s3", "kms")
                .costPerRunUsd(0.01, "one customer managed KMS key at $1/month prorated hourly for under an hour "
                        + "(aws.amazon.com/kms/pricing), about 20 S3 requests and a few KMS data key requests at "
                        + "fractions of a cent, a few hundred bytes stored for minutes (aws.amazon.com/s3/pricing)")
                .provisions(KmsKey.KIND, S3Bucket.KIND, S3BucketPolicy.KIND)
                .calls("kms:Decrypt", "kms:GenerateDataKey", "s3:GetEncryptionConfiguration", "s3:GetObject",
                        "s3:PutEncryptionConfiguration", "s3:PutObject")
                .creates("a symmetric KMS key (tagged with the run id), scheduled for deletion at teardown",
                        "three S3 buckets named after the run id and tagged with it: one with SSE-KMS default encryption, "
                                + "one left unconfigured, one with SSE-KMS default encryption and a deny-unless-aws:kms "
                                + "bucket policy; teardown deletes every object version, then each bucket")
                .asserts("default-encryption-is-sse-kms",
                        "PutBucketEncryption with SSE-KMS, the lab's KMS key and BucketKeyEnabled; GetBucketEncryption "
                                + "then returns exactly one rule with aws:kms, that key's ARN and the bucket key enabled")
                .asserts("headerless-upload-uses-lab-key",
                        "A PutObject with no encryption headers is stored with aws:kms, the lab key's ARN and the "
                                + "bucket key enabled (HeadObject)")
                .asserts("authorised-read-is-transparent",
                        "GetObject by an authorised caller returns the same bytes, without naming a key: S3 and KMS "
                                + "decrypt on the reader's behalf")
                .asserts("explicit-aes256-overrides-default",
                        "A PutObject with x-amz-server-side-encryption: AES256 is stored with SSE-S3 and no KMS key, "
                                + "despite the bucket's SSE-KMS default")
                .asserts("unconfigured-bucket-uses-sse-s3",
                        "A new bucket with no encryption configuration still encrypts a header-less upload with "
                                + "SSE-S3 (AES256), as S3 does for every new object since January 2023")
                .asserts("policy-judges-request-not-default",
                        "With a bucket policy denying s3:PutObject unless s3:x-amz-server-side-encryption is aws:kms, "
                                + "an upload with aws:kms and the lab key is accepted, while an AES256 upload and a "
                                + "header-less upload are both refused with 403 AccessDenied, although the bucket default "
                                + "would have applied SSE-KMS to the latter")
                .note("S3 applies SSE-S3 to every new object upload since January 5, 2023 "
                        + "(docs.aws.amazon.com/AmazonS3/latest/userguide/UsingServerSideEncryption.html).")
                .note("Default encryption applies only to uploads that specify no encryption; an AES256 header keeps SSE-S3 "
                        + "on an SSE-KMS bucket, and requiring SSE-KMS takes a bucket policy "
                        + "(repost.aws/knowledge-center/s3-aws-kms-default-encryption).")
                .note("A condition key absent from the request makes a negated operator such as StringNotEquals true, so "
                        + "the deny-unless-aws:kms statement also denies header-less uploads "
                        + "(docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html).")
                .note("Bucket configuration is eventually consistent: just after PutBucketEncryption an upload may still "
                        + "get the previous default, so on AWS the header-less upload is repeated for up to 30 s until the "
                        + "new default applies (docs.aws.amazon.com/AmazonS3/latest/userguide/Welcome.html#ConsistencyModel).")
                .note("S3 Bucket Keys cut KMS requests by using a bucket-level key to create data keys "
                        + "(docs.aws.amazon.com/AmazonS3/latest/userguide/bucket-key.html).")
                .source("https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucket-encryption.html")
                .source("https://docs.aws.amazon.com/AmazonS3/latest/userguide/UsingServerSideEncryption.html")
                .source("https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucket-key.html")
                .source("https://repost.aws/knowledge-center/s3-aws-kms-default-encryption")
                .source("https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html")
                .gap(MOTO, "unconfigured-bucket-uses-sse-s3", Symptom.checkFails("ServerSideEncryption", "null"),
                        "moto stores uploads to a bucket without encryption configuration unencrypted (no "
                                + "x-amz-server-side-encryption); AWS applies SSE-S3 to every new object since January 2023",
                        "moto/s3/models.py (moto 5.2.5): FakeBucket.__init__ sets self.encryption = None; "
                                + "S3Backend.put_object copies a bucket default only under 'if bucket.encryption:'; "
                                + "FakeKey.response_dict sends x-amz-server-side-encryption only when the key's encryption is set")
                .gap(MOTO, "policy-judges-request-not-default",
                        Symptom.checkFails("upload with aws:kms and the lab key", "refused: 403"),
                        "moto judges bucket policies on object requests without any request context, so every Condition "
                                + "counts as satisfied: the deny-unless-aws:kms statement refuses every PutObject with a bare "
                                + "403, the aws:kms upload included",
                        "moto 5.2.5: s3/responses.py _key_response calls bucket.get_permission(action, resource) and returns "
                                + "403 with an empty body when DENIED; s3/models.py FakeBucket.get_permission passes no condition "
                                + "values to IAMPolicy.is_action_permitted; iam/policy_conditions.py TrustCondition.verify_condition "
                                + "returns True for any operator but StringEquals and for an empty list of request values")
                .gap(LOCALSTACK, "policy-judges-request-not-default", Symptom.checkFails("upload with AES256", "accepted"),
                        "LocalStack community stores bucket policies but never evaluates them: every upload under the "
                                + "deny-unless-aws:kms policy is accepted, AES256 and header-less ones included",
                        "localstack/services/s3/provider.py put_bucket_policy only validates the JSON and keeps it as "
                                + "s3_bucket.policy, which nothing but get_bucket_policy reads; policy enforcement "
                                + "(ENFORCE_IAM) is not in the community edition (localstack-core 4.14.0)");
    }

    @Override
    public void provision(LabContext ctx) throws Exception {
        key = KmsKey.create(ctx, "s3-default");
        kmsBucket = S3Bucket.create(ctx, "kms");
        plainBucket = S3Bucket.create(ctx, "plain");
        policyBucket = S3Bucket.create(ctx, "policy");
    }

    @Override
    public void verify(LabContext ctx, Checks check) {
        S3Client s3 = ctx.client(S3Client.class);
        byte[] document = ("invoice for run " + ctx.runId() + ": 42.00 EUR").getBytes(StandardCharsets.UTF_8);

        check.that("default-encryption-is-sse-kms", p -> {
            p.call("s3:PutBucketEncryption", s3.putBucketEncryption(r -> r.bucket(kmsBucket)
                    .serverSideEncryptionConfiguration(c -> c.rules(kmsDefaultRule(key.arn())))));
            GetBucketEncryptionResponse got = s3.getBucketEncryption(r -> r.bucket(kmsBucket));
            p.call("s3:GetBucketEncryption", got).evidence("bucket", kmsBucket);
            List<ServerSideEncryptionRule> rules = got.serverSideEncryptionConfiguration().rules();
            p.evidence("rules", rules);
            p.equal("number of rules", 1, rules.size());
            ServerSideEncryptionByDefault applied = rules.get(0).applyServerSideEncryptionByDefault();
            p.equal("SSEAlgorithm", ServerSideEncryption.AWS_KMS, applied.sseAlgorithm());
            p.equal("KMSMasterKeyID", key.arn(), applied.kmsMasterKeyID());
            p.equal("BucketKeyEnabled", true, rules.get(0).bucketKeyEnabled());
        });

        check.that("headerless-upload-uses-lab-key", p -> {
            HeaderlessUpload.Stored stored = HeaderlessUpload.untilDefaultApplies(ctx.waits(), ServerSideEncryption.AWS_KMS,
                    () -> {
                        PutObjectResponse put = s3.putObject(r -> r.bucket(kmsBucket).key(KMS_DOCUMENT)
                                .contentType("text/plain"), RequestBody.fromBytes(document));
                        p.call("s3:PutObject(no encryption headers)", put);
                        return s3.headObject(r -> r.bucket(kmsBucket).key(KMS_DOCUMENT));
                    });
            HeadObjectResponse head = stored.head();
            p.call("s3:HeadObject", head).evidence("object", kmsBucket + "/" + KMS_DOCUMENT)
                    .evidence("header-less upload attempts", stored.attempts());
            p.equal("ServerSideEncryption", ServerSideEncryption.AWS_KMS, head.serverSideEncryption());
            p.equal("SSEKMSKeyId", key.arn(), head.ssekmsKeyId());
            p.equal("BucketKeyEnabled", true, head.bucketKeyEnabled());
        });

        check.that("authorised-read-is-transparent", p -> {
            ResponseBytes<GetObjectResponse> got = s3.getObjectAsBytes(r -> r.bucket(kmsBucket).key(KMS_DOCUMENT));
            p.call("s3:GetObject(no key named)", got.response())
                    .evidence("ServerSideEncryption", got.response().serverSideEncryption())
                    .evidence("bytesRead", got.asByteArray().length);
            p.equal("object read was KMS-encrypted", ServerSideEncryption.AWS_KMS, got.response().serverSideEncryption());
            p.equal("bytes read equal the bytes written", true, Arrays.equals(document, got.asByteArray()));
        });

        check.that("explicit-aes256-overrides-default", p -> {
            p.call("s3:PutObject(AES256)", s3.putObject(r -> r.bucket(kmsBucket).key(AES_DOCUMENT)
                    .serverSideEncryption(ServerSideEncryption.AES256), RequestBody.fromBytes(document)));
            HeadObjectResponse head = s3.headObject(r -> r.bucket(kmsBucket).key(AES_DOCUMENT));
            p.call("s3:HeadObject", head).evidence("object", kmsBucket + "/" + AES_DOCUMENT);
            p.equal("ServerSideEncryption", ServerSideEncryption.AES256, head.serverSideEncryption());
            p.equal("SSEKMSKeyId", null, head.ssekmsKeyId());
        });

        check.that("unconfigured-bucket-uses-sse-s3", p -> {
            PutObjectResponse put = s3.putObject(r -> r.bucket(plainBucket).key(PLAIN_DOCUMENT),
                    RequestBody.fromBytes(document));
            p.call("s3:PutObject(no encryption headers)", put)
                    .evidence("PutObject.ServerSideEncryption", put.serverSideEncryption());
            HeadObjectResponse head = s3.headObject(r -> r.bucket(plainBucket).key(PLAIN_DOCUMENT));
            p.call("s3:HeadObject", head).evidence("object", plainBucket + "/" + PLAIN_DOCUMENT);
            p.equal("ServerSideEncryption", ServerSideEncryption.AES256, head.serverSideEncryption());
        });

        check.that("policy-judges-request-not-default", p -> {
            p.call("s3:PutBucketEncryption", s3.putBucketEncryption(r -> r.bucket(policyBucket)
                    .serverSideEncryptionConfiguration(c -> c.rules(kmsDefaultRule(key.arn())))));
            String policy = denyUnlessKmsPolicy(policyBucket);
            S3BucketPolicy.put(ctx, policyBucket, policy);
            p.evidence("bucketPolicy", policy);

            // Bucket configuration is eventually consistent on AWS: the first uploads after
            // PutBucketPolicy may still be judged without it.
            AtomicInteger attempts = new AtomicInteger();
            String aes256 = ctx.waits().afterChange(ctx.words("wait.policyInForce"), POLICY_PROPAGATION_LIMIT,
                    POLICY_POLL, () -> {
                        attempts.incrementAndGet();
                        return upload(s3, policyBucket, "aes256.txt", document,
                                b -> b.serverSideEncryption(ServerSideEncryption.AES256));
                    }, outcome -> !ACCEPTED.equals(outcome), outcome -> outcome);
            p.evidence("AES256 upload attempts", attempts.get());
            String kms = upload(s3, policyBucket, "kms.txt", document,
                    b -> b.serverSideEncryption(ServerSideEncryption.AWS_KMS).ssekmsKeyId(key.arn()));
            String headerless = upload(s3, policyBucket, "no-header.txt", document, b -> { });
            p.evidence("PutObject(aws:kms, lab key)", kms)
                    .evidence("PutObject(AES256)", aes256)
                    .evidence("PutObject(no encryption header)", headerless);

            // The accepted aws:kms upload is what makes the two refusals mean something: a policy
            // (or an emulator) that refuses everything would refuse those as well.
            p.equal("upload with aws:kms and the lab key", ACCEPTED, kms);
            p.equal("upload with AES256", "refused: 403 AccessDenied", aes256);
            p.equal("upload with no encryption header, on a bucket whose default is SSE-KMS", "refused: 403 AccessDenied",
                    headerless);
        });
    }

    /** SSE-KMS with this key and an S3 Bucket Key: the default rule of the lab, and of its challenge's solution. */
    static ServerSideEncryptionRule kmsDefaultRule(String keyArn) {
        return ServerSideEncryptionRule.builder()
                .applyServerSideEncryptionByDefault(d -> d.sseAlgorithm(ServerSideEncryption.AWS_KMS).kmsMasterKeyID(keyArn))
                .bucketKeyEnabled(true)
                .build();
    }

    /** The classic pre-2023 policy that requires SSE-KMS on every upload. */
    private String denyUnlessKmsPolicy(String bucket) {
        String partition = key.arn().split(":")[1];
        return """
                {"Version":"2012-10-17","Statement":[{"Sid":"DenyUnlessSseKms","Effect":"Deny","Principal":"*",\
                "Action":"s3:PutObject","Resource":"arn:%s:s3:::%s/*",\
                "Condition":{"StringNotEquals":{"s3:x-amz-server-side-encryption":"aws:kms"}}}]}"""
                .formatted(partition, bucket);
    }

    /** "accepted", or "refused: <status> <code>": the outcome an assertion compares. */
    private static String upload(S3Client s3, String bucket, String objectKey, byte[] body,
                                 Consumer<PutObjectRequest.Builder> encryption) {
        try {
            s3.putObject(r -> encryption.accept(r.bucket(bucket).key(objectKey)), RequestBody.fromBytes(body));
            return ACCEPTED;
        } catch (S3Exception e) {
            String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
            return "refused: " + e.statusCode() + " " + (code == null ? "-" : code);
        }
    }
}
