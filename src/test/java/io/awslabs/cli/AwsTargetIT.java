package io.awslabs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.awslabs.report.AssertionRecord;
import io.awslabs.report.ReportJson;
import io.awslabs.report.RunReport;
import io.awslabs.report.Status;
import io.awslabs.targets.Target;
import io.awslabs.testing.JarProcess;
import io.awslabs.testing.SharedMoto;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * {@code --target aws} end to end, the jar as a separate process, against moto standing in for
 * an account: the guards refuse before anything exists, the plan says what will exist, and an
 * allow-listed account runs the lab.
 */
class AwsTargetIT {
    private static final String LAB = "kms-envelope-encryption";

    @TempDir
    Path dir;

    private static String runIdOf(String stderr) {
        Matcher m = Pattern.compile("run ([a-z0-9]{8}):").matcher(stderr);
        assertThat(m.find()).as(stderr).isTrue();
        return m.group(1);
    }

    @Test
    void withoutCredentialsTheRunStopsWithExit3AndAHint() throws Exception {
        Map<String, String> env = AwsOnMoto.env(dir);
        env.remove("AWS_ACCESS_KEY_ID");
        env.remove("AWS_SECRET_ACCESS_KEY");

        JarProcess.Result run = AwsOnMoto.run(dir, env, "run", LAB, "--target", "aws", "--region", "us-east-1",
                "--account", AwsOnMoto.ACCOUNT, "--yes");

        assertThat(run.code()).as(run.err()).isEqualTo(ExitCodes.ENVIRONMENT);
        assertThat(run.err()).contains("labs: no AWS credentials found", "hint: configure a sandbox profile")
                .doesNotContain("\tat ");
    }

    /** Without credentials the region is not the problem: "no region" first would send a learner the wrong way. */
    @Test
    void withoutCredentialsOrARegionItSaysNoCredentialsFirst() throws Exception {
        Map<String, String> env = AwsOnMoto.env(dir);
        env.remove("AWS_ACCESS_KEY_ID");
        env.remove("AWS_SECRET_ACCESS_KEY");

        JarProcess.Result run = AwsOnMoto.run(dir, env, "run", LAB, "--target", "aws", "--account", AwsOnMoto.ACCOUNT, "--yes");

        assertThat(run.code()).as(run.err()).isEqualTo(ExitCodes.ENVIRONMENT);
        assertThat(run.err().lines().filter(l -> l.startsWith("labs: "))).containsExactly("labs: no AWS credentials found");
        assertThat(run.err()).doesNotContain("region");
    }

    @Test
    void aProfileThatDoesNotExistIsNamedAsSuch() throws Exception {
        JarProcess.Result run = AwsOnMoto.run(dir, AwsOnMoto.env(dir), "run", LAB, "--target", "aws", "--profile", "sandbx",
                "--account", AwsOnMoto.ACCOUNT, "--yes");

        Path aws = dir.resolve("home").resolve(".aws");
        assertThat(run.code()).as(run.err()).isEqualTo(ExitCodes.ENVIRONMENT);
        assertThat(run.err().lines().filter(l -> l.startsWith("labs: "))).containsExactly("labs: AWS profile 'sandbx' does "
                + "not exist (looked in " + aws.resolve("config") + " and " + aws.resolve("credentials") + ")");
        assertThat(run.err()).contains("hint: 'aws configure list-profiles' lists the profiles there").doesNotContain("\tat ");
    }

    @Test
    void anAccountThatIsNotAllowListedIsRefusedInOneLineBeforeAnythingIsCreated() throws Exception {
        JarProcess.Result run = AwsOnMoto.run(dir, AwsOnMoto.env(dir), "run", LAB, "--target", "aws",
                "--region", "us-east-1", "--account", "111111111111", "--yes");

        assertThat(run.code()).as(run.err()).isEqualTo(ExitCodes.ENVIRONMENT);
        assertThat(run.err().lines().filter(l -> l.startsWith("labs: ")))
                .containsExactly("labs: refusing to use account 123456789012: it is not allow-listed (allowed: 111111111111)");
        assertThat(run.err()).contains("hint: check --profile").doesNotContain("Plan for run");
        assertThat(SharedMoto.state().mentioning(runIdOf(run.err()))).isEmpty();
        assertThat(AwsOnMoto.journals(dir)).doesNotExist();
    }

