package io.awslabs.labs.s3;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.awslabs.lab.Challenge;
import io.awslabs.lab.ChallengeChecks;
import io.awslabs.lab.ChallengeInfo;
import io.awslabs.lab.LabContext;
import io.awslabs.lab.Scaffold;
import io.awslabs.resources.Ids;
import io.awslabs.resources.kms.KmsKey;
import io.awslabs.resources.s3.S3Bucket;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.awssdk.services.s3.model.ServerSideEncryptionRule;

/**
 * The learner makes a bucket encrypt every upload that names no encryption with one KMS key and
 * an S3 Bucket Key. The checks upload a probe without encryption headers, as an application
 * would, and read back how S3 stored it.
 */
public final class S3DefaultEncryptionChallenge implements Challenge {
    static final String BUCKET = "bucket";
    static final String KEY = "key";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String labId() {
        return "s3-default-encryption";
    }

    @Override
    public ChallengeInfo info() {
        return ChallengeInfo.goal("Every object an application uploads to this bucket without an encryption header is "
                        + "encrypted with this KMS key, using an S3 Bucket Key.")
                .creates("a symmetric KMS key (tagged with the run id), scheduled for deletion at 'labs stop'",
                        "an S3 bucket named after the run id, with no default encryption configured")
                .resource(KEY, "the KMS key every upload must be encrypted with")
                .resource(BUCKET, "the bucket applications upload invoices to; no default encryption yet")
                .check("headerless-upload-uses-sse-kms",
                        "An upload that names no encryption is stored encrypted with SSE-KMS")
                .check("headerless-upload-uses-this-key",
                        "An upload that names no encryption is encrypted under this challenge's KMS key")
                .check("headerless-upload-uses-bucket-key",
                        "An upload that names no encryption uses an S3 Bucket Key, so S3 asks KMS for a data key per "
                                + "bucket, not per object")
                .hints("S3 default encryption: a setting of the bucket that decides how S3 encrypts an upload that "
                                + "names no encryption itself.",
                        "The S3 API call PutBucketEncryption (console: the bucket's Properties tab, 'Default encryption'): "
                                + "one rule with SSE-KMS (aws:kms), this KMS key, and the Bucket Key enabled.");
    }

    @Override
    public void scaffold(LabContext ctx, Scaffold.Builder scaffold) throws Exception {
        KmsKey.Handle key = KmsKey.create(ctx, "s3-default");
        scaffold.item(KEY, KmsKey.KIND.type(), key.id(), key.arn());
        String bucket = S3Bucket.create(ctx, "invoices");
        scaffold.item(BUCKET, S3Bucket.KIND.type(), bucket, "arn:" + key.arn().split(":")[1] + ":s3:::" + bucket);
    }

    @Override
    public void check(LabContext ctx, Scaffold scaffold, ChallengeChecks check) throws Exception {
        S3Client s3 = ctx.client(S3Client.class);
        String bucket = scaffold.id(BUCKET);
        String keyArn = scaffold.arn(KEY);
        // what an application does: an upload that says nothing about encryption
        ProbeObject probe = ctx.closeAtTeardown("probe object", () -> {
            String objectKey = "labs-check-probe/" + ctx.runId() + "-" + System.nanoTime() + ".txt";
            s3.putObject(r -> r.bucket(bucket).key(objectKey), RequestBody.fromString("invoice 42.00 EUR"));
            return new ProbeObject(s3, bucket, objectKey);
        });
        HeadObjectResponse head = s3.headObject(r -> r.bucket(bucket).key(probe.key()));
        ServerSideEncryption sse = head.serverSideEncryption();
        String keyId = head.ssekmsKeyId();

        check.that("headerless-upload-uses-sse-kms", p -> {
            p.call("s3:HeadObject", head).evidence("probe", probe);
            p.equal("ServerSideEncryption", ServerSideEncryption.AWS_KMS, sse, sse == null
                    ? ctx.words("fail.storedUnencrypted") : ctx.words("fail.storedWithOther", describe(sse)));
        });
        check.that("headerless-upload-uses-this-key", p -> {
            p.call("s3:HeadObject", head).evidence("SSEKMSKeyId", keyId).evidence("challengeKey", keyArn);
            p.isTrue("SSEKMSKeyId names this challenge's key", keyId != null
                            && Ids.lastSegment(keyId).equals(Ids.lastSegment(keyArn)), keyId,
                    keyId == null ? ctx.words("fail.underNoKey", keyArn) : ctx.words("fail.underAnotherKey", keyId, keyArn));
        });
        check.that("headerless-upload-uses-bucket-key", p -> {
            p.call("s3:HeadObject", head).evidence("BucketKeyEnabled", head.bucketKeyEnabled());
            p.equal("BucketKeyEnabled", true, head.bucketKeyEnabled(), ctx.words("fail.noBucketKey"));
        });
    }

    private static String describe(ServerSideEncryption sse) {
        return sse == ServerSideEncryption.AES256 ? "SSE-S3 (AES256)" : Objects.toString(sse);
    }

    /** The lab's own default rule, put on the challenge's bucket. */
    @Override
    public void solve(LabContext ctx, Scaffold scaffold) {
        ctx.client(S3Client.class).putBucketEncryption(r -> r.bucket(scaffold.id(BUCKET))
                .serverSideEncryptionConfiguration(c -> c.rules(rule(scaffold))));
    }

    @Override
    public List<String> commands(Scaffold scaffold) {
        ServerSideEncryptionRule rule = rule(scaffold);
        ObjectNode config = JSON.createObjectNode();
        ObjectNode r = config.putArray("Rules").addObject();
        r.putObject("ApplyServerSideEncryptionByDefault")
                .put("SSEAlgorithm", rule.applyServerSideEncryptionByDefault().sseAlgorithmAsString())
                .put("KMSMasterKeyID", rule.applyServerSideEncryptionByDefault().kmsMasterKeyID());
        r.put("BucketKeyEnabled", rule.bucketKeyEnabled());
        return List.of("aws s3api put-bucket-encryption --bucket " + scaffold.id(BUCKET)
                + " --server-side-encryption-configuration '" + config + "'");
    }

    private static ServerSideEncryptionRule rule(Scaffold scaffold) {
        return S3DefaultEncryptionLab.kmsDefaultRule(scaffold.arn(KEY));
    }
}
