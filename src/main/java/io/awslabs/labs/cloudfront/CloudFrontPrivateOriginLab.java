package io.awslabs.labs.cloudfront;

import static io.awslabs.targets.EmulatorKind.MOTO;

import io.awslabs.lab.Checks;
import io.awslabs.lab.ExamDomain;
import io.awslabs.lab.Lab;
import io.awslabs.lab.LabContext;
import io.awslabs.lab.LabInfo;
import io.awslabs.lab.LabOption;
import io.awslabs.lab.Proof;
import io.awslabs.lab.Symptom;
import io.awslabs.resources.UnsupportedApi;
import io.awslabs.resources.cloudfront.Distribution;
import io.awslabs.resources.cloudfront.OriginAccessControl;
import io.awslabs.resources.cloudfront.OriginAccessIdentity;
import io.awslabs.resources.s3.S3Bucket;
import io.awslabs.resources.s3.S3BucketPolicy;
import io.awslabs.text.Phrase;
import io.awslabs.text.Said;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.cloudfront.model.DistributionConfig;
import software.amazon.awssdk.services.cloudfront.model.GetDistributionResponse;
import software.amazon.awssdk.services.cloudfront.model.GetOriginAccessControlResponse;
import software.amazon.awssdk.services.cloudfront.model.Origin;
import software.amazon.awssdk.services.cloudfront.model.OriginAccessControlOriginTypes;
import software.amazon.awssdk.services.cloudfront.model.OriginAccessControlSigningBehaviors;
import software.amazon.awssdk.services.cloudfront.model.OriginAccessControlSigningProtocols;
import software.amazon.awssdk.services.cloudfront.model.PriceClass;
import software.amazon.awssdk.services.cloudfront.model.Tag;
import software.amazon.awssdk.services.cloudfront.model.ViewerProtocolPolicy;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetBucketPolicyResponse;
import software.amazon.awssdk.services.s3.model.GetBucketPolicyStatusResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.PublicAccessBlockConfiguration;

/**
 * A private S3 bucket served only through CloudFront, twice: the legacy way (an origin access
 * identity named in the bucket policy) and the recommended way (origin access control: CloudFront
 * signs with SigV4 as its service principal, and the policy names the one distribution allowed).
 */
public final class CloudFrontPrivateOriginLab implements Lab {
    static final String ID = "cloudfront-private-origin";
    static final String INDEX = "index.html";
    static final String ORIGIN_ID = "private-s3-origin";
    /** The managed CachingOptimized cache policy, the usual choice for static S3 content. */
    static final String CACHING_OPTIMIZED = "658327ea-f89d-4fab-a63d-7e88639e58f6";
    static final String WAIT_DEPLOYED = "wait-deployed";
    private static final Duration POLICY_PRINCIPAL_LIMIT = Duration.ofSeconds(30);
    private static final Duration POLICY_RETRY_EVERY = Duration.ofSeconds(5);
    private static final Pattern S3_ERROR_CODE = Pattern.compile("<Code>([^<]+)</Code>");
    private static final List<String> ASSERTIONS = List.of("oai-origin-references-oai", "policy-grants-cloudfront-only",
            "block-public-access-all-on", "anonymous-s3-get-denied", "get-through-distribution", "oac-origin-uses-oac",
            "oac-policy-scoped-to-distribution");

    private Said noCloudFront;
    private OriginBucket bucket;
    private String page;
    private Optional<String> oaiId = Optional.empty();
    private Phrase oaiUnsupported;
    private LabDistribution oaiDistribution;
    private String oacId;
    private LabDistribution oacDistribution;
    private LabDistribution unnamedDistribution;

    /** What the lab keeps of a distribution it created. */
    record LabDistribution(String variant, String id, String arn, String domainName) { }

