package io.awslabs.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.awslabs.lab.Lab;
import io.awslabs.lab.LabCatalog;
import io.awslabs.lab.LabInfo;
import io.awslabs.report.AssertionRecord;
import io.awslabs.report.LabReport;
import io.awslabs.report.Status;
import io.awslabs.report.TeardownRecord;
import io.awslabs.report.TeardownRecord.Outcome;
import io.awslabs.resources.Wait;
import io.awslabs.targets.EmulatorKind;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Least privilege, proven on moto with IAM enforcement on: a user given exactly {@code labs
 * policy LAB} runs the lab to the statuses its contract proves without enforcement, leaves
 * nothing, and finds the run's resources the way {@code labs cleanup} does (tag sweep and each
 * kind's search by name); without any one action of that policy, the run is denied somewhere.
 *
 * <p>Each run has an account of its own ({@link EnforcingSandbox}); runs go on at once, one per
 * core. A removal run stops waiting once the withdrawn action is denied ({@link UntilDenied}).
 *
 * <p>The removal runs cover every lab ({@code -Dlabs.removal.labs=ID,...} narrows them while
 * working on a lab). A removal the run shows no denial of is SKIPPED only with a reason from
 * {@link WhyMotoCannotShow}; without one it fails.
 */
@Execution(ExecutionMode.CONCURRENT)
class LeastPrivilegeIT {
    private static final Set<Outcome> NOTHING_LEFT = EnumSet.of(Outcome.DELETED, Outcome.ALREADY_GONE, Outcome.SCHEDULED);
    /** As many runs at once as the machine has cores: each waits mostly on its own moto. */
    private static final int WORKERS = Runtime.getRuntime().availableProcessors();

