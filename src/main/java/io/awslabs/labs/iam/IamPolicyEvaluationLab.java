package io.awslabs.labs.iam;

import static io.awslabs.targets.EmulatorKind.LOCALSTACK;
import static io.awslabs.targets.EmulatorKind.MOTO;

import io.awslabs.lab.Checks;
import io.awslabs.lab.ExamDomain;
import io.awslabs.lab.IamEnforcing;
import io.awslabs.lab.Lab;
import io.awslabs.lab.LabContext;
import io.awslabs.lab.LabInfo;
import io.awslabs.lab.Proof;
import io.awslabs.lab.Symptom;
import io.awslabs.resources.Provisioning;
import io.awslabs.resources.iam.AccessKey;
import io.awslabs.resources.iam.IamRole;
import io.awslabs.resources.iam.IamUser;
import io.awslabs.resources.iam.ManagedPolicy;
import io.awslabs.resources.iam.RoleInlinePolicy;
import io.awslabs.resources.iam.UserInlinePolicy;
import io.awslabs.resources.iam.UserPolicyAttachment;
import io.awslabs.resources.s3.S3Bucket;
import io.awslabs.targets.Target;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Predicate;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.AwsResponse;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.GetPolicyResponse;
import software.amazon.awssdk.services.iam.model.MalformedPolicyDocumentException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/**
 * Proves how IAM decides a request, by acting as users the lab creates, each with its own access
 * key: nothing is allowed unless a policy allows it, an Allow covers exactly its actions and
 * resources, an explicit Deny beats every Allow, a role trusts only the principals its trust
 * policy names (with the ExternalId it demands), and a condition or a permissions boundary can
 * take an Allow away.
 */
public final class IamPolicyEvaluationLab implements Lab {
    static final String OBJECT_KEY = "report.txt";
    static final String OBJECT_TEXT = "quarterly figures";
    private static final String ACCESS_DENIED = "AccessDenied";
    private static final String BAD_SIGNATURE = "SignatureDoesNotMatch";
    /** How long AWS may take to put a new key, user, role or policy in force; emulators answer at once. */
    private static final Duration PROPAGATION = Duration.ofSeconds(90);
    private static final Duration ASK_EVERY = Duration.ofSeconds(3);
    private static final Predicate<Decision> ALLOWED = Decision::allowed;
    private static final Predicate<Decision> DENIED = d -> d.refusedWith(ACCESS_DENIED);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A lab user and the key it signs with. */
    private record Principal(String name, String arn, AccessKey.Issued key) { }

    private String grammarPolicyArn;
    private IamEnforcing iam;
    private String allowedBucket;
    private String otherBucket;
    private Principal nobody;
    private Principal reader;
    private Principal wildcard;
    private Principal denied;
    private Principal conditional;
    private Principal assumer;
    private Principal stranger;
    private IamRole.Handle trusting;
    private IamRole.Handle bounded;
    private String externalId;

