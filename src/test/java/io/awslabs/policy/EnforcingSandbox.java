package io.awslabs.policy;

import io.awslabs.cleanup.Cleanup;
import io.awslabs.cleanup.TagSweep;
import io.awslabs.lab.Lab;
import io.awslabs.lab.LabInfo;
import io.awslabs.lab.LabRunner;
import io.awslabs.lab.LedgerJournal;
import io.awslabs.lab.Progress;
import io.awslabs.lab.RunIds;
import io.awslabs.lab.RunOptions;
import io.awslabs.report.RunReport;
import io.awslabs.resources.ResourceKind;
import io.awslabs.resources.RunMatcher;
import io.awslabs.resources.UnsupportedApi;
import io.awslabs.resources.Wait;
import io.awslabs.targets.EmulatorIdentity;
import io.awslabs.targets.EmulatorTarget;
import io.awslabs.targets.IamEnforcement;
import io.awslabs.targets.MotoServer;
import io.awslabs.targets.Target;
import io.awslabs.targets.TargetKind;
import io.awslabs.testing.Leftovers;
import io.awslabs.testing.SharedMoto;
import io.awslabs.testing.SlowProxy;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;

/**
 * An account of the test's own that enforces IAM: a moto server with enforcement on, behind a
 * proxy that reads moto's answers, so a denial is seen even where a lab turns it into a status.
 * moto names the action it refused ("is not authorized to perform: kms:CreateKey"), except S3,
 * which answers AccessDenied without naming it. One run at a time per sandbox, so every denial
 * seen meanwhile is that run's.
 *
 * <p>No run weighs on the next: what a denied teardown left is deleted as the administrator, the
 * way {@code labs cleanup} does, and a run starts in an empty account when the lab changes or the
 * run before it kept its resources. Emptying costs about a second (moto rebuilds its EC2 and IAM
 * backends), so it is not done after every run.
 */
