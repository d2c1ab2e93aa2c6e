package io.awslabs.labs.sqs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.awslabs.lab.Challenge;
import io.awslabs.lab.ChallengeChecks;
import io.awslabs.lab.ChallengeInfo;
import io.awslabs.lab.CheckProof;
import io.awslabs.lab.LabContext;
import io.awslabs.lab.Scaffold;
import io.awslabs.resources.sqs.SqsQueue;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;
import software.amazon.awssdk.services.sqs.model.SqsException;

/**
 * The learner builds the queue of an order pipeline that must process nothing twice, keep each
 * customer's order and lose nothing: a FIFO queue that drops a producer's retried duplicates by
 * their content, with a redrive policy that moves a message consumers keep failing on to the
 * dead-letter FIFO queue the scaffold gives. The checks send probe messages of their own, in
 * groups of their own, and read them back as a consumer would.
 */
public final class SqsFifoExactlyOnceChallenge implements Challenge {
    static final String DEAD_LETTERS = "dead-letters";
    static final String QUEUE = "queue";
    static final String QUEUE_SUFFIX = "orders.fifo";
    static final int MAX_RECEIVE_COUNT = 3;
    private static final int ORDERED_PROBES = 3;
    /** Long polling for a probe that should be there: the call returns as soon as it is. */
    private static final int ARRIVES_WITHIN_SECONDS = 5;
    /** Long polling for a probe that should not come. */
    private static final int NOTHING_WITHIN_SECONDS = 1;
    /** Receives that bring only messages of someone else before a probe counts as not delivered. */
    private static final int RECEIVES_PER_PROBE = 5;
    private static final Duration DEAD_LETTER_LIMIT = Duration.ofSeconds(20);
    private static final Duration POLL_EVERY = Duration.ofMillis(200);
    /**
     * SQS speaks JSON with the query protocol's error codes (awsQueryCompatible): the code of a
     * missing queue can come as the legacy AWS.SimpleQueueService.NonExistentQueue, which the SDK
     * maps to no exception class of its own (moto 5.2.5 answers so).
     */
    private static final Set<String> NO_SUCH_QUEUE = Set.of("QueueDoesNotExist", "AWS.SimpleQueueService.NonExistentQueue");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    @Override
    public String labId() {
        return "sqs-fifo-exactly-once";
    }

    @Override
    public ChallengeInfo info() {
        return ChallengeInfo.goal("The order pipeline gets a queue named as 'queue' below that processes nothing twice "
                        + "and keeps each customer's orders in the order sent: a producer that retries a send with the "
                        + "same body (and no deduplication id of its own) does not make a second delivery, and the "
                        + "messages of one message group arrive in the order sent. Nothing is lost either: a message that "
                        + "consumers have received " + MAX_RECEIVE_COUNT + " times without deleting it moves to the "
                        + "dead-letter queue 'dead-letters' of the scaffold. The checks send probe messages of their "
                        + "own and consume them; other messages they receive are made visible again at once.")
                .creates("a FIFO queue named after the run id and tagged with it, to serve as the dead-letter queue")
                .resource(DEAD_LETTERS, "the dead-letter FIFO queue, at {0}")
                .check("fifo-with-content-dedup",
                        "The queue exists, is a FIFO queue, and derives each message's deduplication id from its body "
                                + "(content-based deduplication)")
                .check("duplicates-delivered-once",
                        "The same body sent twice to one message group, without a MessageDeduplicationId, is delivered "
                                + "once: one receive gets it, and nothing follows once it is deleted")
                .check("group-order-kept",
                        ORDERED_PROBES + " messages sent to one message group are received in the order sent")
                .check("failures-reach-dead-letter-queue",
                        "The queue's redrive policy names the scaffold's dead-letter queue with maxReceiveCount "
                                + MAX_RECEIVE_COUNT + ", and a message received " + MAX_RECEIVE_COUNT + " times without "
                                + "being deleted is no longer delivered from the queue but from the dead-letter queue")
                .hints("SQS FIFO queues: exactly-once processing by deduplication (within 5 minutes, by a "
                                + "deduplication id that content-based deduplication takes from the SHA-256 of the body), "
                                + "order per message group, and a redrive policy to a dead-letter queue, which for a FIFO "
                                + "queue must be a FIFO queue too.",
                        "SQS CreateQueue with a name ending in .fifo and the attributes FifoQueue=true, "
                                + "ContentBasedDeduplication=true and RedrivePolicy={\"deadLetterTargetArn\": the "
                                + "dead-letter queue's ARN, \"maxReceiveCount\": " + MAX_RECEIVE_COUNT + "}.");
    }

    @Override
    public void scaffold(LabContext ctx, Scaffold.Builder scaffold) throws Exception {
        SqsQueue.Handle dlq = SqsQueue.create(ctx, "dead-letters.fifo", Map.of(QueueAttributeName.FIFO_QUEUE, "true"));
        scaffold.item(DEAD_LETTERS, SqsQueue.KIND.type(), dlq.name(), dlq.arn(), dlq.url())
                .value(QUEUE, ctx.name(QUEUE_SUFFIX));
    }