    @Override
    public LabInfo info() {
        LabInfo info = LabInfo.of("iam-policy-evaluation", "IAM policy evaluation: implicit deny, Allow, explicit Deny, trust")
                .exam(ExamDomain.SECURE, "1.1 Design secure access to AWS resources")
                .concept("Every request is denied unless a policy allows it (implicit deny). An Allow covers exactly "
                        + "the actions and resources it names, wildcards included; an explicit Deny anywhere beats any "
                        + "Allow. A condition that does not hold makes an Allow no Allow, and a permissions boundary caps "
                        + "what identity policies can grant. A role is assumed only by the principals its trust policy "
                        + "names, and only with the ExternalId it demands. The lab proves each by signing requests "
                        + "with the access keys of users it creates, one per policy shape.")
                .examAngle("Why is a user with no policy denied everything? What wins when one policy allows s3:* and "
                        + "another denies s3:GetObject? Why does a third-party role demand an ExternalId (the confused "
                        + "deputy)? What does a permissions boundary do that a Deny does not, and who uses it "
                        + "(delegated administrators)? Why is an Allow with aws:SourceIp useless from elsewhere?")
                .services("iam", "sts", "s3")
                .costPerRunUsd(0.01, "IAM and STS cost nothing (aws.amazon.com/iam/faqs); S3: two buckets holding a few "
                        + "bytes for minutes and about 60 requests at $0.005 per 1,000 PUT/LIST and $0.0004 per 1,000 GET "
                        + "(aws.amazon.com/s3/pricing): well under a cent")
                .provisions(AccessKey.KIND, IamRole.KIND, IamUser.KIND, ManagedPolicy.KIND, RoleInlinePolicy.KIND,
                        UserInlinePolicy.KIND, UserPolicyAttachment.KIND, S3Bucket.KIND)
                .calls("iam:GetPolicy", "iam:PutRolePermissionsBoundary", "s3:GetObject", "s3:ListBucket",
                        "s3:PutObject", "sts:AssumeRole", "sts:GetCallerIdentity")
                .creates("a customer managed policy on the run's target, to show that IAM checks a policy's grammar "
                                + "when it is stored",
                        "where policies decide requests (on AWS the account itself; on moto a moto of the lab's own "
                                + "with IAM enforcement on, stopped at teardown): two S3 buckets with one small object "
                                + "each, seven IAM users with an access key each (no policy; a managed policy reading "
                                + "one bucket; s3:*; s3:* plus a Deny; an Allow with an aws:SourceIp condition; two "
                                + "that may call sts:AssumeRole), two managed policies, and two roles: one trusting one "
                                + "user with an ExternalId, one capped by a permissions boundary")
                .asserts("policy-grammar-checked",
                        "IAM checks a policy document's grammar when it is stored: a well-formed policy is created, one "
                                + "with the Effect \"Permit\" is refused with MalformedPolicyDocument")
                .asserts("signature-checked",
                        "A request signed with a user's key is answered as that user; the same key id with a wrong "
                                + "secret is refused with SignatureDoesNotMatch (authentication comes before any policy)")
                .asserts("implicit-deny",
                        "A user with no policy is denied GetObject and ListBucket on an object the lab's administrator "
                                + "reads: without an Allow, every request is denied")
                .asserts("allow-is-scoped",
                        "An Allow of s3:GetObject on one bucket's objects allows exactly that: the object there is "
                                + "read, the other bucket's object is denied, and PutObject on the allowed bucket is denied")
                .asserts("wildcard-action",
                        "s3:* on every resource allows GetObject on the other bucket, PutObject and ListBucket, which "
                                + "the user allowed only s3:GetObject on one bucket is refused")
                .asserts("explicit-deny-wins",
                        "A Deny of s3:GetObject on the other bucket beats the same user's Allow of s3:*: that object is "
                                + "denied while the allowed bucket's object is still read")
                .asserts("trust-policy-names-principal",
                        "A role is assumed by the user its trust policy names (the session is the role's), and refused "
                                + "to a user it does not name, although both may call sts:AssumeRole on it")
                .asserts("external-id-must-match",
                        "A trust policy requiring sts:ExternalId refuses AssumeRole with a wrong ExternalId and allows it "
                                + "with the right one")
                .asserts("missing-external-id-refused",
                        "The same trust policy refuses AssumeRole that sends no ExternalId at all")
                .asserts("condition-must-hold",
                        "An Allow whose condition does not hold (aws:SourceIp in 192.0.2.0/24, where no request of the "
                                + "lab comes from) is no Allow: the object that a user without the condition reads is denied")
                .asserts("permissions-boundary-caps",
                        "A role allowed s3:* but bounded by a policy allowing only s3:ListBucket may list the bucket "
                                + "and is denied GetObject: a boundary caps what identity policies grant")
                .note("Evaluation: an explicit Deny in any policy wins; otherwise an Allow is needed, in the identity "
                        + "policy (and within the permissions boundary, SCPs and session policies where they apply); "
                        + "otherwise the request is implicitly denied "
                        + "(docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html).")
                .note("The ExternalId is how a third party avoids being a confused deputy: the role's account gives "
                        + "it to the third party, who must send it "
                        + "(docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_common-scenarios_third-party.html).")
                .note("A permissions boundary sets the most an identity policy can grant; it grants nothing itself "
                        + "(docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_boundaries.html).")
                .note("aws:SourceIp is the requester's public address "
                        + "(docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-sourceip).")
                .note("IAM is eventually consistent: a new key, user or policy can take seconds to be in force, so on "
                        + "AWS each check asks again for up to 90 s "
                        + "(docs.aws.amazon.com/IAM/latest/UserGuide/troubleshoot_general.html#troubleshoot_general_eventual-consistency).")
                .note("Secret access keys stay in the lab's memory: no report, log or journal holds them.")
                .source("https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html")
                .source("https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_common-scenarios_third-party.html")
                .source("https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_boundaries.html")
                .source("https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition.html")
                .source("https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_aws-signing.html")
                .gap(MOTO, "missing-external-id-refused", Symptom.checkFails("AssumeRole sending no ExternalId", "allowed"),
                        "moto checks an ExternalId only when the request sends one: a condition with no value in the "
                                + "request counts as holding",
                        "moto/iam/utils.py format_incoming_conditional_values adds sts:ExternalId only if the request has "
                                + "one, and moto/iam/policy_conditions.py TrustCondition.verify_condition loops over the "
                                + "request's values, so none means true (moto 5.2.5)")
                .gap(MOTO, "condition-must-hold",
                        Symptom.checkFails("GetObject as the user whose Allow needs aws:SourceIp 192.0.2.0/24", "allowed"),
                        "moto evaluates no condition of an identity policy but StringEquals on a value the request "
                                + "carries; IpAddress counts as holding",
                        "moto/iam/access_control.py IAMPolicyStatement._check_conditions gets no request values for "
                                + "identity policies, and moto/iam/policy_conditions.py TrustCondition.verify_condition "
                                + "returns True for any operator but StringEquals (moto 5.2.5)")
                .gap(MOTO, "permissions-boundary-caps",
                        Symptom.checkFails("GetObject as the role whose boundary allows only s3:ListBucket", "allowed"),
                        "moto stores a role's permissions boundary but never evaluates it",
                        "moto/iam/access_control.py AssumedRoleAccessKey.collect_policies gathers only the role's inline "
                                + "and attached policies, and check_action_permitted evaluates only those (moto 5.2.5)");
        return withLocalStackGaps(info);
    }

