package io.awslabs.labs.iam;

import static io.awslabs.targets.EmulatorKind.LOCALSTACK;

import io.awslabs.lab.Challenge;
import io.awslabs.lab.ChallengeChecks;
import io.awslabs.lab.ChallengeInfo;
import io.awslabs.lab.CheckProof;
import io.awslabs.lab.IamEnforcing;
import io.awslabs.lab.LabContext;
import io.awslabs.lab.LabWords;
import io.awslabs.lab.Scaffold;
import io.awslabs.lab.Symptom;
import io.awslabs.resources.Provisioning;
import io.awslabs.resources.iam.AccessKey;
import io.awslabs.resources.iam.IamUser;
import io.awslabs.resources.iam.UserInlinePolicy;
import io.awslabs.resources.s3.S3Bucket;
import io.awslabs.targets.Target;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import software.amazon.awssdk.awscore.AwsResponse;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The learner writes the policy of an analyst who may read the reports bucket's objects and
 * nothing else, with an explicit Deny that keeps its private/ objects closed even under a broader
 * Allow given later. The checks judge the policy as IAM evaluates it: requests signed by a user of
 * the check's own that carries copies of the analyst's policies, where policies decide requests
 * (on AWS the account itself, on moto a moto of the check's own with enforcement on, which gets
 * copies of the objects the requests are about); that user and its key are removed after the checks.
 */
public final class IamPolicyEvaluationChallenge implements Challenge {
    static final String ANALYST = "analyst";
    static final String REPORTS = "reports";
    static final String ARCHIVE = "archive";
    static final String PRIVATE_KEY = "private/salaries.txt";
    static final String PRIVATE_TEXT = "salaries, not for analysts";
    private static final String ACCESS_DENIED = "AccessDenied";
    /** How long AWS may take to put a new user, key or policy in force; emulators answer at once. */
    private static final Duration PROPAGATION = Duration.ofSeconds(90);
    private static final Duration ASK_EVERY = Duration.ofSeconds(3);
    private static final Predicate<Decision> ALLOWED = Decision::allowed;
    private static final Predicate<Decision> DENIED = d -> d.refusedWith(ACCESS_DENIED);
    static final String OTHER_BUCKET_READ = "GetObject of the archive bucket's report as the analyst";
    static final String PRIVATE_READ_UNDER_BROAD_ALLOW = "GetObject of private/salaries.txt as the analyst also allowed s3:*";

    @Override
    public String labId() {
        return "iam-policy-evaluation";
    }

    @Override
    public ChallengeInfo info() {
        String reason = "LocalStack community decides no request by IAM policy: every signed request is allowed, whoever "
                + "signs it, so a refusal the policy should cause comes back allowed";
        String source = "localstack-core 4.14.0 evaluates no policy on requests (IAM enforcement is a Pro feature; "
                + "ENFORCE_IAM appears only in localstack/runtime/analytics.py)";
        return ChallengeInfo.goal("The analyst (the IAM user below) reads the objects of the 'reports' bucket and may do "
                        + "nothing else: not list that bucket, not read the 'archive' bucket. The objects under private/ "
                        + "of the reports bucket stay closed to the analyst even if someone later gives the analyst a "
                        + "broader Allow, such as s3:* on everything. Put the policies on the user itself (inline or "
                        + "attached). The checks sign requests as a user of their own that carries copies of the "
                        + "analyst's policies, and remove it afterwards.")
                .creates("two S3 buckets named after the run id, 'reports' holding " + IamPolicyEvaluationLab.OBJECT_KEY
                                + " and " + PRIVATE_KEY + ", 'archive' holding " + IamPolicyEvaluationLab.OBJECT_KEY,
                        "an IAM user, the analyst, tagged with the run id, with no policy and no access key")
                .resource(REPORTS, "the reports bucket: {0} and {1}")
                .resource(ARCHIVE, "the archive bucket: {0}")
                .resource(ANALYST, "the analyst, with no policy yet")
                .check("allow-is-scoped",
                        "With the analyst's policies, GetObject of the reports bucket's report is allowed, while GetObject "
                                + "of the archive bucket's report and ListBucket of the reports bucket are denied")
                .check("explicit-deny-stored",
                        "The analyst's policies, as IAM stores them, hold a statement that denies s3:GetObject on "
                                + PRIVATE_KEY + " of the reports bucket, with no condition")
                .check("explicit-deny-wins",
                        "With the analyst's policies plus an Allow of s3:* on every resource, GetObject of the reports "
                                + "bucket's report is allowed and GetObject of " + PRIVATE_KEY + " is still denied")
                .hints("IAM policy evaluation: without an Allow every request is denied; an Allow covers exactly the "
                                + "actions and resources it names (objects are arn:aws:s3:::bucket/key, the bucket itself "
                                + "arn:aws:s3:::bucket); an explicit Deny beats every Allow, in any policy.",
                        "IAM PutUserPolicy (or CreatePolicy and AttachUserPolicy): one statement with Effect Allow, "
                                + "Action s3:GetObject, Resource the reports bucket's objects; one with Effect Deny on "
                                + "the objects under private/.")
                .gap(LOCALSTACK, "allow-is-scoped", Symptom.checkFails(OTHER_BUCKET_READ, "allowed"), reason, source)
                .gap(LOCALSTACK, "explicit-deny-wins", Symptom.checkFails(PRIVATE_READ_UNDER_BROAD_ALLOW, "allowed"),
                        reason, source);
    }

