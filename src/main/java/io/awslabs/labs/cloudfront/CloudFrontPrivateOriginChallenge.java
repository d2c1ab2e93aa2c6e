package io.awslabs.labs.cloudfront;

import static io.awslabs.targets.EmulatorKind.MOTO;

import io.awslabs.lab.Challenge;
import io.awslabs.lab.ChallengeChecks;
import io.awslabs.lab.ChallengeInfo;
import io.awslabs.lab.CheckProof;
import io.awslabs.lab.LabContext;
import io.awslabs.lab.LabWords;
import io.awslabs.lab.Scaffold;
import io.awslabs.lab.Symptom;
import io.awslabs.resources.Gone;
import io.awslabs.resources.cloudfront.Distribution;
import io.awslabs.resources.cloudfront.OriginAccessControl;
import io.awslabs.resources.s3.S3Bucket;
import io.awslabs.resources.s3.S3BucketPolicy;
import io.awslabs.targets.Target;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.cloudfront.model.Origin;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetBucketPolicyResponse;
import software.amazon.awssdk.services.s3.model.GetBucketPolicyStatusResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The learner writes the bucket policy of question 182: a private bucket behind a CloudFront
 * distribution with an origin access control, readable by CloudFront for that one distribution and
 * by nobody else. The scaffold is the lab's OAC variant without its policy.
 */
public final class CloudFrontPrivateOriginChallenge implements Challenge {
    static final String BUCKET = "bucket";
    static final String DISTRIBUTION = "distribution";
    static final String OAC = "oac";

    @Override
    public String labId() {
        return CloudFrontPrivateOriginLab.ID;
    }

    @Override
    public ChallengeInfo info() {
        return ChallengeInfo.goal("The confidential documents in this bucket can be read through this CloudFront "
                        + "distribution, which signs its requests with the origin access control, and by no one else: "
                        + "not by other distributions, not straight from S3.")
                .creates("a private S3 bucket (all four Block Public Access settings on, tagged with the run id) holding "
                                + CloudFrontPrivateOriginLab.INDEX + ", with no bucket policy",
                        "an origin access control (SigV4, always sign) and a distribution whose S3 origin uses it "
                                + "(disabled, deployed and deleted at 'labs stop', which takes minutes on AWS)")
                .resource(BUCKET, "the private origin holding {0}; it has no bucket policy yet")
                .resource(DISTRIBUTION, "serves the bucket at {0} through the origin access control")
                .resource(OAC, "signs the distribution's requests to S3 (SigV4, always)")
                .check("cloudfront-can-read",
                        "The bucket policy allows the CloudFront service principal to read the bucket's objects")
                .check("only-this-distribution",
                        "The CloudFront statement is limited to this distribution by an AWS:SourceArn condition")
                .check("no-one-else-can-read",
                        "The bucket policy grants no one else: no * principal, S3 rates it not public, and an anonymous "
                                + "GET straight from S3 is refused")
                .hints("A bucket policy for origin access control: CloudFront reads the origin as the service principal "
                                + "cloudfront.amazonaws.com, and a condition on AWS:SourceArn names the distribution.",
                        "The S3 API call PutBucketPolicy (console: the bucket's Permissions tab, 'Bucket policy'; "
                                + "CloudFront's console offers 'Copy policy' on the origin): Allow s3:GetObject on "
                                + "arn:aws:s3:::<bucket>/* to Service cloudfront.amazonaws.com, with Condition StringEquals "
                                + "AWS:SourceArn the distribution's ARN.")
                .gap(MOTO, "no-one-else-can-read", Symptom.checkFails("HTTP status of the anonymous GET", "200"),
                        "moto lets an anonymous GET through a bucket-policy Allow granted to a specific principal (here the "
                                + "CloudFront service principal), so the private object is served; AWS answers 403",
                        "moto/iam/access_control.py IAMPolicyStatement.is_action_permitted: is_unknown_principal() is False "
                                + "for a map Principal such as {\"Service\": ...} and _check_principal() runs only when the "
                                + "request has a principal, which an anonymous request lacks (moto 5.2.5)");
    }

    @Override
    public void scaffold(LabContext ctx, Scaffold.Builder scaffold) throws Exception {
        CloudFrontClient cloudFront = ctx.client(CloudFrontClient.class);
        OriginBucket bucket = OriginBucket.create(ctx, CloudFrontPrivateOriginLab.INDEX,
                "<!doctype html><title>Confidential</title><p>Confidential document of run " + ctx.runId() + "</p>");
        // the learner's policy goes after the distribution that relies on it: teardown removes it first
        S3BucketPolicy.reserve(ctx, bucket.name());
        String oacId = CloudFrontPrivateOriginLab.createOac(ctx, cloudFront);
        CloudFrontPrivateOriginLab.LabDistribution distribution = CloudFrontPrivateOriginLab.createDistribution(ctx,
                cloudFront, "oac", Origin.builder().id(CloudFrontPrivateOriginLab.ORIGIN_ID)
                        .domainName(bucket.regionalDomainName()).s3OriginConfig(s -> s.originAccessIdentity(""))
                        .originAccessControlId(oacId).build());
        scaffold.item(BUCKET, S3Bucket.KIND.type(), bucket.name(), "arn:aws:s3:::" + bucket.name(), bucket.key())
                .item(DISTRIBUTION, Distribution.KIND.type(), distribution.id(), distribution.arn(), distribution.domainName())
                .item(OAC, OriginAccessControl.KIND.type(), oacId, null)
                .value("objectKey", bucket.key());
    }