    @Override
    public LabInfo info() {
        return LabInfo.of(ID, "CloudFront private S3 origin: OAI and OAC side by side")
                .exam(ExamDomain.SECURE, "1.1 Design secure access to AWS resources", 182)
                .concept("Confidential files stay in a private S3 bucket (Block Public Access fully on) and are served only "
                        + "through CloudFront. The bucket policy grants s3:GetObject to CloudFront alone: to an origin access "
                        + "identity (OAI, legacy), or to the cloudfront.amazonaws.com service principal conditioned on one "
                        + "distribution's ARN (origin access control, OAC, which signs origin requests with SigV4).")
                .examAngle("Documents in S3 must be reachable only through CloudFront, never from S3 directly: which origin "
                        + "access and which bucket policy? Trap: OAI is the classic answer, but it cannot read SSE-KMS objects, "
                        + "does not work in opt-in Regions launched after December 2022 and cannot PUT/DELETE; OAC can.")
                .services("cloudfront", "s3")
                .costPerRunUsd(0.01, "distributions, OAIs and OACs carry no charge; the run makes a few dozen S3 and "
                        + "CloudFront API requests and, unless wait-deployed=false, six viewer requests "
                        + "(aws.amazon.com/cloudfront/pricing, aws.amazon.com/s3/pricing)")
                .provisions(Distribution.KIND, OriginAccessControl.KIND, OriginAccessIdentity.KIND, S3Bucket.KIND,
                        S3BucketPolicy.KIND)
                .calls("cloudfront:CreateCloudFrontOriginAccessIdentity", "cloudfront:CreateDistribution",
                        "cloudfront:CreateOriginAccessControl", "cloudfront:TagResource", "s3:GetBucketPolicyStatus",
                        "s3:GetBucketPublicAccessBlock", "s3:GetObject", "s3:PutBucketPublicAccessBlock",
                        "s3:PutObject")
                .creates("a private S3 bucket (all four Block Public Access settings on, tagged with the run id) holding "
                                + INDEX + ", and its bucket policy",
                        "an origin access identity and a distribution whose S3 origin uses it (where the target has OAIs)",
                        "an origin access control (SigV4, always sign) and a distribution whose S3 origin uses it",
                        "unless --option " + WAIT_DEPLOYED + "=false, a second distribution with the same OAC that the "
                                + "bucket policy does not name",
                        "every distribution: default root object " + INDEX + ", viewers redirected to HTTPS, tagged with "
                                + "the run id")
                .asserts("oai-origin-references-oai",
                        "The OAI distribution's S3 origin names the lab's OAI (origin-access-identity/cloudfront/<id>) and no OAC")
                .asserts("policy-grants-cloudfront-only",
                        "The bucket policy grants only the lab's CloudFront principals (the OAI, where the target has OAIs, and "
                                + "the cloudfront.amazonaws.com service principal); no statement names the * principal and "
                                + "S3 rates the policy not public")
                .asserts("block-public-access-all-on",
                        "A new bucket has all four Block Public Access settings on before anyone sets them (S3's default "
                                + "for new buckets since April 2023, read before the lab sets them explicitly)")
                .asserts("anonymous-s3-get-denied",
                        "An anonymous GET of the object straight from S3 is refused with 403, although the object exists")
                .asserts("get-through-distribution",
                        "A GET through each distribution's domain returns the object over HTTPS and plain HTTP is redirected "
                                + "to HTTPS (once the distributions are Deployed, which takes minutes on AWS; --option "
                                + WAIT_DEPLOYED + "=false leaves it out)")
                .asserts("oac-origin-uses-oac",
                        "The OAC signs with SigV4 always for an S3 origin, and the OAC distribution's origin names that OAC "
                                + "and no OAI")
                .asserts("oac-policy-scoped-to-distribution",
                        "The policy statement for cloudfront.amazonaws.com requires AWS:SourceArn to equal the OAC "
                                + "distribution's ARN: through that distribution the object is served (200), while a second "
                                + "distribution signing with the same OAC, not named in AWS:SourceArn, is refused (403)")
                .runNote("noCloudFront", "this target has no CloudFront ({0}); the lab created nothing")
                .runNote("noOai", "No OAI variant on this target ({0}); the OAC variant runs alone.")
                .note("OAC, the recommended way: CloudFront signs each origin request with SigV4 as the cloudfront.amazonaws.com "
                        + "service principal, and the bucket policy's AWS:SourceArn condition names the one distribution "
                        + "allowed. Pros: works with SSE-KMS objects (the KMS key policy must also let the service principal "
                        + "decrypt), in every Region including opt-in Regions launched after December 2022, and for PUT/DELETE "
                        + "through CloudFront; per-distribution scoping. Con: the policy can only be written once the "
                        + "distribution (its ARN) exists.")
                .note("OAI, the legacy way: a special CloudFront user named in the bucket policy as "
                        + "arn:aws:iam::cloudfront:user/CloudFront Origin Access Identity <id>. Pros: simple, and existing "
                        + "setups keep working. Cons: no SSE-KMS, not in opt-in Regions launched after December 2022, no "
                        + "dynamic PUT/DELETE without workarounds, and one OAI shared by several distributions cannot tell "
                        + "them apart in the policy.")
                .note("When each applies: OAC for every new distribution, for SSE-KMS buckets, newer Regions and uploads "
                        + "through CloudFront; OAI only where a distribution already uses it, and during a migration, when "
                        + "the policy grants both principals (as this lab's does) until the origin is switched to OAC. "
                        + "Neither works with an S3 website endpoint, which CloudFront must treat as a custom origin.")
                .note("OAC needs S3 Object Ownership set to Bucket owner enforced, the default for new buckets "
                        + "(docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-restricting-access-to-s3.html).")
                .note("A distribution can be deleted only once disabled and Deployed, with the ETag of that state "
                        + "(docs.aws.amazon.com/cloudfront/latest/APIReference/API_DeleteDistribution.html): teardown on AWS "
                        + "waits for it, usually several minutes, and prints the elapsed time while it waits.")
                .note("Since April 2023 S3 turns on all four Block Public Access settings of every new bucket "
                        + "(aws.amazon.com/about-aws/whats-new/2022/12/amazon-s3-automatically-enable-block-public-access-"
                        + "disable-access-control-lists-buckets-april-2023/); the lab reads them before setting them itself, "
                        + "so that the assertion shows S3's default and not the lab's own call.")
                .note("The OAC is not what limits access to one distribution: any distribution can use the same OAC, "
                        + "and only the AWS:SourceArn condition of the bucket policy tells them apart; the lab proves it "
                        + "with a second distribution on the same OAC that the policy does not name.")
                .note("redirect-to-https answers plain HTTP with 301 and the HTTPS URL "
                        + "(docs.aws.amazon.com/cloudfront/latest/APIReference/API_DefaultCacheBehavior.html).")
                .source("https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-restricting-access-to-s3.html")
                .source("https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_DeleteDistribution.html")
                .source("https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/using-managed-cache-policies.html")
                .source("https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html")
                .source("https://aws.amazon.com/about-aws/whats-new/2022/12/amazon-s3-automatically-enable-block-public-access-disable-access-control-lists-buckets-april-2023/")
                .source("https://aws.amazon.com/blogs/aws/heads-up-amazon-s3-security-changes-are-coming-in-april-of-2023/")
                .option(LabOption.flag(WAIT_DEPLOYED, true, "on AWS: wait until the distributions are Deployed "
                        + "(usually several minutes) and GET the object through them; false leaves out the two assertions "
                        + "that need it"))
                .onAwsNeeds("get-through-distribution", WAIT_DEPLOYED)
                .onAwsNeeds("oac-policy-scoped-to-distribution", WAIT_DEPLOYED)
                .awsOnly("get-through-distribution", "an emulator serves no content at a distribution's "
                        + "*.cloudfront.net domain")
                .awsOnly("oac-policy-scoped-to-distribution", "an emulator serves no content at a distribution's "
                        + "*.cloudfront.net domain, so no request through a distribution not named in AWS:SourceArn can "
                        + "show that the bucket refuses it")
                .gap(MOTO, "oai-origin-references-oai",
                        Symptom.checkFails("the target created the lab's origin access identity", "answered 404"),
                        "moto has no origin access identity API (CreateCloudFrontOriginAccessIdentity answers a bare 404), "
                                + "so there is no OAI distribution to inspect",
                        "moto/cloudfront/urls.py routes no 2020-05-31/origin-access-identity/cloudfront path and responses.py "
                                + "has no *_cloud_front_origin_access_identity handler; models.py Origin keeps "
                                + "S3OriginConfig.OriginAccessIdentity as s3_access_identity, which GetDistribution never "
                                + "returns (moto 5.2.5)")
                .gap(MOTO, "block-public-access-all-on",
                        Symptom.checkFails("the new bucket has a Block Public Access configuration", PublicAccessAsCreated.NONE),
                        "moto creates buckets with no Block Public Access configuration, as S3 did before April 2023: "
                                + "GetPublicAccessBlock on a new bucket answers NoSuchPublicAccessBlockConfiguration",
                        "moto/s3/models.py FakeBucket.__init__ sets self.public_access_block = None and "
                                + "S3Backend.get_public_access_block raises NoSuchPublicAccessBlockConfiguration while it is "
                                + "unset (moto 5.2.5)")
                .gap(MOTO, "anonymous-s3-get-denied", Symptom.checkFails("HTTP status of the anonymous GET", "200"),
                        "moto lets an anonymous GET through a bucket-policy Allow granted to a specific principal (here the "
                                + "CloudFront service principal), so the private object is served; AWS answers 403",
                        "moto/iam/access_control.py IAMPolicyStatement.is_action_permitted: is_unknown_principal() is False "
                                + "for a map Principal such as {\"Service\": ...} and _check_principal() runs only when the "
                                + "request has a principal, which an anonymous request lacks; without a bucket policy moto "
                                + "does answer 403 (moto 5.2.5)")
                .gap(MOTO, "oac-origin-uses-oac", Symptom.checkFails("origin's OriginAccessControlId", "null"),
                        "moto drops an origin's OriginAccessControlId (and its S3OriginConfig), so GetDistribution cannot "
                                + "show which OAC the origin uses",
                        "moto/cloudfront/models.py Origin.__init__ reads no OriginAccessControlId, and the serialized origin "
                                + "has neither it nor S3OriginConfig (moto 5.2.5)");
    }

