package io.awslabs.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.awslabs.cleanup.Cleanup;
import io.awslabs.cleanup.TagSweep;
import io.awslabs.lab.Lab;
import io.awslabs.lab.LabCatalog;
import io.awslabs.lab.LabInfo;
import io.awslabs.lab.LabRunner;
import io.awslabs.lab.Progress;
import io.awslabs.lab.RunIds;
import io.awslabs.lab.RunOptions;
import io.awslabs.report.AssertionRecord;
import io.awslabs.report.LabReport;
import io.awslabs.report.RunReport;
import io.awslabs.report.Status;
import io.awslabs.report.TeardownRecord;
import io.awslabs.report.TeardownRecord.Outcome;
import io.awslabs.resources.ResourceKind;
import io.awslabs.resources.RunMatcher;
import io.awslabs.resources.UnsupportedApi;
import io.awslabs.targets.EmulatorIdentity;
import io.awslabs.targets.EmulatorKind;
import io.awslabs.targets.EmulatorTarget;
import io.awslabs.targets.IamEnforcement;
import io.awslabs.targets.MotoServer;
import io.awslabs.targets.Target;
import io.awslabs.targets.TargetKind;
import io.awslabs.testing.Leftovers;
import io.awslabs.testing.SharedMoto;
import io.awslabs.testing.SlowProxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;

/**
 * Least privilege, proven on moto with IAM enforcement on: a user given exactly {@code labs
 * policy LAB} runs the lab to the statuses its contract proves without enforcement, leaves
 * nothing, and finds the run's resources the way {@code labs cleanup} does (tag sweep and each
 * kind's search by name); without any one action of that policy, the run is denied somewhere.
 *
 * <p>The requests go through a proxy that reads moto's answers, so a denial is seen even where
 * a lab turns it into a status: moto names the action it refused ("is not authorized to perform:
 * kms:CreateKey"), except S3, which answers AccessDenied without naming it.
 *
 * <p>The removal runs are many: by default they cover {@link #DEFAULT_REMOVAL_LABS}; {@code
 * -Pleast-privilege} covers every lab.
 */
class LeastPrivilegeIT {
    private static final String DEFAULT_REMOVAL_LABS = "kms-envelope-encryption";
    private static final Set<Outcome> NOTHING_LEFT = EnumSet.of(Outcome.DELETED, Outcome.ALREADY_GONE, Outcome.SCHEDULED);
    private static final Pattern NAMED_DENIAL = Pattern.compile("is not authorized to perform: ([a-z0-9-]+:[A-Za-z0-9]+)");
    private static final Pattern S3_DENIAL = Pattern.compile("<Code>AccessDenied</Code>");

    /**
     * The names moto checks where they differ from AWS's IAM actions: the attached policy adds
     * them next to the AWS action the printed policy holds (and the removal test removes them
     * with it). The printed policy keeps AWS's names only.
     */
    private static final Map<String, List<String>> MOTO_NAMES = Map.of(
            // moto/core/responses.py: the action's service is the request's signing name, "tagging" for this API
            "tag:GetResources", List.of("tagging:GetResources"),
            // moto/s3/responses.py ACTION_MAP: HEAD on a bucket is "HeadBucket"
            "s3:ListBucket", List.of("s3:HeadBucket"),
            // moto/s3/responses.py ACTION_MAP has no "publicAccessBlock" nor "encryption" query key for a bucket
            // (its key is public_access_block), so these fall to the method's DEFAULT: GET ListBucket, PUT
            // CreateBucket, DELETE DeleteBucket
            "s3:GetBucketPublicAccessBlock", List.of("s3:ListBucket"),
            "s3:PutBucketPublicAccessBlock", List.of("s3:CreateBucket", "s3:DeleteBucket"),
            "s3:GetEncryptionConfiguration", List.of("s3:ListBucket"),
            "s3:PutEncryptionConfiguration", List.of("s3:CreateBucket"),
            // moto/core/responses.py: a REST operation's name, CreateDistributionWithTags, is its action
            "cloudfront:CreateDistribution", List.of("cloudfront:CreateDistributionWithTags"));