    @Override
    public void provision(LabContext ctx) throws Exception {
        grammarPolicyArn = ManagedPolicy.create(ctx, "grammar", PolicyDocuments.allow(List.of("s3:GetObject"), List.of("*")),
                "A well-formed policy of " + ctx.name());
        iam = ctx.iamEnforcing();
        Provisioning p = iam.provisioning();
        allowedBucket = S3Bucket.create(p, "allowed");
        otherBucket = S3Bucket.create(p, "other");
        S3Client s3 = p.client(S3Client.class);
        for (String bucket : List.of(allowedBucket, otherBucket)) {
            s3.putObject(r -> r.bucket(bucket).key(OBJECT_KEY), RequestBody.fromString(OBJECT_TEXT, StandardCharsets.UTF_8));
        }
        String allowedObjects = PolicyDocuments.objectsOf(allowedBucket);
        String otherObjects = PolicyDocuments.objectsOf(otherBucket);
        String everythingInS3 = PolicyDocuments.allow(List.of("s3:*"), List.of("*"));

        nobody = principal(p, "nobody");
        reader = principal(p, "reader");
        String readAllowed = ManagedPolicy.create(p, "read-allowed",
                PolicyDocuments.allow(List.of("s3:GetObject"), List.of(allowedObjects)), "Reads the allowed bucket's objects");
        UserPolicyAttachment.attach(p, reader.name(), readAllowed);
        wildcard = principal(p, "wildcard");
        UserInlinePolicy.put(p, wildcard.name(), "s3-everything", everythingInS3);
        denied = principal(p, "denied");
        UserInlinePolicy.put(p, denied.name(), "s3-everything", everythingInS3);
        UserInlinePolicy.put(p, denied.name(), "deny-other-objects",
                PolicyDocuments.deny(List.of("s3:GetObject"), List.of(otherObjects)));
        conditional = principal(p, "conditional");
        UserInlinePolicy.put(p, conditional.name(), "read-from-test-net", PolicyDocuments.allowFromAddress(
                List.of("s3:GetObject"), List.of(allowedObjects), PolicyDocuments.NEVER_OUR_ADDRESS));

        assumer = principal(p, "assumer");
        stranger = principal(p, "stranger");
        externalId = "labs-" + ctx.runId() + "-" + HexFormat.of().formatHex(randomBytes(6));
        trusting = IamRole.create(p, "trusting", PolicyDocuments.trust(assumer.arn(), externalId),
                "Trusts one user of " + ctx.name() + ", with an ExternalId");
        String boundary = ManagedPolicy.create(p, "boundary",
                PolicyDocuments.allow(List.of("s3:ListBucket"), List.of(PolicyDocuments.bucketArn(allowedBucket))),
                "The most the bounded role may do");
        bounded = IamRole.create(p, "bounded", PolicyDocuments.trust(assumer.arn(), null),
                "Allowed s3:* but bounded to s3:ListBucket", boundary);
        RoleInlinePolicy.put(p, bounded.name(), "s3-everything", everythingInS3);
        String assumeLabRoles = PolicyDocuments.allow(List.of("sts:AssumeRole"), List.of(trusting.arn(), bounded.arn()));
        UserInlinePolicy.put(p, assumer.name(), "assume-lab-roles", assumeLabRoles);
        UserInlinePolicy.put(p, stranger.name(), "assume-lab-roles", assumeLabRoles);
    }