final class EnforcingSandbox implements AutoCloseable {
    private static final Pattern NAMED_DENIAL = Pattern.compile("is not authorized to perform: ([a-z0-9-]+:[A-Za-z0-9]+)");
    private static final Pattern S3_DENIAL = Pattern.compile("<Code>AccessDenied</Code>");
    private static final String ADMINISTRATOR = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}""";
    /** The administrator's three requests (user, policy, key) that moto lets through before it enforces again. */
    private static final String ADMIN_BOOTSTRAP_REQUESTS = "3";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final IamEnforcement.Enforcing moto;
    private final SlowProxy proxy;
    private final Set<String> named = ConcurrentHashMap.newKeySet();
    private final Set<String> s3Denied = ConcurrentHashMap.newKeySet();
    private AwsBasicCredentials admin;
    private String accountOf = "";
    private boolean kept;
    private int users;

    private EnforcingSandbox(IamEnforcement.Enforcing moto, SlowProxy proxy) {
        this.moto = moto;
        this.proxy = proxy;
    }

    static EnforcingSandbox start() throws IOException {
        IamEnforcement.Enforcing moto;
        try (Target shared = SharedMoto.target()) {
            moto = ((IamEnforcement.Enforced) shared.iamEnforcement()).open(line -> { });
        }
        EnforcingSandbox sandbox = new EnforcingSandbox(moto, new SlowProxy(moto.target().endpoint().orElseThrow()));
        sandbox.proxy.listen(sandbox::readDenials);
        return sandbox;
    }

    /** The run's report, what moto refused, what the sweep threw, and whether moto lacks one of the lab's services. */
    record Run(RunReport report, Denials denials, Optional<Exception> sweepFailure, boolean lacksService) { }

    /**
     * Runs the lab in this lab's account (emptied first when the lab changed or the run before was
     * kept) as a new user with exactly these actions (a managed policy
     * of its own, as an administrator attaches {@code labs policy}'s output), then searches the
     * run's resources as that user the way {@code labs cleanup} does. {@code keep}: the run leaves
     * its resources, as {@code --keep} does, for the sweep to find. The lab waits on the clock
     * {@code clock} makes from what has been refused so far.
     */
    Run runAs(Lab lab, Collection<String> actions, boolean keep, Function<Supplier<Denials>, Wait.Clock> clock)
            throws Exception {
        if (kept || !accountOf.equals(lab.info().id())) {
            freshAccount();
            accountOf = lab.info().id();
        }
        named.clear();
        s3Denied.clear();
        AwsBasicCredentials user = userWith(lab.info().id(), PolicyDocument.allowing(actions, false).pretty());
        String runId = RunIds.next();
        try (Target asUser = target(user)) {
            boolean lacksService = asUser.lacks(lab.info().services(), lab.info().apis()).isPresent();
            RunReport report = new LabRunner(asUser, new RunOptions(keep, Duration.ofHours(1), Map.of(), 0), Progress.SILENT,
                    runId, "test", LedgerJournal.NONE, clock.apply(this::denials)).run(List.of(lab));
            Optional<Exception> sweepFailure = Optional.empty();
            try {
                sweepAsCleanupDoes(asUser, lab.info(), runId);
            } catch (Exception e) {
                sweepFailure = Optional.of(e);
            }
            Denials seen = denials();
            kept = keep;
            if (!keep && report.labs().stream().flatMap(l -> l.teardown().stream()).anyMatch(t -> t.outcome().leftSomething())) {
                cleanUpAsAdmin(runId);
            }
            return new Run(report, seen, sweepFailure, lacksService);
        }
    }

    /** What moto refused so far in this run: actions by name, and S3 requests. */
    record Denials(Set<String> named, Set<String> s3Denied) {
        /** Whether one of these actions was refused by name, or an S3 request when one of them is an S3 action. */
        boolean anyOf(Set<String> actions) {
            return named.stream().anyMatch(actions::contains)
                    || actions.stream().anyMatch(a -> a.startsWith("s3:")) && !s3Denied.isEmpty();
        }
    }

    private Denials denials() {
        return new Denials(Set.copyOf(named), Set.copyOf(s3Denied));
    }

    /**
     * An empty account whose only principal is an administrator: moto forgets every resource
     * and user ({@code POST /moto-api/reset}), then lets the administrator's own creation through
     * unchecked ({@code /moto-api/reset-auth} with a count, moto_api/_internal/responses.py).
     */
    private void freshAccount() throws Exception {
        URI endpoint = moto.target().endpoint().orElseThrow();
        post(endpoint.resolve("/moto-api/reset"), "");
        post(endpoint.resolve("/moto-api/reset-auth"), ADMIN_BOOTSTRAP_REQUESTS);
        IamClient unchecked = moto.target().client(IamClient.class);
        unchecked.createUser(r -> r.userName("administrator"));
        unchecked.putUserPolicy(r -> r.userName("administrator").policyName("administrator").policyDocument(ADMINISTRATOR));
        AccessKey key = unchecked.createAccessKey(r -> r.userName("administrator")).accessKey();
        admin = AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey());
    }


    private static void post(URI uri, String body) throws IOException, InterruptedException {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException(uri + " answered " + answer.statusCode() + ": " + answer.body());
        }
    }

    private void cleanUpAsAdmin(String runId) throws Exception {
        Path journals = Files.createTempDirectory("lp-journals");
        Cleanup.SweepTarget sweep = new Cleanup.SweepTarget(TargetKind.ENDPOINT, proxy.endpoint(), "us-east-1", null);
        try (Cleanup cleanup = new Cleanup(journals, (kind, endpoint, region, profile) -> target(admin), sweep,
                RunOptions.DEFAULT_LIFETIME, true)) {
            cleanup.run(new Cleanup.Selection(Set.of(runId), false, null));
        }
    }

    /** What the run left in the account, as its administrator finds it. */
    List<String> leftoversOf(String runId) throws Exception {
        try (Target asAdmin = target(admin)) {
            return Leftovers.of(asAdmin, runId);
        }
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

    /** A user of this account with this one managed policy attached, and its access key. */
    private AwsBasicCredentials userWith(String purpose, String policyDocument) {
        String name = "lp-" + ++users + "-" + purpose;
        try (Target asAdmin = target(admin)) {
            IamClient iam = asAdmin.client(IamClient.class);
            String arn = iam.createPolicy(r -> r.policyName(name).policyDocument(policyDocument)).policy().arn();
            iam.createUser(r -> r.userName(name));
            iam.attachUserPolicy(r -> r.userName(name).policyArn(arn));
            AccessKey key = iam.createAccessKey(r -> r.userName(name)).accessKey();
            return AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey());
        }
    }

    private Target target(AwsBasicCredentials credentials) {
        try (Target plain = new EmulatorTarget(TargetKind.MOTO, Optional.of(EmulatorIdentity.moto(MotoServer.VERSION)),
                proxy.endpoint(), "us-east-1", 0, () -> { })) {
            return plain.actingAs(StaticCredentialsProvider.create(credentials));
        }
    }

    private void readDenials(String request, String answer) {
        Matcher refused = NAMED_DENIAL.matcher(answer);
        while (refused.find()) {
            named.add(refused.group(1));
        }
        if (S3_DENIAL.matcher(answer).find()) {
            s3Denied.add(request);
        }
    }

    @Override
    public void close() throws Exception {
        proxy.close();
        moto.target().close();
    }
}