    @Test
    void anAccountWhoseAliasSaysProdIsRefusedUnlessTheOverrideIsGiven() throws Exception {
        try (Target moto = SharedMoto.target()) {
            IamClient iam = moto.client(IamClient.class);
            iam.createAccountAlias(r -> r.accountAlias("acme-prod"));
            try {
                JarProcess.Result refused = AwsOnMoto.run(dir, AwsOnMoto.env(dir), "run", LAB, "--target", "aws",
                        "--region", "us-east-1", "--account", AwsOnMoto.ACCOUNT, "--yes");
                JarProcess.Result overridden = AwsOnMoto.run(dir, AwsOnMoto.env(dir), "run", LAB, "--target", "aws",
                        "--region", "us-east-1", "--account", AwsOnMoto.ACCOUNT, "--yes", "--allow-prod-alias");

                assertThat(refused.code()).as(refused.err()).isEqualTo(ExitCodes.ENVIRONMENT);
                assertThat(refused.err()).contains("labs: refusing to use account 123456789012: its alias 'acme-prod' "
                        + "contains \"prod\"", "hint: if it really is a sandbox, pass --allow-prod-alias");
                assertThat(SharedMoto.state().mentioning(runIdOf(refused.err()))).isEmpty();
                assertThat(overridden.err()).contains("(alias acme-prod)", "provision ok");
                assertThat(SharedMoto.state().liveResourcesOf(runIdOf(overridden.err()))).isEmpty();
            } finally {
                iam.deleteAccountAlias(r -> r.accountAlias("acme-prod"));
            }
        }
    }

    @Test
    void thePlanSaysWhereWhatAndHowMuchAndWithoutATerminalOrYesNothingIsCreated() throws Exception {
        AwsOnMoto.allowListInConfigFile(dir, AwsOnMoto.ACCOUNT);

        JarProcess.Result run = AwsOnMoto.run(dir, AwsOnMoto.env(dir), "run", LAB, "--target", "aws", "--region", "us-east-1");

        assertThat(run.code()).as(run.err()).isEqualTo(ExitCodes.ENVIRONMENT);
        String runId = runIdOf(run.err());
        assertThat(run.err()).contains(
                "Plan for run " + runId + " on AWS",
                "account   123456789012, allow-listed in " + dir.resolve("config/aws-labs/config.json"),
                "as        arn:aws:sts::123456789012:user/moto",
                "region    us-east-1",
                "journal   " + AwsOnMoto.journals(dir).resolve(runId + ".jsonl"),
                "kms-envelope-encryption (about $0.01",
                "creates a symmetric KMS key (tagged with the run id) and its alias",
                "estimated cost of this run: about $0.01",
                "cannot be deleted at once:\n    - KMS keys cannot be deleted at once",
                "slow: nothing",
                "labs: the plan above needs confirmation and stdin is not a terminal; nothing was created",
                "hint: review the plan, then rerun with --yes");
        assertThat(SharedMoto.state().mentioning(runId)).isEmpty();
        assertThat(AwsOnMoto.journals(dir).resolve(runId + ".jsonl")).doesNotExist();
    }