    @Override
    public void check(LabContext ctx, Scaffold scaffold, ChallengeChecks check) throws Exception {
        S3Client s3 = ctx.client(S3Client.class);
        String bucket = scaffold.id(BUCKET);
        String objects = "arn:aws:s3:::" + bucket + "/*";
        Optional<GetBucketPolicyResponse> policy = policyOf(s3, bucket);

        check.that("cloudfront-can-read", p -> {
            BucketPolicyDocument document = requirePolicy(p, policy, bucket);
            p.isTrue("a statement allows " + BucketPolicyDocument.CLOUDFRONT_SERVICE + " s3:GetObject on " + objects,
                    document.allowsRead(BucketPolicyDocument.CLOUDFRONT_SERVICE, objects), document.principals(),
                    ctx.words("fail.cloudFrontMayNotRead", BucketPolicyDocument.CLOUDFRONT_SERVICE, objects));
        });

        check.that("only-this-distribution", p -> {
            BucketPolicyDocument document = requirePolicy(p, policy, bucket);
            List<String> sourceArns = document.sourceArnsRequiredOf(BucketPolicyDocument.CLOUDFRONT_SERVICE);
            String distributionArn = scaffold.arn(DISTRIBUTION);
            p.equal("AWS:SourceArn required of " + BucketPolicyDocument.CLOUDFRONT_SERVICE, List.of(distributionArn),
                    sourceArns, sourceArns.isEmpty()
                            ? ctx.words("fail.noSourceArnCondition")
                            : ctx.words("fail.otherSourceArn", sourceArns, distributionArn));
        });

        check.that("no-one-else-can-read", p -> {
            BucketPolicyDocument document = requirePolicy(p, policy, bucket);
            p.isTrue("no statement names the * principal", !document.namesWildcardPrincipal(), document.principals(),
                    ctx.words("fail.wildcardPrincipal"));
            GetBucketPolicyStatusResponse status = s3.getBucketPolicyStatus(r -> r.bucket(bucket));
            p.call("s3:GetBucketPolicyStatus", status);
            p.equal("PolicyStatus.IsPublic (S3's own verdict)", false, status.policyStatus().isPublic(),
                    ctx.words("fail.policyIsPublic"));
            URI url = directUrl(ctx.target(), bucket, scaffold.value("objectKey"));
            AnonymousHttp.Answer answer = AnonymousHttp.get(url);
            p.evidence("anonymousGet.url", url);
            p.equal("HTTP status of the anonymous GET", 403, answer.status(),
                    ctx.words("fail.anonymousGetReads", answer.status()));
        });
    }

    private static BucketPolicyDocument requirePolicy(CheckProof p, Optional<GetBucketPolicyResponse> policy, String bucket)
            throws Exception {
        p.isTrue("the bucket has a policy", policy.isPresent(), policy.isPresent() ? "a policy" : "NoSuchBucketPolicy",
                LabWords.of(CloudFrontPrivateOriginChallenge.class, "fail.noBucketPolicy", bucket));
        p.call("s3:GetBucketPolicy", policy.get()).evidence("policy", policy.get().policy());
        return BucketPolicyDocument.parse(policy.get().policy());
    }

    private static Optional<GetBucketPolicyResponse> policyOf(S3Client s3, String bucket) {
        try {
            return Optional.of(s3.getBucketPolicy(r -> r.bucket(bucket)));
        } catch (S3Exception e) {
            if (Gone.isNotFound(e)) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** The object's plain S3 URL: path-style on an emulator's single endpoint, virtual-hosted on AWS. */
    private static URI directUrl(Target target, String bucket, String key) {
        return target.endpoint()
                .map(endpoint -> URI.create(endpoint.toString().replaceAll("/+$", "") + "/" + bucket + "/" + key))
                .orElseGet(() -> URI.create("https://" + bucket + ".s3." + target.region() + ".amazonaws.com/" + key));
    }

    /** The lab's own policy for the OAC variant, written as the lab writes it. */
    @Override
    public void solve(LabContext ctx, Scaffold scaffold) throws Exception {
        CloudFrontPrivateOriginLab.putPolicy(ctx, ctx.client(S3Client.class), scaffold.id(BUCKET), policy(scaffold));
    }

    @Override
    public List<String> commands(Scaffold scaffold) {
        return List.of("aws s3api put-bucket-policy --bucket " + scaffold.id(BUCKET) + " --policy '" + policy(scaffold) + "'");
    }

    private static String policy(Scaffold scaffold) {
        return BucketPolicyDocument.grantingReadTo("arn:aws:s3:::" + scaffold.id(BUCKET) + "/*", Optional.empty(),
                scaffold.arn(DISTRIBUTION));
    }
}