    private static Principal principal(Provisioning p, String suffix) throws Exception {
        IamUser.Handle user = IamUser.create(p, suffix);
        return new Principal(user.name(), user.arn(), AccessKey.create(p, user.name()));
    }

    @Override
    public void verify(LabContext ctx, Checks check) throws Exception {
        try (Signers as = new Signers(iam)) {
            verify(ctx, check, as);
        }
    }

    private void verify(LabContext ctx, Checks check, Signers as) {
        check.that("policy-grammar-checked", p -> {
            IamClient client = ctx.client(IamClient.class);
            GetPolicyResponse stored = client.getPolicy(r -> r.policyArn(grammarPolicyArn));
            p.call("iam:GetPolicy", stored);
            p.equal("default version of the well-formed policy", "v1", stored.policy().defaultVersionId());
            MalformedPolicyDocumentException refused = p.throwsA("CreatePolicy with the Effect \"Permit\"",
                    MalformedPolicyDocumentException.class,
                    () -> ManagedPolicy.create(ctx, "malformed", PolicyDocuments.malformed(), "Not IAM's grammar"));
            p.error("iam:CreatePolicy(malformed)", refused);
        });

        check.that("signature-checked", p -> {
            enforced(p);
            Decision right = decide(ctx, p, "GetCallerIdentity signed with the user's key", ALLOWED,
                    () -> as.user(nobody.key()).client(StsClient.class).getCallerIdentity());
            p.equal("GetCallerIdentity signed with the user's key", "allowed", right.verdict());
            AwsBasicCredentials forged = AwsBasicCredentials.create(nobody.key().key().accessKeyId(), "wrong" + randomHex());
            Decision wrong = decide(ctx, p, "GetCallerIdentity signed with a wrong secret", d -> d.refusedWith(BAD_SIGNATURE),
                    () -> as.signing(StaticCredentialsProvider.create(forged)).client(StsClient.class).getCallerIdentity());
            p.equal("GetCallerIdentity signed with a wrong secret", Decision.refused(BAD_SIGNATURE), wrong.verdict());
            GetCallerIdentityResponse who = as.user(nobody.key()).client(StsClient.class).getCallerIdentity();
            p.equal("the caller STS names", nobody.arn(), who.arn());
        });

        check.that("implicit-deny", p -> {
            enforced(p);
            p.equal("GetObject as the lab's administrator", "allowed",
                    decide(ctx, p, "GetObject as the lab's administrator", ALLOWED, () -> getObject(iam.target(), allowedBucket)).verdict());
            p.equal("GetObject as the user with no policy", Decision.refused(ACCESS_DENIED),
                    decide(ctx, p, "GetObject as the user with no policy", DENIED,
                            () -> getObject(as.user(nobody.key()), allowedBucket)).verdict());
            p.equal("ListBucket as the user with no policy", Decision.refused(ACCESS_DENIED),
                    decide(ctx, p, "ListBucket as the user with no policy", DENIED,
                            () -> listBucket(as.user(nobody.key()), allowedBucket)).verdict());
        });

        check.that("allow-is-scoped", p -> {
            enforced(p);
            p.equal("GetObject of the allowed bucket as the reader", "allowed",
                    decide(ctx, p, "GetObject of the allowed bucket as the reader", ALLOWED,
                            () -> getObject(as.user(reader.key()), allowedBucket)).verdict());
            p.equal("object text read", OBJECT_TEXT, as.user(reader.key()).client(S3Client.class)
                    .getObjectAsBytes(r -> r.bucket(allowedBucket).key(OBJECT_KEY)).asUtf8String());
            p.equal("GetObject of the other bucket as the reader", Decision.refused(ACCESS_DENIED),
                    decide(ctx, p, "GetObject of the other bucket as the reader", DENIED,
                            () -> getObject(as.user(reader.key()), otherBucket)).verdict());
            p.equal("PutObject on the allowed bucket as the reader", Decision.refused(ACCESS_DENIED),
                    decide(ctx, p, "PutObject on the allowed bucket as the reader", DENIED,
                            () -> putObject(as.user(reader.key()), allowedBucket, "by-reader.txt")).verdict());
        });

        check.that("wildcard-action", p -> {
            enforced(p);
            p.equal("PutObject as the user allowed only s3:GetObject", Decision.refused(ACCESS_DENIED),
                    decide(ctx, p, "PutObject as the user allowed only s3:GetObject", DENIED,
                            () -> putObject(as.user(reader.key()), allowedBucket, "by-reader.txt")).verdict());
            p.equal("GetObject of the other bucket with s3:*", "allowed",
                    decide(ctx, p, "GetObject of the other bucket with s3:*", ALLOWED,
                            () -> getObject(as.user(wildcard.key()), otherBucket)).verdict());
            p.equal("PutObject with s3:*", "allowed", decide(ctx, p, "PutObject with s3:*", ALLOWED,
                    () -> putObject(as.user(wildcard.key()), allowedBucket, "by-wildcard.txt")).verdict());
            p.equal("ListBucket with s3:*", "allowed", decide(ctx, p, "ListBucket with s3:*", ALLOWED,
                    () -> listBucket(as.user(wildcard.key()), otherBucket)).verdict());
        });

        check.that("explicit-deny-wins", p -> {
            enforced(p);
            p.equal("GetObject of the allowed bucket under s3:* and the Deny", "allowed",
                    decide(ctx, p, "GetObject of the allowed bucket under s3:* and the Deny", ALLOWED,
                            () -> getObject(as.user(denied.key()), allowedBucket)).verdict());
            p.equal("GetObject of the denied bucket under s3:* and the Deny", Decision.refused(ACCESS_DENIED),
                    decide(ctx, p, "GetObject of the denied bucket under s3:* and the Deny", DENIED,
                            () -> getObject(as.user(denied.key()), otherBucket)).verdict());
        });

        check.that("trust-policy-names-principal", p -> {
            enforced(p);
            p.evidence("role", trusting.arn()).evidence("trustedPrincipal", assumer.arn());
            p.equal("AssumeRole as the user the trust policy names", "allowed",
                    decide(ctx, p, "AssumeRole as the user the trust policy names", ALLOWED,
                            () -> assume(as.user(assumer.key()), trusting, externalId)).verdict());
            p.equal("AssumeRole as a user the trust policy does not name", Decision.refused(ACCESS_DENIED),
                    decide(ctx, p, "AssumeRole as a user the trust policy does not name", DENIED,
                            () -> assume(as.user(stranger.key()), trusting, externalId)).verdict());
            AssumeRoleResponse session = assume(as.user(assumer.key()), trusting, externalId);
            String caller = as.signing(sessionOf(session)).client(StsClient.class).getCallerIdentity().arn();
            p.isTrue("the session is the role's", caller.contains(":assumed-role/" + trusting.name() + "/"), caller);
        });

        check.that("external-id-must-match", p -> {
            enforced(p);
            p.equal("AssumeRole with the right ExternalId", "allowed",
                    decide(ctx, p, "AssumeRole with the right ExternalId", ALLOWED,
                            () -> assume(as.user(assumer.key()), trusting, externalId)).verdict());
            p.equal("AssumeRole with a wrong ExternalId", Decision.refused(ACCESS_DENIED),
                    decide(ctx, p, "AssumeRole with a wrong ExternalId", DENIED,
                            () -> assume(as.user(assumer.key()), trusting, externalId + "-wrong")).verdict());
        });

        check.that("missing-external-id-refused", p -> {
            enforced(p);
            p.equal("AssumeRole with the right ExternalId", "allowed",
                    decide(ctx, p, "AssumeRole with the right ExternalId", ALLOWED,
                            () -> assume(as.user(assumer.key()), trusting, externalId)).verdict());
            p.equal("AssumeRole sending no ExternalId", Decision.refused(ACCESS_DENIED),
                    decide(ctx, p, "AssumeRole sending no ExternalId", DENIED,
                            () -> assume(as.user(assumer.key()), trusting, null)).verdict());
        });

        check.that("condition-must-hold", p -> {
            enforced(p);
            p.equal("GetObject as the user whose Allow has no condition", "allowed",
                    decide(ctx, p, "GetObject as the user whose Allow has no condition", ALLOWED,
                            () -> getObject(as.user(reader.key()), allowedBucket)).verdict());
            p.equal("GetObject as the user whose Allow needs aws:SourceIp 192.0.2.0/24", Decision.refused(ACCESS_DENIED),
                    decide(ctx, p, "GetObject as the user whose Allow needs aws:SourceIp 192.0.2.0/24", DENIED,
                            () -> getObject(as.user(conditional.key()), allowedBucket)).verdict());
        });

        check.that("permissions-boundary-caps", p -> {
            enforced(p);
            p.evidence("role", bounded.arn());
            AssumeRoleResponse[] session = new AssumeRoleResponse[1];
            p.equal("AssumeRole of the bounded role", "allowed", decide(ctx, p, "AssumeRole of the bounded role", ALLOWED,
                    () -> session[0] = assume(as.user(assumer.key()), bounded, null)).verdict());
            Target role = as.signing(sessionOf(session[0]));
            p.equal("ListBucket as the role, within its boundary", "allowed",
                    decide(ctx, p, "ListBucket as the role, within its boundary", ALLOWED,
                            () -> listBucket(role, allowedBucket)).verdict());
            p.equal("GetObject as the role whose boundary allows only s3:ListBucket", Decision.refused(ACCESS_DENIED),
                    decide(ctx, p, "GetObject as the role whose boundary allows only s3:ListBucket", DENIED,
                            () -> getObject(role, allowedBucket)).verdict());
        });
    }