    @Override
    public void provision(LabContext ctx) throws Exception {
        CloudFrontClient cloudFront = ctx.client(CloudFrontClient.class);
        S3Client s3 = ctx.client(S3Client.class);
        Optional<Phrase> missing = cloudFrontMissing(cloudFront);
        if (missing.isPresent()) {
            noCloudFront = ctx.words("skip.noCloudFront", missing.get());
            ctx.note("noCloudFront", missing.get());
            return;
        }
        page = "<!doctype html><title>Confidential</title><p>Confidential document of run " + ctx.runId() + "</p>";
        bucket = OriginBucket.create(ctx, INDEX, page);
        // Registered before the policy exists so that teardown removes it only after the distributions relying on it.
        S3BucketPolicy.reserve(ctx, bucket.name());

        oaiId = createOai(ctx, cloudFront);
        if (oaiId.isPresent()) {
            String oaiPath = "origin-access-identity/cloudfront/" + oaiId.get();
            oaiDistribution = createDistribution(ctx, cloudFront, "oai",
                    Origin.builder().id(ORIGIN_ID).domainName(bucket.regionalDomainName())
                            .s3OriginConfig(s -> s.originAccessIdentity(oaiPath)).build());
        }
        oacId = createOac(ctx, cloudFront);
        // With OAC the S3OriginConfig stays, with an empty OAI: the origin is still an S3 (REST) origin.
        oacDistribution = createDistribution(ctx, cloudFront, "oac",
                Origin.builder().id(ORIGIN_ID).domainName(bucket.regionalDomainName())
                        .s3OriginConfig(s -> s.originAccessIdentity("")).originAccessControlId(oacId).build());
        if (ctx.flag(WAIT_DEPLOYED)) {
            unnamedDistribution = createDistribution(ctx, cloudFront, "unnamed",
                    Origin.builder().id(ORIGIN_ID).domainName(bucket.regionalDomainName())
                            .s3OriginConfig(s -> s.originAccessIdentity("")).originAccessControlId(oacId).build());
        }
        putPolicy(ctx, s3, bucket.name(), BucketPolicyDocument.grantingReadTo(bucket.objectsArn(), oaiId, oacDistribution.arn()));
    }