    @Override
    public void scaffold(LabContext ctx, Scaffold.Builder scaffold) throws Exception {
        String reports = reportsBucket(ctx);
        String archive = archiveBucket(ctx);
        IamUser.Handle analyst = IamUser.create(ctx, ANALYST);
        scaffold.item(REPORTS, S3Bucket.KIND.type(), reports, "arn:aws:s3:::" + reports,
                        IamPolicyEvaluationLab.OBJECT_KEY, PRIVATE_KEY)
                .item(ARCHIVE, S3Bucket.KIND.type(), archive, "arn:aws:s3:::" + archive, IamPolicyEvaluationLab.OBJECT_KEY)
                .item(ANALYST, IamUser.KIND.type(), analyst.name(), analyst.arn());
    }

    private static String reportsBucket(Provisioning p) throws Exception {
        String bucket = S3Bucket.create(p, REPORTS);
        put(p, bucket, IamPolicyEvaluationLab.OBJECT_KEY, IamPolicyEvaluationLab.OBJECT_TEXT);
        put(p, bucket, PRIVATE_KEY, PRIVATE_TEXT);
        return bucket;
    }

    private static String archiveBucket(Provisioning p) throws Exception {
        String bucket = S3Bucket.create(p, ARCHIVE);
        put(p, bucket, IamPolicyEvaluationLab.OBJECT_KEY, IamPolicyEvaluationLab.OBJECT_TEXT);
        return bucket;
    }

    private static void put(Provisioning p, String bucket, String key, String text) {
        p.client(S3Client.class).putObject(r -> r.bucket(bucket).key(key), RequestBody.fromString(text, StandardCharsets.UTF_8));
    }

    @Override
    public void check(LabContext ctx, Scaffold scaffold, ChallengeChecks check) throws Exception {
        String reports = scaffold.id(REPORTS);
        String archive = scaffold.id(ARCHIVE);
        List<UserPolicies.Document> analystPolicies = UserPolicies.of(ctx.client(IamClient.class), scaffold.id(ANALYST));
        // without a policy of the analyst there is nothing to evaluate, and no moto to start for it
        Optional<IamEnforcing> where = analystPolicies.isEmpty() ? Optional.empty() : Optional.of(ctx.iamEnforcing());

        check.that("allow-is-scoped", p -> {
            requirePolicy(p, analystPolicies);
            try (Signers as = new Signers(where.orElseThrow())) {
                Target analyst = replica(p, where.get(), as, analystPolicies, "check", List.of());
                p.equal("GetObject of the reports bucket's report as the analyst", "allowed",
                        decide(ctx, p, "GetObject of the reports bucket's report as the analyst", ALLOWED,
                                () -> getObject(analyst, reports, IamPolicyEvaluationLab.OBJECT_KEY)).verdict(),
                        ctx.words("fail.reportNotAllowed", "arn:aws:s3:::" + reports + "/" + IamPolicyEvaluationLab.OBJECT_KEY));
                p.equal(OTHER_BUCKET_READ, Decision.refused(ACCESS_DENIED),
                        decide(ctx, p, OTHER_BUCKET_READ, DENIED,
                                () -> getObject(analyst, archive, IamPolicyEvaluationLab.OBJECT_KEY)).verdict(),
                        ctx.words("fail.archiveReadable"));
                p.equal("ListBucket of the reports bucket as the analyst", Decision.refused(ACCESS_DENIED),
                        decide(ctx, p, "ListBucket of the reports bucket as the analyst", DENIED,
                                () -> analyst.client(S3Client.class).listObjectsV2(r -> r.bucket(reports))).verdict(),
                        ctx.words("fail.reportsListable"));
            }
        });

        check.that("explicit-deny-stored", p -> {
            requirePolicy(p, analystPolicies);
            String privateObject = PolicyDocuments.bucketArn(reports) + "/" + PRIVATE_KEY;
            List<String> denying = analystPolicies.stream()
                    .filter(d -> UserPolicies.deniesAlways(d.json(), "s3:GetObject", privateObject))
                    .map(UserPolicies.Document::source).toList();
            p.evidence("privateObject", privateObject);
            p.isTrue("a policy of the analyst denies s3:GetObject on it", !denying.isEmpty(), "none",
                    ctx.words("fail.noExplicitDeny", privateObject));
            p.evidence("denyingPolicies", denying);
        });

        check.that("explicit-deny-wins", p -> {
            requirePolicy(p, analystPolicies);
            String broad = PolicyDocuments.allow(List.of("s3:*"), List.of("*"));
            try (Signers as = new Signers(where.orElseThrow())) {
                Target analyst = replica(p, where.get(), as, analystPolicies, "check-broad", List.of(broad));
                p.equal("GetObject of the reports bucket's report as the analyst also allowed s3:*", "allowed",
                        decide(ctx, p, "GetObject of the reports bucket's report as the analyst also allowed s3:*",
                                ALLOWED, () -> getObject(analyst, reports, IamPolicyEvaluationLab.OBJECT_KEY)).verdict(),
                        ctx.words("fail.denyTooBroad"));
                p.equal(PRIVATE_READ_UNDER_BROAD_ALLOW, Decision.refused(ACCESS_DENIED),
                        decide(ctx, p, PRIVATE_READ_UNDER_BROAD_ALLOW, DENIED,
                                () -> getObject(analyst, reports, PRIVATE_KEY)).verdict(),
                        ctx.words("fail.privateReadUnderBroadAllow", PRIVATE_KEY));
            }
        });
    }