    /** On a target that cannot say whether policies decide, no request can prove they do. */
    private void enforced(Proof p) {
        iam.cannotShow().ifPresent(p::skip);
        p.evidence("decidedBy", iam.where());
    }

    /**
     * The target's decision, asked again while AWS has not put the lab's keys and policies in force
     * yet; on an emulator the first answer is the only one.
     */
    private static Decision decide(LabContext ctx, Proof p, String what, Predicate<Decision> expected,
                                   Decision.Request request) throws Exception {
        Decision d = ctx.waits().afterChange(ctx.words("wait.decided", what), PROPAGATION, ASK_EVERY, () -> Decision.of(request), expected,
                Decision::verdict);
        p.evidence(what + ".requestId", d.requestId());
        return d;
    }

    private static AwsResponse getObject(Target as, String bucket) {
        return as.client(S3Client.class).getObjectAsBytes(r -> r.bucket(bucket).key(OBJECT_KEY)).response();
    }

    private static AwsResponse putObject(Target as, String bucket, String key) {
        return as.client(S3Client.class).putObject(r -> r.bucket(bucket).key(key),
                RequestBody.fromString("written", StandardCharsets.UTF_8));
    }

    private static AwsResponse listBucket(Target as, String bucket) {
        return as.client(S3Client.class).listObjectsV2(r -> r.bucket(bucket));
    }