    /** An origin access control that always signs with SigV4 for an S3 origin. */
    static String createOac(LabContext ctx, CloudFrontClient cloudFront) throws Exception {
        return ctx.create(OriginAccessControl.KIND,
                () -> cloudFront.createOriginAccessControl(r -> r.originAccessControlConfig(c -> c
                        .name(ctx.name("oac"))
                        .description("labs run " + ctx.runId() + ": CloudFront reads the private origin bucket")
                        .signingProtocol(OriginAccessControlSigningProtocols.SIGV4)
                        .signingBehavior(OriginAccessControlSigningBehaviors.ALWAYS)
                        .originAccessControlOriginType(OriginAccessControlOriginTypes.S3)))
                        .originAccessControl().id());
    }

    private static Optional<Phrase> cloudFrontMissing(CloudFrontClient cloudFront) {
        try {
            cloudFront.listDistributions(r -> r.maxItems("1"));
            return Optional.empty();
        } catch (AwsServiceException e) {
            return Optional.of(UnsupportedApi.reason("cloudfront:ListDistributions", e).orElseThrow(() -> e));
        }
    }

    private Optional<String> createOai(LabContext ctx, CloudFrontClient cloudFront) throws Exception {
        try {
            return Optional.of(ctx.create(OriginAccessIdentity.KIND,
                    () -> cloudFront.createCloudFrontOriginAccessIdentity(r -> r.cloudFrontOriginAccessIdentityConfig(c -> c
                            .callerReference(ctx.name("oai")).comment(ctx.name("oai"))))
                            .cloudFrontOriginAccessIdentity().id()));
        } catch (AwsServiceException e) {
            oaiUnsupported = UnsupportedApi.reason("cloudfront:CreateCloudFrontOriginAccessIdentity", e).orElseThrow(() -> e);
            ctx.note("noOai", oaiUnsupported);
            return Optional.empty();
        }
    }