    @Test
    void atATerminalOnlyTheTypedAccountIdConfirmsThePlan() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/script")) || Files.isExecutable(Path.of("/bin/script")),
                "needs util-linux script(1) for a pseudo-terminal");
        AwsOnMoto.allowListInConfigFile(dir, AwsOnMoto.ACCOUNT);
        String[] args = {"run", LAB, "--target", "aws", "--region", "us-east-1"};

        String cancelledRun;
        try (AwsOnMoto.Running wrongAnswer = new AwsOnMoto.Running(AwsOnMoto.atTerminal(dir, AwsOnMoto.env(dir), args), true)) {
            cancelledRun = runIdOf(wrongAnswer.awaitLine(l -> l.contains("lab(s) on aws"), Duration.ofSeconds(60)));
            // the prompt has no line end to wait for: the plan's last line comes right before it
            wrongAnswer.awaitLine(l -> l.contains("finishes the job."), Duration.ofSeconds(60));
            wrongAnswer.type("210987654321");
            wrongAnswer.awaitLine(l -> l.contains("labs: not confirmed; nothing was created"), Duration.ofSeconds(30));
            assertThat(wrongAnswer.stderr()).contains("Type the account id (123456789012) to create these resources");
            assertThat(wrongAnswer.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(wrongAnswer.process.exitValue()).isEqualTo(ExitCodes.ENVIRONMENT);
        }
        String confirmedRun;
        try (AwsOnMoto.Running rightAnswer = new AwsOnMoto.Running(AwsOnMoto.atTerminal(dir, AwsOnMoto.env(dir), args), true)) {
            confirmedRun = runIdOf(rightAnswer.awaitLine(l -> l.contains("lab(s) on aws"), Duration.ofSeconds(60)));
            rightAnswer.awaitLine(l -> l.contains("finishes the job."), Duration.ofSeconds(60));
            rightAnswer.type(AwsOnMoto.ACCOUNT);
            rightAnswer.awaitLine(l -> l.contains("provision ok"), Duration.ofSeconds(60));
            assertThat(rightAnswer.process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }

        assertThat(SharedMoto.state().mentioning(cancelledRun)).isEmpty();
        assertThat(SharedMoto.state().mentioning(confirmedRun)).isNotEmpty();
        assertThat(SharedMoto.state().liveResourcesOf(confirmedRun)).isEmpty();
    }

    @Test
    void anAllowListedAccountRunsTheLabAndMotoFailsTheProofThatOnlyRealAwsPasses() throws Exception {
        AwsOnMoto.allowListInConfigFile(dir, AwsOnMoto.ACCOUNT);

        JarProcess.Result run = AwsOnMoto.run(dir, AwsOnMoto.env(dir), "run", LAB, "--target", "aws",
                "--region", "us-east-1", "--yes");

        String runId = runIdOf(run.err());
        RunReport report = ReportJson.read(dir.resolve("reports").resolve(runId + ".json"));
        assertThat(report.target().kind()).isEqualTo("aws");
        assertThat(report.target().account()).isEqualTo(AwsOnMoto.ACCOUNT);
        assertThat(report.target().endpoint()).isNull();
        // the aws target declares no emulator gap: what moto cannot show (a rotation period, new key material, a
        // disabled key refusing Encrypt, even after the 30 s allowed for propagation) is a FAIL here
        assertThat(report.labs().get(0).assertions()).filteredOn(a -> a.status() != Status.PASS)
                .extracting(AssertionRecord::id, AssertionRecord::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("rotation-enabled", Status.FAIL),
                        org.assertj.core.groups.Tuple.tuple("on-demand-rotation-keeps-old-ciphertext", Status.FAIL),
                        org.assertj.core.groups.Tuple.tuple("disabled-key-refuses-encrypt", Status.FAIL));
        assertThat(report.labs().get(0).assertions()).filteredOn(a -> a.id().equals("disabled-key-refuses-encrypt"))
                .singleElement().satisfies(a -> assertThat(Integer.parseInt(a.evidence()
                        .get("kms:Encrypt(disabled key).attempts"))).isGreaterThan(1));
        assertThat(run.code()).isEqualTo(ExitCodes.NOT_PROVEN);
        assertThat(run.err()).contains("the SDK is configured to send every call to " + SharedMoto.endpoint());
        assertThat(SharedMoto.state().mentioning(runId)).isNotEmpty();
        assertThat(SharedMoto.state().liveResourcesOf(runId)).isEmpty();
        assertThat(AwsOnMoto.journals(dir).resolve(runId + ".jsonl")).as("a clean run leaves no journal").doesNotExist();
        assertThat(Files.exists(AwsOnMoto.journals(dir))).isTrue();
    }
}