    @Override
    public void check(LabContext ctx, Scaffold scaffold, ChallengeChecks check) {
        SqsClient sqs = ctx.client(SqsClient.class);
        String name = scaffold.value(QUEUE);
        String probe = "probe-" + ctx.runId() + "-" + HexFormat.of().formatHex(randomBytes(6));

        check.that("fifo-with-content-dedup", p -> {
            LabQueue queue = requireQueue(ctx, p, sqs, name);
            p.equal("FifoQueue", "true", queue.attribute(QueueAttributeName.FIFO_QUEUE),
                    ctx.words("fail.notFifo", name));
            p.equal("ContentBasedDeduplication", "true", queue.attribute(QueueAttributeName.CONTENT_BASED_DEDUPLICATION),
                    ctx.words("fail.noContentDedup", name));
        });

        check.that("duplicates-delivered-once", p -> {
            LabQueue queue = requireQueue(ctx, p, sqs, name);
            String body = probe + ":order-created:1001";
            String group = probe + "-customer-1001";
            requireSent(ctx, p, queue, body, group, "first");
            requireSent(ctx, p, queue, body, group, "same body again");
            List<Message> received = receiveProbes(queue, probe, 1, ARRIVES_WITHIN_SECONDS);
            p.equal("probe messages received after two identical sends", List.of(body), LabQueue.bodies(received),
                    ctx.words("fail.duplicateDelivered", received.size()));
            List<Message> after = receiveProbes(queue, probe, 1, NOTHING_WITHIN_SECONDS);
            p.equal("probe messages received once it is deleted", 0, after.size(),
                    ctx.words("fail.secondCopy"));
        });

        check.that("group-order-kept", p -> {
            LabQueue queue = requireQueue(ctx, p, sqs, name);
            String group = probe + "-customer-42";
            List<String> sent = new ArrayList<>();
            for (int i = 1; i <= ORDERED_PROBES; i++) {
                String body = probe + ":order:" + i;
                requireSent(ctx, p, queue, body, group, "order " + i);
                sent.add(body);
            }
            List<Message> received = receiveProbes(queue, probe, ORDERED_PROBES, ARRIVES_WITHIN_SECONDS);
            p.equal("probe messages in the order received", sent, LabQueue.bodies(received),
                    ctx.words("fail.groupOutOfOrder", LabQueue.bodies(received)));
        });

        check.that("failures-reach-dead-letter-queue", p -> {
            LabQueue queue = requireQueue(ctx, p, sqs, name);
            String policy = queue.attribute(QueueAttributeName.REDRIVE_POLICY);
            p.evidence("RedrivePolicy", policy);
            p.isTrue("the queue has a redrive policy", policy != null && !policy.isBlank(), policy,
                    ctx.words("fail.noRedrivePolicy", name));
            JsonNode redrive = JSON.readTree(policy);
            p.equal("deadLetterTargetArn", scaffold.arn(DEAD_LETTERS), redrive.path("deadLetterTargetArn").asText(),
                    ctx.words("fail.otherDeadLetterTarget", name));
            p.equal("maxReceiveCount", String.valueOf(MAX_RECEIVE_COUNT), redrive.path("maxReceiveCount").asText(),
                    ctx.words("fail.otherMaxReceiveCount", name, redrive.path("maxReceiveCount").asText(),
                            MAX_RECEIVE_COUNT));
            String body = probe + ":malformed-order";
            requireSent(ctx, p, queue, body, probe + "-poison", "the message consumers fail on");
            for (int receive = 1; receive <= MAX_RECEIVE_COUNT; receive++) {
                Optional<Message> got = receiveProbeAndKeep(queue, probe, ARRIVES_WITHIN_SECONDS);
                p.isTrue("receive " + receive + " of the failing message", got.isPresent(), "not delivered",
                        ctx.words("fail.failingNotDelivered", receive));
                queue.releaseNow(got.get());
            }
            p.evidence("done", "received " + MAX_RECEIVE_COUNT + " times, each time made visible again at once "
                    + "(ChangeMessageVisibility 0) instead of deleted");
            Optional<Message> fromSource = receiveProbeAndKeep(queue, probe, NOTHING_WITHIN_SECONDS);
            fromSource.ifPresent(queue::delete);
            p.isTrue("the failing message is no longer delivered from the queue", fromSource.isEmpty(),
                    fromSource.map(m -> "delivered, ApproximateReceiveCount " + LabQueue.receiveCount(m)).orElse("not delivered"),
                    ctx.words("fail.deliveredInsteadOfMoved", name, MAX_RECEIVE_COUNT + 1));
            LabQueue deadLetters = new LabQueue(sqs, new SqsQueue.Handle(scaffold.id(DEAD_LETTERS),
                    sqs.getQueueUrl(r -> r.queueName(scaffold.id(DEAD_LETTERS))).queueUrl(), scaffold.arn(DEAD_LETTERS)));
            List<Message> dead = ctx.waits().until(ctx.words("wait.failingInDeadLetters"), DEAD_LETTER_LIMIT,
                    POLL_EVERY, () -> receiveProbes(deadLetters, probe, 1, NOTHING_WITHIN_SECONDS), m -> !m.isEmpty(),
                    m -> m.size() + " messages");
            p.equal("probe messages in the dead-letter queue", List.of(body), LabQueue.bodies(dead),
                    ctx.words("fail.notInDeadLetters"));
        });
    }