    static LabDistribution createDistribution(LabContext ctx, CloudFrontClient cloudFront, String variant,
                                                      Origin origin) throws Exception {
        DistributionConfig config = DistributionConfig.builder()
                .callerReference(ctx.name(variant))
                .comment(ctx.name(variant) + ": private S3 origin through " + variant.toUpperCase(Locale.ROOT))
                .enabled(true)
                .defaultRootObject(INDEX)
                .priceClass(PriceClass.PRICE_CLASS_100)
                .origins(o -> o.quantity(1).items(origin))
                .defaultCacheBehavior(b -> b.targetOriginId(ORIGIN_ID)
                        .viewerProtocolPolicy(ViewerProtocolPolicy.REDIRECT_TO_HTTPS)
                        .cachePolicyId(CACHING_OPTIMIZED))
                .build();
        List<Tag> tags = ctx.tags((k, v) -> Tag.builder().key(k).value(v).build());
        return ctx.create(Distribution.KIND,
                () -> {
                    var d = cloudFront.createDistributionWithTags(r -> r.distributionConfigWithTags(c -> c
                            .distributionConfig(config).tags(t -> t.items(tags)))).distribution();
                    return new LabDistribution(variant, d.id(), d.arn(), d.domainName());
                },
                LabDistribution::id);
    }

    /**
     * IAM may not know a brand-new OAI for a few seconds, and S3 then rejects the policy as
     * naming an invalid principal: retried briefly, any other refusal is final.
     */
    static void putPolicy(LabContext ctx, S3Client s3, String bucketName, String policy) throws Exception {
        ctx.waits().retrying(ctx.words("wait.oaiKnown"), POLICY_PRINCIPAL_LIMIT,
                POLICY_RETRY_EVERY, () -> s3.putBucketPolicy(r -> r.bucket(bucketName).policy(policy)),
                e -> e instanceof AwsServiceException ase && "MalformedPolicy".equals(errorCode(ase))
                        && String.valueOf(ase.awsErrorDetails().errorMessage()).contains("Invalid principal"));
    }

