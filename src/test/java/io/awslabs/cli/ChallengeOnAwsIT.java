package io.awslabs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.awslabs.testing.JarProcess;
import io.awslabs.testing.Leftovers;
import io.awslabs.testing.SharedMoto;
import io.awslabs.targets.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A challenge on the aws target (moto standing in for account 123456789012): the guard, plan and
 * consent of 'labs run' before anything is created, a journal while it lasts, and a stop that
 * deletes what the challenge and the learner made under its prefix but only lists a tagged
 * resource it cannot attribute to a kind.
 */
class ChallengeOnAwsIT {
    private static final String LAB = "s3-default-encryption";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void withoutConsentNothingStartsAndWithItStopDeletesWhatItCanAttributeAndListsTheRest() throws Exception {
        Map<String, String> env = AwsOnMoto.env(dir);
        JarProcess.Result refused = AwsOnMoto.run(dir, env, "start", LAB, "--target", "aws", "--region", "us-east-1",
                "--account", AwsOnMoto.ACCOUNT);
        assertThat(refused.code()).isEqualTo(ExitCodes.ENVIRONMENT);
        assertThat(refused.err()).contains("Plan for the challenge of " + LAB + " on AWS", "account   " + AwsOnMoto.ACCOUNT,
                "creates   a symmetric KMS key", "rerun with --yes");
        assertThat(AwsOnMoto.run(dir, env, "status").out()).contains("no challenge is active");

        JarProcess.Result start = AwsOnMoto.run(dir, env, "start", LAB, "--target", "aws", "--region", "us-east-1",
                "--account", AwsOnMoto.ACCOUNT, "--yes");
        assertThat(start.code()).as(start.err()).isEqualTo(ExitCodes.OK);
        JsonNode challenge = JSON.readTree(AwsOnMoto.run(dir, env, "status", "--json").out()).path("challenge");
        String runId = challenge.path("runId").asText();
        String prefix = challenge.path("namePrefix").asText();
        assertThat(AwsOnMoto.journals(dir).resolve(runId + ".jsonl")).exists();
        assertThat(AwsOnMoto.run(dir, env, "env").out()).contains("export AWS_ENDPOINT_URL=" + SharedMoto.endpoint(),
                "export AWS_REGION=us-east-1").doesNotContain("AWS_SECRET_ACCESS_KEY");

        JarProcess.Result solve = AwsOnMoto.run(dir, env, "solve");
        assertThat(solve.code()).as(solve.out() + solve.err()).isEqualTo(ExitCodes.OK);
        String volume;
        String snapshot;
        try (Target moto = SharedMoto.target()) {
            moto.client(S3Client.class).createBucket(r -> r.bucket(prefix + "-by-hand"));
            // a snapshot: a type the tool has no kind for, tagged with the run id as a learner might tag it
            volume = moto.client(Ec2Client.class).createVolume(r -> r.availabilityZone("us-east-1a").size(1)).volumeId();
            snapshot = moto.client(Ec2Client.class).createSnapshot(r -> r.volumeId(volume)
                    .tagSpecifications(t -> t.resourceType(ResourceType.SNAPSHOT)
                            .tags(tag -> tag.key("labs:run-id").value(runId)))).snapshotId();
        }

        JarProcess.Result stop = AwsOnMoto.run(dir, env, "stop");
        assertThat(stop.code()).as(stop.out() + stop.err()).isEqualTo(ExitCodes.TEARDOWN_INCOMPLETE);
        assertThat(stop.out()).contains(prefix + "-by-hand", snapshot, "delete it by hand", "the challenge stays active");
        try (Target moto = SharedMoto.target()) {
            assertThat(Leftovers.of(moto, runId)).isEmpty();
            assertThat(moto.client(Ec2Client.class).describeSnapshots(r -> r.snapshotIds(snapshot)).snapshots()).hasSize(1);
            moto.client(Ec2Client.class).deleteSnapshot(r -> r.snapshotId(snapshot));
            moto.client(Ec2Client.class).deleteVolume(r -> r.volumeId(volume));
        }

        JarProcess.Result again = AwsOnMoto.run(dir, env, "stop");
        assertThat(again.code()).as(again.out() + again.err()).isEqualTo(ExitCodes.OK);
        assertThat(AwsOnMoto.run(dir, env, "status").out()).contains("no challenge is active");
        assertThat(Files.exists(AwsOnMoto.journals(dir).resolve(runId + ".jsonl"))).isFalse();
    }
}