    private static LabQueue requireQueue(LabContext ctx, CheckProof p, SqsClient sqs, String name) {
        String url;
        try {
            url = sqs.getQueueUrl(r -> r.queueName(name)).queueUrl();
        } catch (SqsException e) {
            String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
            if (!(e instanceof QueueDoesNotExistException) && !NO_SUCH_QUEUE.contains(code)) {
                throw e;
            }
            p.error("sqs:GetQueueUrl", e);
            p.isTrue("the queue exists", false, code, ctx.words("fail.noQueue", name));
            throw new AssertionError("unreachable");
        }
        String arn = sqs.getQueueAttributes(r -> r.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        p.evidence("queueUrl", url);
        return new LabQueue(sqs, new SqsQueue.Handle(name, url, arn));
    }

    /** A send as the pipeline's producer makes it: a group id and no deduplication id. */
    private static void requireSent(LabContext ctx, CheckProof p, LabQueue queue, String body, String group,
                                    String which) {
        try {
            p.call("sqs:SendMessage(" + which + ")", queue.send(body, group));
        } catch (SqsException e) {
            p.error("sqs:SendMessage(" + which + ")", e);
            p.isTrue("SendMessage with a group id and no deduplication id is accepted", false,
                    e.awsErrorDetails().errorCode(), ctx.words("fail.sendRefused", e.awsErrorDetails().errorMessage()));
        }
    }

    /**
     * Receives up to {@code expected} probe messages and deletes them; a message that is not a
     * probe of this check is made visible again at once, for its consumer.
     */
    private static List<Message> receiveProbes(LabQueue queue, String probe, int expected, int waitSeconds) {
        List<Message> probes = new ArrayList<>();
        for (int attempt = 0; attempt < RECEIVES_PER_PROBE && probes.size() < expected; attempt++) {
            List<Message> batch = queue.receive(10, waitSeconds).messages();
            List<Message> ours = batch.stream().filter(m -> m.body().startsWith(probe)).toList();
            batch.stream().filter(m -> !m.body().startsWith(probe)).forEach(queue::releaseNow);
            queue.deleteAll(ours);
            probes.addAll(ours);
            if (ours.isEmpty()) {
                break;
            }
        }
        return probes;
    }

    /** One probe message received and left in flight, as a consumer that fails on it leaves it. */
    private static Optional<Message> receiveProbeAndKeep(LabQueue queue, String probe, int waitSeconds) {
        for (int attempt = 0; attempt < RECEIVES_PER_PROBE; attempt++) {
            List<Message> batch = queue.receive(1, waitSeconds).messages();
            if (batch.isEmpty()) {
                return Optional.empty();
            }
            Message m = batch.get(0);
            if (m.body().startsWith(probe)) {
                return Optional.of(m);
            }
            queue.releaseNow(m);
        }
        return Optional.empty();
    }

    /** The lab's own queue: FIFO with content-based deduplication and its redrive policy, as retries.fifo. */
    @Override
    public void solve(LabContext ctx, Scaffold scaffold) throws Exception {
        SqsQueue.create(ctx, QUEUE_SUFFIX, Map.of(
                QueueAttributeName.FIFO_QUEUE, "true",
                QueueAttributeName.CONTENT_BASED_DEDUPLICATION, "true",
                QueueAttributeName.REDRIVE_POLICY, redrivePolicy(scaffold.arn(DEAD_LETTERS))));
    }

    static String redrivePolicy(String deadLetterArn) {
        return JSON.createObjectNode().put("deadLetterTargetArn", deadLetterArn).put("maxReceiveCount", MAX_RECEIVE_COUNT)
                .toString();
    }

    @Override
    public List<String> commands(Scaffold scaffold) {
        String redrive = redrivePolicy(scaffold.arn(DEAD_LETTERS)).replace("\"", "\\\"");
        return List.of("aws sqs create-queue --queue-name " + scaffold.value(QUEUE) + " --attributes '{\"FifoQueue\":\"true\","
                + "\"ContentBasedDeduplication\":\"true\",\"RedrivePolicy\":\"" + redrive + "\"}'");
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
