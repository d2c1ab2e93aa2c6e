package io.awslabs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.awslabs.lab.RecordedRun;
import io.awslabs.lab.RunJournal;
import io.awslabs.testing.JarProcess;
import io.awslabs.testing.SharedMoto;
import io.awslabs.testing.SlowProxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an interrupted run leaves, and how {@code labs cleanup} finds and deletes it: from the
 * journal after kill -9 or a second Ctrl-C, by tag and name when the journal is lost. Every
 * test ends by asking moto's own listing APIs whether anything of the run is still live.
 */
class CleanupIT {
    private static final String LAB = "kms-envelope-encryption";
    private static final Duration PATIENCE = Duration.ofSeconds(90);

    @TempDir
    Path dir;

    private static String runIdOf(String line) {
        Matcher m = Pattern.compile("run ([a-z0-9]{8}):").matcher(line);
        assertThat(m.find()).as(line).isTrue();
        return m.group(1);
    }

    private AwsOnMoto.Running startAwsRun(Map<String, String> env, String... extra) throws Exception {
        AwsOnMoto.allowListInConfigFile(dir, AwsOnMoto.ACCOUNT);
        List<String> args = new java.util.ArrayList<>(List.of("run", LAB, "--target", "aws", "--region", "us-east-1", "--yes"));
        args.addAll(List.of(extra));
        return new AwsOnMoto.Running(AwsOnMoto.builder(dir, env, args.toArray(String[]::new)));
    }