    @Override
    public void verify(LabContext ctx, Checks check) throws Exception {
        if (noCloudFront != null) {
            ASSERTIONS.forEach(id -> check.that(id, p -> p.skip(noCloudFront)));
            return;
        }
        CloudFrontClient cloudFront = ctx.client(CloudFrontClient.class);
        S3Client s3 = ctx.client(S3Client.class);

        check.that("oai-origin-references-oai", p -> {
            p.isTrue("the target created the lab's origin access identity", oaiId.isPresent(),
                    oaiId.isPresent() ? oaiId.get() : oaiUnsupported);
            GetDistributionResponse got = cloudFront.getDistribution(r -> r.id(oaiDistribution.id()));
            p.call("cloudfront:GetDistribution", got);
            Origin origin = labOrigin(p, got);
            p.equal("origin's S3OriginConfig.OriginAccessIdentity", "origin-access-identity/cloudfront/" + oaiId.get(),
                    origin.s3OriginConfig() == null ? null : origin.s3OriginConfig().originAccessIdentity());
            p.isTrue("origin names no OAC", isBlank(origin.originAccessControlId()), origin.originAccessControlId());
        });

        check.that("policy-grants-cloudfront-only", p -> {
            GetBucketPolicyResponse policy = s3.getBucketPolicy(r -> r.bucket(bucket.name()));
            p.call("s3:GetBucketPolicy", policy).evidence("policy", policy.policy());
            BucketPolicyDocument document = BucketPolicyDocument.parse(policy.policy());
            p.isTrue("no statement names the * principal", !document.namesWildcardPrincipal(), document.principals());
            SortedSet<String> expected = new TreeSet<>();
            expected.add("Service " + BucketPolicyDocument.CLOUDFRONT_SERVICE);
            oaiId.ifPresentOrElse(id -> expected.add("AWS " + BucketPolicyDocument.oaiPrincipalArn(id)),
                    () -> p.evidence("oaiStatement", "none: " + oaiUnsupported));
            p.equal("principals the policy grants", expected, document.principals());
            GetBucketPolicyStatusResponse status = s3.getBucketPolicyStatus(r -> r.bucket(bucket.name()));
            p.call("s3:GetBucketPolicyStatus", status);
            p.equal("PolicyStatus.IsPublic (S3's own verdict)", false, status.policyStatus().isPublic());
        });

        check.that("block-public-access-all-on", p -> {
            PublicAccessAsCreated asCreated = bucket.publicAccessAsCreated();
            p.evidence("s3:GetPublicAccessBlock(new bucket).requestId", asCreated.requestId())
                    .evidence("asCreated", asCreated.answer());
            p.isTrue("the new bucket has a Block Public Access configuration", asCreated.configuration().isPresent(),
                    asCreated.answer());
            PublicAccessBlockConfiguration c = asCreated.configuration().get();
            p.equal("BlockPublicAcls", true, c.blockPublicAcls());
            p.equal("IgnorePublicAcls", true, c.ignorePublicAcls());
            p.equal("BlockPublicPolicy", true, c.blockPublicPolicy());
            p.equal("RestrictPublicBuckets", true, c.restrictPublicBuckets());
        });

        check.that("anonymous-s3-get-denied", p -> {
            // A signed HEAD first: S3 answers 403 for a missing key too, so the object must be shown to exist.
            HeadObjectResponse head = s3.headObject(r -> r.bucket(bucket.name()).key(bucket.key()));
            p.call("s3:HeadObject(signed)", head).evidence("objectBytes", head.contentLength());
            URI url = bucket.directUrl(ctx.target());
            AnonymousHttp.Answer answer = AnonymousHttp.get(url);
            p.evidence("anonymousGet.url", url).evidence("anonymousGet.errorCode", s3ErrorCode(answer.body()));
            p.equal("HTTP status of the anonymous GET", 403, answer.status());
        });

        check.that("get-through-distribution", p -> {
            skipUnlessDeployedWanted(ctx, p);
            for (LabDistribution d : distributions()) {
                untilDeployed(ctx, cloudFront, d);
                AnonymousHttp.Answer https = AnonymousHttp.get(URI.create("https://" + d.domainName() + "/"));
                p.evidence(d.variant() + ".url", "https://" + d.domainName() + "/");
                p.equal(d.variant() + ": HTTPS GET / status", 200, https.status());
                p.equal(d.variant() + ": body is the default root object " + INDEX, page, https.body());
                AnonymousHttp.Answer http = AnonymousHttp.get(URI.create("http://" + d.domainName() + "/"));
                p.equal(d.variant() + ": plain HTTP status", 301, http.status());
                p.isTrue(d.variant() + ": redirected to HTTPS", http.location() != null && http.location().startsWith("https://"),
                        http.location());
            }
        });

        check.that("oac-origin-uses-oac", p -> {
            GetOriginAccessControlResponse oac = cloudFront.getOriginAccessControl(r -> r.id(oacId));
            p.call("cloudfront:GetOriginAccessControl", oac).evidence("oacId", oacId);
            var config = oac.originAccessControl().originAccessControlConfig();
            p.equal("OAC signing protocol", OriginAccessControlSigningProtocols.SIGV4, config.signingProtocol());
            p.equal("OAC signing behavior", OriginAccessControlSigningBehaviors.ALWAYS, config.signingBehavior());
            p.equal("OAC origin type", OriginAccessControlOriginTypes.S3, config.originAccessControlOriginType());
            GetDistributionResponse got = cloudFront.getDistribution(r -> r.id(oacDistribution.id()));
            p.call("cloudfront:GetDistribution", got);
            Origin origin = labOrigin(p, got);
            p.equal("origin's OriginAccessControlId", oacId, origin.originAccessControlId());
            p.isTrue("origin names no OAI", origin.s3OriginConfig() == null || isBlank(origin.s3OriginConfig().originAccessIdentity()),
                    origin.s3OriginConfig());
        });

        check.that("oac-policy-scoped-to-distribution", p -> {
            GetDistributionResponse got = cloudFront.getDistribution(r -> r.id(oacDistribution.id()));
            p.call("cloudfront:GetDistribution", got).evidence("distributionArn", got.distribution().arn());
            GetBucketPolicyResponse policy = s3.getBucketPolicy(r -> r.bucket(bucket.name()));
            p.call("s3:GetBucketPolicy", policy);
            List<String> sourceArns = BucketPolicyDocument.parse(policy.policy())
                    .sourceArnsRequiredOf(BucketPolicyDocument.CLOUDFRONT_SERVICE);
            p.equal("AWS:SourceArn required of cloudfront.amazonaws.com", List.of(got.distribution().arn()), sourceArns);
            skipUnlessDeployedWanted(ctx, p);
            // The refusal means something only next to the same request granted through the named distribution.
            for (LabDistribution d : List.of(oacDistribution, unnamedDistribution)) {
                untilDeployed(ctx, cloudFront, d);
            }
            AnonymousHttp.Answer named = AnonymousHttp.get(URI.create("https://" + oacDistribution.domainName() + "/"));
            AnonymousHttp.Answer unnamed = AnonymousHttp.get(URI.create("https://" + unnamedDistribution.domainName() + "/"));
            p.evidence("named.url", "https://" + oacDistribution.domainName() + "/")
                    .evidence("unnamed.url", "https://" + unnamedDistribution.domainName() + "/")
                    .evidence("unnamed.distributionArn", unnamedDistribution.arn())
                    .evidence("unnamed.errorCode", s3ErrorCode(unnamed.body()));
            p.equal("GET through the distribution named in AWS:SourceArn: status", 200, named.status());
            p.equal("GET through the distribution named in AWS:SourceArn: body", page, named.body());
            p.equal("GET through a distribution with the same OAC, not named: status", 403, unnamed.status());
        });
    }