    private static AssumeRoleResponse assume(Target as, IamRole.Handle role, String externalId) {
        return as.client(StsClient.class).assumeRole(r -> r.roleArn(role.arn()).roleSessionName("labs-evaluation")
                .externalId(externalId));
    }

    private static AwsCredentialsProvider sessionOf(AssumeRoleResponse session) {
        var c = session.credentials();
        return StaticCredentialsProvider.create(AwsSessionCredentials.create(c.accessKeyId(), c.secretAccessKey(),
                c.sessionToken()));
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static String randomHex() {
        return HexFormat.of().formatHex(randomBytes(16));
    }

    /**
     * Everything but the grammar check is a LocalStack gap of the same shape: each refusal the
     * lab expects comes back allowed.
     */
    private static LabInfo withLocalStackGaps(LabInfo info) {
        String reason = "LocalStack community decides no request by IAM policy: every signed request is allowed, "
                + "whoever signs it";
        String source = "localstack-core 4.14.0 evaluates no policy on requests (IAM enforcement is a Pro feature; "
                + "ENFORCE_IAM appears only in localstack/runtime/analytics.py) and does not check SigV4 signatures "
                + "of service requests";
        List<String[]> symptoms = new ArrayList<>(List.of(
                new String[] {"signature-checked", "GetCallerIdentity signed with a wrong secret"},
                new String[] {"implicit-deny", "GetObject as the user with no policy"},
                new String[] {"allow-is-scoped", "GetObject of the other bucket as the reader"},
                new String[] {"wildcard-action", "PutObject as the user allowed only s3:GetObject"},
                new String[] {"explicit-deny-wins", "GetObject of the denied bucket under s3:* and the Deny"},
                new String[] {"trust-policy-names-principal", "AssumeRole as a user the trust policy does not name"},
                new String[] {"external-id-must-match", "AssumeRole with a wrong ExternalId"},
                new String[] {"missing-external-id-refused", "AssumeRole sending no ExternalId"},
                new String[] {"condition-must-hold", "GetObject as the user whose Allow needs aws:SourceIp 192.0.2.0/24"},
                new String[] {"permissions-boundary-caps", "GetObject as the role whose boundary allows only s3:ListBucket"}));
        for (String[] s : symptoms) {
            info.gap(LOCALSTACK, s[0], Symptom.checkFails(s[1], "allowed"), reason, source);
        }
        return info;
    }
}