    /**
     * Assertions whose requests cannot be compared under enforcement: moto's access control reads
     * a request's Authorization header (moto/iam/access_control.py IAMRequestBase), so an unsigned
     * request (a presigned URL, an anonymous GET, a token-authorized Cognito call) answers 500.
     */
    private static final Map<String, Set<String>> UNSIGNED = Map.of(
            "s3-presigned-upload", Set.of("presigned-put-uploads-without-credentials", "presigned-get-serves-same-bytes",
                    "signature-bound-to-one-object", "expired-url-refused", "signed-content-type-enforced",
                    "unsigned-put-refused"),
            "cognito-user-and-identity-pools", Set.of("global-sign-out-revokes-access-token"),
            "cloudfront-private-origin", Set.of("anonymous-s3-get-denied"),
            "s3-static-website-cors", Set.of("private-object-refused-until-public-policy", "website-serves-index-document",
                    "website-serves-error-document", "cors-allowed-origin-gets-allow-origin", "cors-other-origin-gets-none"));

    /** Actions whose removal moto cannot show, with why; any other action's removal must be denied. */
    private static final Map<String, String> UNCHECKED_ON_MOTO = Map.of(
            "kms:TagResource", "moto authorizes CreateKey's tags as part of kms:CreateKey",
            "kms:RotateKeyOnDemand", "moto lacks the call: the lab's declared gap skips the assertion before it is made",
            "sts:GetCallerIdentity", "moto lets every caller ask who it is (moto/iam/access_control.py "
                    + "check_action_permitted), as AWS does; the policy grants it for the guard's sake",
            "iam:ListAccountAliases", "only the aws target's account guard calls it");

    /** Labs none of whose calls the user's policy decides on moto, with why: no removal can show anything there. */
    private static final Map<String, String> DECIDED_ELSEWHERE = Map.of(
            "iam-policy-evaluation", "on moto the lab proves enforcement in a moto of its own (LabContext.iamEnforcing), "
                    + "where it is that moto's administrator; on AWS it acts in the account, as this user",
            "global-accelerator-anycast", "moto has no Global Accelerator: the lab is SKIPPED before any call");