    private static void skipUnlessDeployedWanted(LabContext ctx, Proof p) {
        if (!ctx.flag(WAIT_DEPLOYED)) {
            p.skip(ctx.words("skip.notAwaited", WAIT_DEPLOYED));
        }
    }

    private static void untilDeployed(LabContext ctx, CloudFrontClient cloudFront, LabDistribution d) throws Exception {
        Distribution.untilDeployed(ctx.waits(), cloudFront, d.id(), ctx.words("wait.purpose.toServe"));
    }

    private List<LabDistribution> distributions() {
        List<LabDistribution> all = new ArrayList<>();
        if (oaiDistribution != null) {
            all.add(oaiDistribution);
        }
        all.add(oacDistribution);
        return all;
    }

    private static Origin labOrigin(Proof p, GetDistributionResponse got) {
        DistributionConfig config = got.distribution().distributionConfig();
        p.evidence("distributionId", got.distribution().id()).evidence("status", got.distribution().status())
                .evidence("defaultRootObject", config.defaultRootObject())
                .evidence("viewerProtocolPolicy", config.defaultCacheBehavior().viewerProtocolPolicyAsString());
        Optional<Origin> origin = config.origins().items().stream().filter(o -> ORIGIN_ID.equals(o.id())).findFirst();
        p.isTrue("distribution has the lab's origin " + ORIGIN_ID, origin.isPresent(),
                config.origins().items().stream().map(Origin::id).toList());
        p.evidence("origin.domainName", origin.get().domainName());
        return origin.get();
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    private static String errorCode(AwsServiceException e) {
        return e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
    }

    private static String s3ErrorCode(String body) {
        Matcher m = S3_ERROR_CODE.matcher(body == null ? "" : body);
        return m.find() ? m.group(1) : "none";
    }
}