    /**
     * What moto checks for an action, where it is not the action itself: the attached policy adds
     * these names next to the AWS action the printed policy holds (and a removal withdraws them
     * with it, unless another action of the policy still needs them). The printed policy keeps
     * AWS's names only.
     */
    private static final Map<String, List<String>> MOTO_CHECKS = Map.of(
            // moto/core/responses.py: the action's service is the request's signing name, "tagging" for this API
            "tag:GetResources", List.of("tagging:GetResources"),
            // moto/s3/responses.py ACTION_MAP: HEAD on a bucket is "HeadBucket"
            "s3:ListBucket", List.of("s3:ListBucket", "s3:HeadBucket"),
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

    /** Labs none of whose calls the user's policy decides on moto, with why: no removal can show anything there. */
    private static final Map<String, String> DECIDED_ELSEWHERE = Map.of(
            "iam-policy-evaluation", "on moto the lab proves enforcement in a moto of its own (LabContext.iamEnforcing), "
                    + "where it is that moto's administrator; on AWS it acts in the account, as this user",
            "global-accelerator-anycast", "moto has no Global Accelerator: the lab is SKIPPED before any call");

    /** One sandbox per worker: JUnit runs this class's tests concurrently, each with a sandbox to itself. */
    private static final BlockingQueue<EnforcingSandbox> sandboxes = new LinkedBlockingQueue<>();
    private static final List<EnforcingSandbox> started = new ArrayList<>();

    @BeforeAll
    static void startOneEnforcingSandboxPerWorker() throws Exception {
        for (int i = 0; i < WORKERS; i++) {
            EnforcingSandbox sandbox = EnforcingSandbox.start();
            started.add(sandbox);
            sandboxes.add(sandbox);
        }
    }

    @AfterAll
    static void stop() throws Exception {
        for (EnforcingSandbox sandbox : started) {
            sandbox.close();
        }
    }

    static Stream<String> labs() {
        return new LabCatalog().all().stream().map(lab -> lab.info().id());
    }

    static Stream<Arguments> removals() {
        String selected = System.getProperty("labs.removal.labs", "all");
        Stream<String> ids = selected.equals("all") ? labs() : Stream.of(selected.split(","));
        return ids.flatMap(id -> LabPolicy.actionsOf(lab(id).info()).stream().map(action -> Arguments.of(id, action)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("labs")
    void aUserWithExactlyTheLabsPolicyRunsItAsWithoutEnforcementAndLeavesNothing(String id) throws Exception {
        Lab lab = lab(id);
        SortedSet<String> policy = LabPolicy.actionsOf(lab.info());

        List<String> leftovers = new ArrayList<>();
        EnforcingSandbox.Run run = inASandbox(sandbox -> {
            EnforcingSandbox.Run done = sandbox.runAs(lab, withMotoNames(policy), false, denials -> Wait.Clock.SYSTEM);
            leftovers.addAll(sandbox.leftoversOf(done.report().runId()));
            return done;
        });

        assertThat(run.denials().named()).as(id + ": actions moto refused").isEmpty();
        assertThat(run.denials().s3Denied()).as(id + ": S3 requests moto refused").isEmpty();
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
        assertThat(leftovers).as(id + ": left in the account").isEmpty();
    }

    @ParameterizedTest(name = "{0} without {1}")
    @MethodSource("removals")
    void withoutAnyOneActionOfItsPolicyTheLabIsDenied(String id, String action) throws Exception {
        Lab lab = lab(id);
        SortedSet<String> full = LabPolicy.actionsOf(lab.info());
        SortedSet<String> policy = new TreeSet<>(full);
        policy.remove(action);
        assumeFalse(DECIDED_ELSEWHERE.containsKey(id), id + ": " + DECIDED_ELSEWHERE.get(id));
        Set<String> withdrawn = motoChecks(full);
        withdrawn.removeAll(withMotoNames(policy));
        assumeFalse(withdrawn.isEmpty(), id + ": moto checks " + action + " only as " + MOTO_CHECKS.get(action)
                + ", which the policy still grants for their own sake");
        boolean keep = sweepOnly(lab.info()).contains(action);

        EnforcingSandbox.Run run = inASandbox(sandbox -> sandbox.runAs(lab, withMotoNames(policy), keep,
                denials -> new UntilDenied(() -> denials.get().anyOf(withdrawn))));

        boolean denied = run.denials().anyOf(withdrawn);
        Optional<String> why = WhyMotoCannotShow.forRemoving(id, action);
        if (!denied && why.isPresent()) {
            Assumptions.abort(id + " without " + action + ", not denied on moto: " + why.get());
        }
        assertThat(denied).as(id + ": a run without " + action + " (attached without " + withdrawn
                + ") was denied it; moto refused " + run.denials().named() + " and the S3 requests "
                + run.denials().s3Denied() + "; the sweep: " + run.sweepFailure()).isTrue();
    }

    /**
     * The actions only {@code labs cleanup}'s search by name needs. It calls them on what a run
     * left, and a run that tears down leaves nothing, so their removal runs keep the run's
     * resources (as {@code --keep} does) for the user's sweep to find, then delete them as the
     * administrator.
     */
    private static Set<String> sweepOnly(LabInfo info) {
        Set<String> only = new TreeSet<>();
        info.provisions().forEach(kind -> only.addAll(kind.sweepActions()));
        only.removeAll(info.calls());
        info.provisions().forEach(kind -> only.removeAll(kind.actions()));
        return only;
    }

    private interface InSandbox {
        EnforcingSandbox.Run run(EnforcingSandbox sandbox) throws Exception;
    }

    /** What is done in a sandbox no other test uses meanwhile. */
    private static EnforcingSandbox.Run inASandbox(InSandbox work) throws Exception {
        EnforcingSandbox sandbox = sandboxes.take();
        try {
            return work.run(sandbox);
        } finally {
            sandboxes.add(sandbox);
        }
    }

    /** The actions and what moto checks for them. */
    private static SortedSet<String> withMotoNames(Collection<String> actions) {
        SortedSet<String> attached = new TreeSet<>(actions);
        attached.addAll(motoChecks(actions));
        return attached;
    }

    private static SortedSet<String> motoChecks(Collection<String> actions) {
        SortedSet<String> checked = new TreeSet<>();
        actions.forEach(a -> checked.addAll(MOTO_CHECKS.getOrDefault(a, List.of(a))));
        return checked;
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
