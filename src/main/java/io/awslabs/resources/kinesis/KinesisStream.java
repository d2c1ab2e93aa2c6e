package io.awslabs.resources.kinesis;

import io.awslabs.resources.Gone;
import io.awslabs.resources.Ids;
import io.awslabs.resources.Provisioning;
import io.awslabs.resources.ResourceKind;
import io.awslabs.resources.RunMatcher;
import io.awslabs.resources.Teardown;
import io.awslabs.resources.TeardownWords;
import io.awslabs.resources.Wait;
import io.awslabs.targets.Target;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.arns.Arn;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.ListStreamsResponse;
import software.amazon.awssdk.services.kinesis.model.ResourceInUseException;
import software.amazon.awssdk.services.kinesis.model.StreamMode;
import software.amazon.awssdk.services.kinesis.model.StreamStatus;

/**
 * A provisioned Kinesis data stream, recorded by its name. Kinesis changes a stream
 * asynchronously: it is CREATING or UPDATING (after a reshard) for a while, and refuses
 * DeleteStream with ResourceInUseException meanwhile, so a delete retries until it is accepted;
 * after it the stream is DELETING, still listed, and counts as gone.
 */
public final class KinesisStream implements ResourceKind {
    public static final KinesisStream KIND = new KinesisStream();
    /** AWS takes tens of seconds to create or reshard a stream. */
    public static final Duration CHANGE_TIMEOUT = Duration.ofMinutes(5);
    public static final Duration POLL_EVERY = Duration.ofSeconds(1);
    static final String SERVICE = "kinesis";
    /** ListStreams' largest page. */
    private static final int PAGE = 10_000;

    private KinesisStream() { }

    /**
     * Creates {@code labs-<lab>-<run>-<suffix>} with this many shards, tagged, and waits until it is
     * ACTIVE. The tags go with CreateStream (AWS applies them atomically) and again with
     * AddTagsToStream once it is ACTIVE: moto 5.2.5 (kinesis/responses.py create_stream) and
     * LocalStack's kinesis-local ignore CreateStream's Tags; on AWS the second call changes nothing.
     */
    public static String create(Provisioning p, String suffix, int shards) throws Exception {
        KinesisClient kinesis = p.client(KinesisClient.class);
        String name = p.name(suffix);
        p.create(KIND, () -> {
            kinesis.createStream(r -> r.streamName(name).shardCount(shards)
                    .streamModeDetails(m -> m.streamMode(StreamMode.PROVISIONED)).tags(p.tags()));
            return name;
        });
        awaitActive(kinesis, p.waits(), name);
        kinesis.addTagsToStream(r -> r.streamName(name).tags(p.tags()));
        return name;
    }

    /** Waits until the stream is ACTIVE again (after CreateStream or a reshard); fails if it is not in time. */
    public static void awaitActive(KinesisClient kinesis, Wait waits, String name) throws Exception {
        StreamStatus status = waits.until(TeardownWords.phrase("wait.active", name), CHANGE_TIMEOUT, POLL_EVERY,
                () -> statusOf(kinesis, name), s -> s == StreamStatus.ACTIVE);
        if (status != StreamStatus.ACTIVE) {
            throw new IllegalStateException(name + " still " + status + " after " + CHANGE_TIMEOUT.toMinutes() + " min");
        }
    }

    private static StreamStatus statusOf(KinesisClient kinesis, String name) {
        return kinesis.describeStreamSummary(r -> r.streamName(name)).streamDescriptionSummary().streamStatus();
    }

    @Override
    public String type() {
        return "Kinesis stream";
    }

    @Override
    public List<String> actions() {
        return List.of("kinesis:CreateStream", "kinesis:AddTagsToStream", "kinesis:DescribeStreamSummary",
                "kinesis:DeleteStream");
    }

    @Override
    public List<String> sweepActions() {
        return List.of("kinesis:ListStreams");
    }

    @Override
    public void delete(Teardown env, String idOrArn) throws Exception {
        KinesisClient kinesis = env.target().client(KinesisClient.class);
        String name = canonicalId(idOrArn);
        if (isGone(env.target(), name)) {
            throw new Gone("gone.inState", "DELETING");
        }
        env.waits().retrying(TeardownWords.phrase("wait.streamDeletable", name), CHANGE_TIMEOUT, POLL_EVERY,
                () -> kinesis.deleteStream(r -> r.streamName(name).enforceConsumerDeletion(true)),
                e -> e instanceof ResourceInUseException);
    }

    /** {@code stream/<name>}; a stream's consumers have ARNs below it ({@code stream/<name>/consumer/...}). */
    @Override
    public boolean owns(Arn arn) {
        return Ids.is(arn, "kinesis", "stream") && !Ids.resourceOf(arn.toString()).contains("/");
    }

    /**
     * Pages by ExclusiveStartStreamName, which every target honours: moto 5.2.5
     * (kinesis/responses.py list_streams) returns no NextToken, so the SDK's paginator would stop
     * after the first page. A target that does not serve Kinesis holds no stream and is not asked:
     * on a LocalStack host process the first Kinesis call would start downloading its engine.
     */
    @Override
    public List<Found> find(Target target, RunMatcher runs) {
        if (target.lacks(List.of(SERVICE)).isPresent()) {
            return List.of();
        }
        KinesisClient kinesis = target.client(KinesisClient.class);
        List<Found> found = new ArrayList<>();
        String after = null;
        ListStreamsResponse page;
        do {
            String start = after;
            page = kinesis.listStreams(r -> r.limit(PAGE).exclusiveStartStreamName(start));
            for (String name : page.streamNames()) {
                runs.runOf(name).ifPresent(run -> found.add(new Found(run, name)));
                after = name;
            }
        } while (Boolean.TRUE.equals(page.hasMoreStreams()) && !page.streamNames().isEmpty());
        return found;
    }

    /** DeleteStream returns at once and leaves the stream DELETING, still described and listed. */
    @Override
    public boolean isGone(Target target, String idOrArn) {
        return statusOf(target.client(KinesisClient.class), canonicalId(idOrArn)) == StreamStatus.DELETING;
    }
}