    private static final String ADMINISTRATOR = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}""";

    private static IamEnforcement.Enforcing moto;
    private static SlowProxy proxy;
    private static AwsBasicCredentials admin;
    private static final Set<String> namedDenials = ConcurrentHashMap.newKeySet();
    private static final Set<String> s3Denials = ConcurrentHashMap.newKeySet();
    private static final AtomicInteger users = new AtomicInteger();

    @BeforeAll
    static void startAnEnforcingMoto() throws Exception {
        try (Target shared = SharedMoto.target()) {
            moto = ((IamEnforcement.Enforced) shared.iamEnforcement()).open(line -> { });
        }
        admin = userWith("admin", ADMINISTRATOR);
        proxy = new SlowProxy(moto.target().endpoint().orElseThrow());
        proxy.listen(LeastPrivilegeIT::readDenials);
    }

    @AfterAll
    static void stop() throws Exception {
        if (proxy != null) {
            proxy.close();
        }
        if (moto != null) {
            moto.target().close();
        }
    }

    static Stream<String> labs() {
        return new LabCatalog().all().stream().map(lab -> lab.info().id());
    }

    static Stream<Arguments> removals() {
        String selected = System.getProperty("labs.removal.labs", DEFAULT_REMOVAL_LABS);
        Stream<String> ids = selected.equals("all") ? labs() : Stream.of(selected.split(","));
        return ids.flatMap(id -> LabPolicy.actionsOf(lab(id).info()).stream()
                .filter(action -> !UNCHECKED_ON_MOTO.containsKey(action))
                .map(action -> Arguments.of(id, action)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("labs")
    void aUserWithExactlyTheLabsPolicyRunsItAsWithoutEnforcementAndLeavesNothing(String id) throws Exception {
        Lab lab = lab(id);
        SortedSet<String> policy = LabPolicy.actionsOf(lab.info());

        Run run = runAs(lab, policy);

        assertThat(run.named()).as(id + ": actions moto refused").isEmpty();
        assertThat(run.s3Denied()).as(id + ": S3 requests moto refused").isEmpty();
        assertThat(run.sweepFailure()).as(id + ": the sweep as the user").isEmpty();
        LabReport report = run.report().labs().get(0);
        Map<String, Status> expected = expectedStatuses(lab.info(), run.lacksService());
        Map<String, Status> actual = new LinkedHashMap<>();
        report.assertions().forEach(a -> actual.put(a.id(), a.status()));
        UNSIGNED.getOrDefault(id, Set.of()).forEach(a -> {
            expected.remove(a);
            actual.remove(a);
        });
        assertThat(actual).as(id + ": " + reasons(report)).isEqualTo(expected);
        assertThat(report.teardown()).extracting(TeardownRecord::outcome).isSubsetOf(NOTHING_LEFT);
        try (Target asAdmin = target(admin)) {
            assertThat(Leftovers.of(asAdmin, run.report().runId())).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0} without {1}")
    @MethodSource("removals")
    void withoutAnyOneActionOfItsPolicyTheLabIsDenied(String id, String action) throws Exception {
        Lab lab = lab(id);
        SortedSet<String> full = LabPolicy.actionsOf(lab.info());
        SortedSet<String> policy = new TreeSet<>(full);
        policy.remove(action);
        assumeFalse(DECIDED_ELSEWHERE.containsKey(id), id + ": " + DECIDED_ELSEWHERE.get(id));
        Set<String> withdrawn = new TreeSet<>(withMotoNames(full));
        withdrawn.removeAll(withMotoNames(policy));
        assumeFalse(withdrawn.isEmpty(), id + ": moto checks " + action + " only as " + MOTO_NAMES.get(action)
                + ", which the policy still grants for their own sake");

        Run run = runAs(lab, policy);
        cleanUpAsAdmin(run.report().runId());

        boolean denied = run.named().stream().anyMatch(withdrawn::contains)
                || withdrawn.stream().anyMatch(a -> a.startsWith("s3:")) && !run.s3Denied().isEmpty();
        assertThat(denied).as(id + ": a run without " + action + " (attached without " + withdrawn
                + ") was denied it; moto refused " + run.named() + " and the S3 requests " + run.s3Denied()
                + "; the sweep: " + run.sweepFailure()).isTrue();
    }

    /** The run's report, the actions moto refused by name, the S3 requests it refused, and what the sweep threw. */
    private record Run(RunReport report, Set<String> named, Set<String> s3Denied, Optional<Exception> sweepFailure,
                       boolean lacksService) { }

    /**
     * Runs the lab as a new user with exactly these actions (a managed policy of its own, as an
     * administrator attaches {@code labs policy}'s output), then searches the run's resources as
     * that user the way {@code labs cleanup} does. Labs run one at a time, so every denial seen
     * meanwhile is this run's.
     */
    private static synchronized Run runAs(Lab lab, Collection<String> actions) throws Exception {
        AwsBasicCredentials user = userWith(lab.info().id(),
                PolicyDocument.allowing(withMotoNames(actions), false).pretty());
        namedDenials.clear();
        s3Denials.clear();
        String runId = RunIds.next();
        RunReport report;
        Optional<Exception> sweepFailure = Optional.empty();
        boolean lacksService;
        try (Target asUser = target(user)) {
            lacksService = asUser.lacks(lab.info().services(), lab.info().apis()).isPresent();
            report = new LabRunner(asUser, new RunOptions(false, Duration.ofHours(1), Map.of(), 0), Progress.SILENT, runId,
                    "test").run(List.of(lab));
            try {
                sweepAsCleanupDoes(asUser, lab.info(), runId);
            } catch (Exception e) {
                sweepFailure = Optional.of(e);
            }
        }
        return new Run(report, Set.copyOf(namedDenials), Set.copyOf(s3Denials), sweepFailure, lacksService);
    }

    /** The tag sweep, and each provisioned kind's search by name, except where moto lacks the kind's API. */
    private static void sweepAsCleanupDoes(Target asUser, LabInfo lab, String runId) throws Exception {
        TagSweep.ofRun(asUser, runId);
        for (ResourceKind kind : lab.provisions()) {
            try {
                kind.find(asUser, RunMatcher.of(runId));
            } catch (AwsServiceException e) {
                if (UnsupportedApi.reason(kind.type(), e).isEmpty()) {
                    throw e;
                }
            }
        }
    }

    private static SortedSet<String> withMotoNames(Collection<String> actions) {
        SortedSet<String> attached = new TreeSet<>(actions);
        actions.forEach(a -> attached.addAll(MOTO_NAMES.getOrDefault(a, List.of())));
        return attached;
    }

    /** A user of the enforcing moto with this one managed policy attached, and its access key. */
    private static AwsBasicCredentials userWith(String purpose, String policyDocument) {
        String name = "lp-" + users.incrementAndGet() + "-" + purpose;
        IamClient iam = moto.target().client(IamClient.class);
        String arn = iam.createPolicy(r -> r.policyName(name).policyDocument(policyDocument)).policy().arn();
        iam.createUser(r -> r.userName(name));
        iam.attachUserPolicy(r -> r.userName(name).policyArn(arn));
        AccessKey key = iam.createAccessKey(r -> r.userName(name)).accessKey();
        return AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey());
    }

    private static Target target(AwsBasicCredentials credentials) {
        try (Target plain = new EmulatorTarget(TargetKind.MOTO, Optional.of(EmulatorIdentity.moto(MotoServer.VERSION)),
                proxy.endpoint(), "us-east-1", 0, () -> { })) {
            return plain.actingAs(StaticCredentialsProvider.create(credentials));
        }
    }

    private static void readDenials(String request, String answer) {
        Matcher named = NAMED_DENIAL.matcher(answer);
        while (named.find()) {
            namedDenials.add(named.group(1));
        }
        if (S3_DENIAL.matcher(answer).find()) {
            s3Denials.add(request);
        }
    }

    /** What a denied teardown left, deleted as the administrator, so that no removal run weighs on the next. */
    private static void cleanUpAsAdmin(String runId) throws Exception {
        Path journals = Files.createTempDirectory("lp-journals");
        Cleanup.SweepTarget sweep = new Cleanup.SweepTarget(TargetKind.ENDPOINT, proxy.endpoint(), "us-east-1", null);
        try (Cleanup cleanup = new Cleanup(journals, (kind, endpoint, region, profile) -> target(admin), sweep,
                RunOptions.DEFAULT_LIFETIME, true)) {
            cleanup.run(new Cleanup.Selection(Set.of(runId), false, null));
        }
    }

    /** PASS, except moto's declared gaps and the AWS-only assertions: what the lab's contract proves without enforcement. */
    private static Map<String, Status> expectedStatuses(LabInfo info, boolean lacksService) {
        Map<String, Status> expected = new LinkedHashMap<>();
        for (LabInfo.AssertionInfo a : info.assertions()) {
            boolean skipped = lacksService || info.awsOnly().containsKey(a.id()) || info.gapFor(EmulatorKind.MOTO, a.id()).isPresent();
            expected.put(a.id(), skipped ? Status.SKIPPED : Status.PASS);
        }
        return expected;
    }

    private static Lab lab(String id) {
        return new LabCatalog().find(id).orElseThrow();
    }

    private static String reasons(LabReport report) {
        StringBuilder text = new StringBuilder();
        for (AssertionRecord a : report.assertions()) {
            if (a.status() != Status.PASS) {
                text.append(a.id()).append(' ').append(a.status()).append(": ").append(a.reason()).append('\n');
            }
        }
        report.teardown().stream().filter(t -> !NOTHING_LEFT.contains(t.outcome()))
                .forEach(t -> text.append("teardown ").append(t.type()).append(' ').append(t.message()).append('\n'));
        return text.toString();
    }
}