    /**
     * Where policies decide: a user of the check's own with a copy of each of the analyst's
     * policies and these {@code extra} ones, signing with a key of its own. A place that holds
     * none of the scaffold (a moto of the check's own) gets the buckets and objects first.
     */
    private static Target replica(CheckProof p, IamEnforcing where, Signers as, List<UserPolicies.Document> policies,
                                  String suffix, List<String> extra) throws Exception {
        where.cannotShow().ifPresent(p::skip);
        p.evidence("decidedBy", where.where());
        Provisioning place = where.provisioning();
        if (!bucketExists(place, place.name(REPORTS))) {
            reportsBucket(place);
            archiveBucket(place);
        }
        IamUser.Handle user = IamUser.create(place, ANALYST + "-" + suffix);
        List<String> documents = new ArrayList<>(policies.stream().map(UserPolicies.Document::json).toList());
        documents.addAll(extra);
        for (int i = 0; i < documents.size(); i++) {
            UserInlinePolicy.put(place, user.name(), "copy-" + (i + 1), documents.get(i));
        }
        p.evidence("signedBy", user.arn());
        return as.user(AccessKey.create(place, user.name()));
    }

    private static void requirePolicy(CheckProof p, List<UserPolicies.Document> policies) {
        p.evidence("analystPolicies", policies.stream().map(UserPolicies.Document::source).toList());
        p.isTrue("the analyst has a policy", !policies.isEmpty(), "none",
                LabWords.of(IamPolicyEvaluationChallenge.class, "fail.noPolicy"));
    }

    private static boolean bucketExists(Provisioning place, String bucket) {
        try {
            place.client(S3Client.class).headBucket(r -> r.bucket(bucket));
            return true;
        } catch (NoSuchBucketException e) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw e;
        }
    }

    /** The target's decision, asked again while AWS has not put the new user, key and policies in force. */
    private static Decision decide(LabContext ctx, CheckProof p, String what, Predicate<Decision> expected,
                                   Decision.Request request) throws Exception {
        Decision d = ctx.waits().afterChange(ctx.words("wait.decided", what), PROPAGATION, ASK_EVERY, () -> Decision.of(request), expected,
                Decision::verdict);
        p.evidence(what + ".requestId", d.requestId());
        return d;
    }

    private static AwsResponse getObject(Target as, String bucket, String key) {
        return as.client(S3Client.class).getObjectAsBytes(r -> r.bucket(bucket).key(key)).response();
    }

    /** The lab's policy shapes: its scoped Allow of s3:GetObject and its explicit Deny, on the analyst. */
    @Override
    public void solve(LabContext ctx, Scaffold scaffold) throws Exception {
        String analyst = scaffold.id(ANALYST);
        UserInlinePolicy.put(ctx, analyst, "read-reports", readReports(scaffold));
        UserInlinePolicy.put(ctx, analyst, "deny-private", denyPrivate(scaffold));
    }

    private static String readReports(Scaffold scaffold) {
        return PolicyDocuments.allow(List.of("s3:GetObject"), List.of(PolicyDocuments.objectsOf(scaffold.id(REPORTS))));
    }

    private static String denyPrivate(Scaffold scaffold) {
        return PolicyDocuments.deny(List.of("s3:*"), List.of(PolicyDocuments.bucketArn(scaffold.id(REPORTS)) + "/private/*"));
    }

    @Override
    public List<String> commands(Scaffold scaffold) {
        String analyst = scaffold.id(ANALYST);
        return List.of(
                "aws iam put-user-policy --user-name " + analyst + " --policy-name read-reports --policy-document '"
                        + readReports(scaffold) + "'",
                "aws iam put-user-policy --user-name " + analyst + " --policy-name deny-private --policy-document '"
                        + denyPrivate(scaffold) + "'");
    }
}