    @Test
    void afterKillNineMidProvisioningTheJournalHasTheResourcesAndCleanupForceLeavesNothing() throws Exception {
        String runId;
        try (AwsOnMoto.Running run = startAwsRun(AwsOnMoto.env(dir))) {
            runId = runIdOf(run.awaitLine(l -> l.contains("lab(s) on aws"), PATIENCE));
            run.awaitLine(l -> l.contains("created KMS key"), PATIENCE);
            run.signal("KILL");
            assertThat(run.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(run.process.exitValue()).isEqualTo(137);
        }
        Path journal = AwsOnMoto.journals(dir).resolve(runId + ".jsonl");
        RecordedRun recorded = RecordedRun.read(journal);
        assertThat(recorded.header().target()).isEqualTo("aws");
        assertThat(recorded.header().account()).isEqualTo(AwsOnMoto.ACCOUNT);
        assertThat(recorded.header().region()).isEqualTo("us-east-1");
        assertThat(recorded.resources().get(0)).satisfies(first -> {
            assertThat(first.type()).isEqualTo("KMS key");
            assertThat(first.lab()).isEqualTo(LAB);
            assertThat(first.namePrefix()).isEqualTo("labs-" + LAB + "-" + runId);
            assertThat(first.id()).startsWith("arn:aws:kms:us-east-1:123456789012:key/");
            assertThat(first.outcome()).isNull();
        });
        assertThat(Files.readString(journal)).startsWith("{\"event\":\"run\",\"schema\":\"aws-labs/journal\"");
        assertThat(SharedMoto.state().liveResourcesOf(runId)).as("the kill left the lab's resources").isNotEmpty();

        JarProcess.Result listed = AwsOnMoto.run(dir, AwsOnMoto.env(dir), "cleanup");
        JarProcess.Result dryRun = AwsOnMoto.run(dir, AwsOnMoto.env(dir), "cleanup", "--run-id", runId);

        assertThat(listed.code()).isZero();
        assertThat(listed.out()).contains(runId, "aws 123456789012", "us-east-1", LAB);
        assertThat(dryRun.code()).as(dryRun.err()).isZero();
        assertThat(dryRun.out()).contains("journal   delete", "nothing was deleted (add --force to delete)");
        assertThat(SharedMoto.state().liveResourcesOf(runId)).as("a dry run deletes nothing").isNotEmpty();

        JarProcess.Result forced = AwsOnMoto.run(dir, AwsOnMoto.env(dir), "cleanup", "--run-id", runId, "--force");

        assertThat(forced.code()).as(forced.out() + forced.err()).isZero();
        assertThat(forced.out()).contains("SCHEDULED", "0 failed").doesNotContain("FAILED");
        assertThat(SharedMoto.state().liveResourcesOf(runId)).isEmpty();
        assertThat(journal).as("a settled journal is removed").doesNotExist();
        assertThat(AwsOnMoto.run(dir, AwsOnMoto.env(dir), "cleanup").out()).contains("no run journal with leftovers");
    }

    @Test
    void whenTheJournalIsLostTheTagAndNameSweepFindsTheRunsResources() throws Exception {
        JarProcess.Result kept;
        AwsOnMoto.allowListInConfigFile(dir, AwsOnMoto.ACCOUNT);
        kept = AwsOnMoto.run(dir, AwsOnMoto.env(dir), "run", LAB, "--target", "aws", "--region", "us-east-1", "--yes", "--keep");
        String runId = runIdOf(kept.err());
        assertThat(kept.code()).isEqualTo(ExitCodes.TEARDOWN_INCOMPLETE);
        Files.delete(AwsOnMoto.journals(dir).resolve(runId + ".jsonl"));
        assertThat(SharedMoto.state().liveResourcesOf(runId)).isNotEmpty();

        JarProcess.Result inChinese = AwsOnMoto.run(dir, AwsOnMoto.env(dir), "cleanup", "--run-id", runId,
                "--region", "us-east-1", "--lang", "zh");
        JarProcess.Result swept = AwsOnMoto.run(dir, AwsOnMoto.env(dir), "cleanup", "--run-id", runId, "--force",
                "--region", "us-east-1");

        assertThat(inChinese.out()).as("how each was found reads in Chinese, the types as their kinds name them")
                .contains("查找方式", "KMS key", "标签", "KMS alias", "名称").doesNotContain("tag       ", "name      ");

        assertThat(swept.code()).as(swept.out() + swept.err()).isZero();
        assertThat(swept.out()).contains("has no journal", "KMS key", "tag       SCHEDULED", "KMS alias", "name      DELETED");
        assertThat(SharedMoto.state().liveResourcesOf(runId)).isEmpty();
    }

    @Test
    void aSecondCtrlCStopsAtOnceMidTeardownAndCleanupFinishesTheJob() throws Exception {
        String runId;
        long secondToExitMillis;
        try (SlowProxy proxy = new SlowProxy(SharedMoto.endpoint());
             AwsOnMoto.Running run = startAwsRun(AwsOnMoto.env(dir, proxy.endpoint()))) {
            runId = runIdOf(run.awaitLine(l -> l.contains("lab(s) on aws"), PATIENCE));
            run.awaitLine(l -> l.contains("provision ok"), PATIENCE);
            proxy.slowDown(Duration.ofSeconds(3));
            run.signal("INT");
            run.awaitLine(l -> l.contains("tearing down (Ctrl-C again to stop at once)"), PATIENCE);
            long second = System.nanoTime();
            run.signal("INT");
            assertThat(run.process.waitFor(20, TimeUnit.SECONDS)).as(run.stderr()).isTrue();
            secondToExitMillis = (System.nanoTime() - second) / 1_000_000;
            assertThat(run.process.exitValue()).isEqualTo(130);
            run.awaitLine(l -> l.contains("labs: stopped at once, teardown unfinished; 'labs cleanup --run-id " + runId + "'"),
                    Duration.ofSeconds(5));
        }
        assertThat(secondToExitMillis).as("exit after the second Ctrl-C, with every call now taking 3 s").isLessThan(2500);
        Path journal = AwsOnMoto.journals(dir).resolve(runId + ".jsonl");
        assertThat(RecordedRun.read(journal).open()).as("teardown was cut short").isNotEmpty();
        assertThat(RunJournal.inProgress(journal)).as("the lock died with the process").isFalse();

        JarProcess.Result forced = AwsOnMoto.run(dir, AwsOnMoto.env(dir), "cleanup", "--run-id", runId, "--force");

        assertThat(forced.code()).as(forced.out() + forced.err()).isZero();
        assertThat(SharedMoto.state().liveResourcesOf(runId)).isEmpty();
        assertThat(journal).doesNotExist();
    }

    @Test
    void anEndpointRunIsCleanedWhereItRanWithoutNamingTheEndpointAgain() throws Exception {
        String runId;
        Map<String, String> noAws = Map.of("LABS_STATE_DIR", dir.resolve("state").toString(),
                "HOME", dir.resolve("home").toString());
        try (AwsOnMoto.Running run = new AwsOnMoto.Running(AwsOnMoto.builder(dir, noAws, "run", LAB,
                "--target", "endpoint", "--endpoint-url", SharedMoto.endpoint().toString()))) {
            runId = runIdOf(run.awaitLine(l -> l.contains("lab(s) on endpoint"), PATIENCE));
            run.awaitLine(l -> l.contains("created KMS alias"), PATIENCE);
            run.signal("KILL");
            assertThat(run.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(SharedMoto.state().liveResourcesOf(runId)).isNotEmpty();

        JarProcess.Result forced = AwsOnMoto.run(dir, noAws, "cleanup", "--run-id", runId, "--force");

        assertThat(forced.code()).as(forced.out() + forced.err()).isZero();
        assertThat(forced.out()).contains("KMS alias", "DELETED");
        assertThat(SharedMoto.state().liveResourcesOf(runId)).isEmpty();
    }

    @Test
    void aJournalNamingATypeCleanupDoesNotKnowIsAFailedRowAndExit4NotACrash() throws Exception {
        Path journals = AwsOnMoto.journals(dir);
        Files.createDirectories(journals);
        Files.writeString(journals.resolve("zzzz0001.jsonl"), String.join("\n",
                "{\"event\":\"run\",\"schema\":\"aws-labs/journal\",\"version\":1,\"runId\":\"zzzz0001\","
                        + "\"startedAt\":\"2026-11-01T10:00:00Z\",\"target\":\"endpoint\",\"endpoint\":\""
                        + SharedMoto.endpoint() + "\",\"region\":\"us-east-1\",\"labs\":[\"future-lab\"]}",
                "{\"event\":\"intent\",\"seq\":1,\"lab\":\"future-lab\",\"type\":\"Quantum widget\",\"region\":\"us-east-1\"}",
                "{\"event\":\"created\",\"seq\":1,\"id\":\"qw-42\"}", ""));

        JarProcess.Result forced = AwsOnMoto.run(dir, Map.of("LABS_STATE_DIR", dir.resolve("state").toString()),
                "cleanup", "--run-id", "zzzz0001", "--force");

        assertThat(forced.code()).as(forced.err()).isEqualTo(ExitCodes.TEARDOWN_INCOMPLETE);
        assertThat(forced.out()).contains("Quantum widget", "qw-42", "FAILED",
                "labs cleanup does not know the resource type 'Quantum widget'", "1 failed");
        assertThat(forced.err()).doesNotContain("\tat ", "unexpected error");
        assertThat(journals.resolve("zzzz0001.jsonl")).as("kept for another try").exists();
    }
}
