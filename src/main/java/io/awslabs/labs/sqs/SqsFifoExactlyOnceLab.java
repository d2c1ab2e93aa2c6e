package io.awslabs.labs.sqs;

import static io.awslabs.targets.EmulatorKind.MOTO;

import io.awslabs.lab.Checks;
import io.awslabs.lab.ExamDomain;
import io.awslabs.lab.Lab;
import io.awslabs.lab.LabContext;
import io.awslabs.lab.LabInfo;
import io.awslabs.lab.Proof;
import io.awslabs.lab.Symptom;
import io.awslabs.resources.sqs.SqsQueue;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageResponse;
import software.amazon.awssdk.services.sqs.model.SendMessageResponse;
import software.amazon.awssdk.services.sqs.model.SqsException;

/**
 * Proves what an SQS FIFO queue promises a pipeline that must lose nothing, deliver nothing twice
 * and keep arrival order (the exam's "SQS FIFO in front of EMR"): deduplication by content and by
 * id, per-group order with sequence numbers, one in-flight message per group, redelivery after the
 * visibility timeout and the dead-letter queue, the rules a FIFO queue enforces, and a standard
 * queue that delivers a duplicate twice.
 */
public final class SqsFifoExactlyOnceLab implements Lab {
    static final int VISIBILITY_TIMEOUT_SECONDS = 2;
    static final int MAX_RECEIVE_COUNT = 2;
    private static final int ORDERED_MESSAGES = 10;
    /** Long polling for a message that should be there: the call returns as soon as it is. */
    private static final int ARRIVES_WITHIN_SECONDS = 5;
    /** Long polling for a message that should not come: this is how long "nothing" is given. */
    private static final int NOTHING_WITHIN_SECONDS = 1;
    /** ApproximateNumberOfMessages may take up to a minute to settle on AWS (GetQueueAttributes). */
    private static final Duration DEPTH_SETTLES = Duration.ofSeconds(60);
    private static final Duration REDELIVERY_LIMIT = Duration.ofSeconds(10);
    private static final Duration DEAD_LETTER_LIMIT = Duration.ofSeconds(20);
    private static final Duration POLL_EVERY = Duration.ofMillis(200);
    /** Redelivery sooner than this after a receive would mean the visibility timeout was not applied. */
    private static final long HIDDEN_AT_LEAST_MILLIS = 1500;

    private LabQueue dedup;
    private LabQueue orders;
    private LabQueue retries;
    private LabQueue deadLetters;
    private LabQueue clicks;
    /** The message retries received twice and did not delete, for the dead-letter assertion. */
    private Message twiceReceived;

    @Override
    public LabInfo info() {
        return LabInfo.of("sqs-fifo-exactly-once", "SQS FIFO: no duplicates, nothing lost, arrival order")
                .exam(ExamDomain.RESILIENT, "2.1 Design scalable and loosely coupled architectures", 731)
                .concept("A FIFO queue deduplicates: a message whose deduplication id (given, or the SHA-256 of the "
                        + "body with content-based deduplication) was already accepted in the last 5 minutes is "
                        + "accepted again but not delivered. It keeps order per message group and gives each message "
                        + "an increasing sequence number; while a message of a group is in flight, the group's later "
                        + "messages wait, other groups do not. Nothing is lost: a message not deleted comes back after "
                        + "its visibility timeout, and after maxReceiveCount receives moves to a dead-letter queue. A "
                        + "standard queue gives none of this: at-least-once delivery, best-effort order.")
                .examAngle("A pipeline feeding EMR must lose nothing, process nothing twice and keep arrival order: "
                        + "why SQS FIFO and not a standard queue? What makes a producer's retry harmless, and for "
                        + "how long? What happens to a message a consumer fails on, again and again? Which "
                        + "parameters does a FIFO queue require or refuse?")
                .services("sqs")
                .costPerRunUsd(0.001, "about 150 requests at $0.50 per million FIFO requests and $0.40 per million "
                        + "standard requests, the first million each month free; queues themselves cost nothing "
                        + "(aws.amazon.com/sqs/pricing)")
                .provisions(SqsQueue.KIND)
                .calls("sqs:ChangeMessageVisibility", "sqs:DeleteMessage", "sqs:ReceiveMessage", "sqs:SendMessage")
                .creates("four FIFO queues named after the run id and tagged with it: dedup.fifo and orders.fifo with "
                                + "content-based deduplication, retries.fifo with a " + VISIBILITY_TIMEOUT_SECONDS
                                + " s visibility timeout and a redrive policy (maxReceiveCount " + MAX_RECEIVE_COUNT
                                + ") to dead-letters.fifo",
                        "a standard queue, clicks, for the contrast",
                        "nothing else: a FIFO queue named without .fifo is attempted and refused")
                .asserts("content-dedup-delivers-once",
                        "With content-based deduplication, the same body sent twice to one group within 5 minutes is "
                                + "delivered once: the queue holds 1 message, one receive gets it, and nothing follows "
                                + "once it is deleted")
                .asserts("dedup-id-delivers-once",
                        "Two different bodies sent with the same MessageDeduplicationId are delivered once: only the "
                                + "first body arrives")
                .asserts("dedup-window-outlives-delete",
                        "A message received and deleted, then sent again with the same MessageDeduplicationId within "
                                + "the 5-minute deduplication interval, is accepted but not delivered again")
                .asserts("group-order-and-sequence",
                        "Ten messages of one MessageGroupId are received in the order sent, and SendMessage gives them "
                                + "strictly increasing SequenceNumbers")
                .asserts("group-blocks-while-in-flight",
                        "While a message of a group is in flight (received, not deleted), the group's next message is "
                                + "not delivered but another group's message is; once it is deleted, the next one comes")
                .asserts("visibility-timeout-redelivers",
                        "A message received and not deleted is invisible until its " + VISIBILITY_TIMEOUT_SECONDS
                                + " s visibility timeout runs out, then delivered again with ApproximateReceiveCount 2")
                .asserts("dead-letter-after-max-receives",
                        "After maxReceiveCount (" + MAX_RECEIVE_COUNT + ") receives, the message is no longer "
                                + "delivered from its queue but moved to the dead-letter queue with its body intact")
                .asserts("fifo-requires-group-id",
                        "SendMessage to a FIFO queue without MessageGroupId is refused with MissingParameter; the same "
                                + "message with a group id is accepted")
                .asserts("fifo-refuses-per-message-delay",
                        "SendMessage to a FIFO queue with a per-message DelaySeconds is refused with "
                                + "InvalidParameterValue (FIFO queues delay per queue only); without it the message is "
                                + "accepted")
                .asserts("fifo-name-needs-suffix",
                        "CreateQueue with FifoQueue=true and a name without the .fifo suffix is refused with "
                                + "InvalidParameterValue; the lab's queues named with it are FIFO queues")
                .asserts("standard-queue-delivers-duplicates",
                        "A standard queue accepts the same body twice under two MessageIds and delivers both: "
                                + "it does not deduplicate")
                .note("The deduplication interval is 5 minutes, for content-based deduplication and explicit "
                        + "MessageDeduplicationIds alike, and it holds after the message was deleted "
                        + "(docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/using-messagededuplicationid-property.html).")
                .note("Order is kept per message group, and SequenceNumber is 'large, non-consecutive' and increases "
                        + "within a group (docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_SendMessage.html).")
                .note("Per-message DelaySeconds cannot be set on FIFO queues; the queue's own DelaySeconds applies "
                        + "(docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_SendMessage.html).")
                .note("The visibility timeout here is " + VISIBILITY_TIMEOUT_SECONDS + " s so that the lab waits for it "
                        + "once, briefly; the dead-letter step then ends the second visibility timeout early with "
                        + "ChangeMessageVisibility 0 instead of waiting for it again "
                        + "(docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-visibility-timeout.html).")
                .note("A FIFO queue's dead-letter queue must be a FIFO queue too "
                        + "(docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-dead-letter-queues.html).")
                .note("Standard queues deliver at least once and order on a best-effort basis: besides a duplicate "
                        + "sent twice, they may also deliver a message more than once and out of order. No emulator "
                        + "shows that, and no test can make AWS do it on demand, so the lab does not claim to show it "
                        + "(docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/standard-queues.html).")
                .note("FIFO throughput: 300 API calls per second per action, 3,000 messages with batches of 10, more "
                        + "in high-throughput mode; a standard queue scales almost without limit "
                        + "(docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/quotas-messages.html).")
                .source("https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/FIFO-queues-exactly-once-processing.html")
                .source("https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/FIFO-queues-message-order.html")
                .source("https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-dead-letter-queues.html")
                .source("https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_CreateQueue.html")
                .gap(MOTO, "dedup-window-outlives-delete",
                        Symptom.checkFails("messages received after the resend", "1"),
                        "moto deduplicates only against messages still in the queue: once the first one is deleted, "
                                + "the resend is delivered again; AWS remembers the id for 5 minutes",
                        "moto/sqs/models.py Queue.add_message compares the deduplication id with self._messages only "
                                + "(moto 5.2.5)")
                .gap(MOTO, "group-order-and-sequence",
                        Symptom.checkFails("SequenceNumber strictly increases in send order", "missing"),
                        "moto gives no SequenceNumber to a message deduplicated by content (and 20 random digits to "
                                + "one with an explicit MessageDeduplicationId); AWS numbers every FIFO message",
                        "moto/sqs/models.py SQSBackend.send_message sets sequence_number only when a "
                                + "deduplication_id is passed, to random digits (moto 5.2.5)");
    }

    @Override
    public void provision(LabContext ctx) throws Exception {
        SqsClient sqs = ctx.client(SqsClient.class);
        SqsQueue.Handle dlq = SqsQueue.create(ctx, "dead-letters.fifo", Map.of(QueueAttributeName.FIFO_QUEUE, "true"));
        deadLetters = new LabQueue(sqs, dlq);
        retries = new LabQueue(sqs, SqsQueue.create(ctx, "retries.fifo", Map.of(
                QueueAttributeName.FIFO_QUEUE, "true",
                QueueAttributeName.CONTENT_BASED_DEDUPLICATION, "true",
                QueueAttributeName.VISIBILITY_TIMEOUT, String.valueOf(VISIBILITY_TIMEOUT_SECONDS),
                QueueAttributeName.REDRIVE_POLICY, "{\"deadLetterTargetArn\":\"" + dlq.arn() + "\",\"maxReceiveCount\":"
                        + MAX_RECEIVE_COUNT + "}")));
        dedup = new LabQueue(sqs, SqsQueue.create(ctx, "dedup.fifo", fifoWithContentDedup()));
        orders = new LabQueue(sqs, SqsQueue.create(ctx, "orders.fifo", fifoWithContentDedup()));
        clicks = new LabQueue(sqs, SqsQueue.create(ctx, "clicks", Map.of()));
    }

    private static Map<QueueAttributeName, String> fifoWithContentDedup() {
        return Map.of(QueueAttributeName.FIFO_QUEUE, "true", QueueAttributeName.CONTENT_BASED_DEDUPLICATION, "true");
    }

    @Override
    public void verify(LabContext ctx, Checks check) {
        String run = ctx.runId();

        check.that("content-dedup-delivers-once", p -> {
            String body = "order-created:" + run + ":1001";
            SendMessageResponse first = dedup.send(body, "customer-1001");
            SendMessageResponse retry = dedup.send(body, "customer-1001");
            p.call("sqs:SendMessage(first)", first).call("sqs:SendMessage(same body again)", retry)
                    .evidence("messageIds", List.of(first.messageId(), retry.messageId()));
            int depth = ctx.waits().afterChange(ctx.words("wait.depthSettles"), DEPTH_SETTLES, Duration.ofSeconds(5),
                    dedup::depth, d -> d == 1, String::valueOf);
            p.equal("ApproximateNumberOfMessages after two identical sends", 1, depth);
            List<Message> received = dedup.receive(10, ARRIVES_WITHIN_SECONDS).messages();
            p.equal("bodies received", List.of(body), LabQueue.bodies(received));
            dedup.deleteAll(received);
            p.equal("messages received after deleting it", 0, dedup.receive(10, NOTHING_WITHIN_SECONDS).messages().size());
        });

        check.that("dedup-id-delivers-once", p -> {
            String id = "payment-" + run + "-77";
            String firstBody = "payment:" + run + ":captured";
            SendMessageResponse first = dedup.send(firstBody, "payments", id);
            SendMessageResponse second = dedup.send("payment:" + run + ":captured-retry", "payments", id);
            p.call("sqs:SendMessage(first)", first).call("sqs:SendMessage(other body, same id)", second)
                    .evidence("MessageDeduplicationId", id)
                    .evidence("messageIds", List.of(first.messageId(), second.messageId()));
            List<Message> received = dedup.receive(10, ARRIVES_WITHIN_SECONDS).messages();
            p.equal("bodies received", List.of(firstBody), LabQueue.bodies(received));
            dedup.deleteAll(received);
            p.equal("messages received after deleting it", 0, dedup.receive(10, NOTHING_WITHIN_SECONDS).messages().size());
        });

        check.that("dedup-window-outlives-delete", p -> {
            String id = "invoice-" + run + "-9";
            String body = "invoice:" + run + ":9";
            p.call("sqs:SendMessage(first)", dedup.send(body, "invoices", id));
            List<Message> first = dedup.receive(10, ARRIVES_WITHIN_SECONDS).messages();
            p.equal("bodies received the first time", List.of(body), LabQueue.bodies(first));
            dedup.deleteAll(first);
            SendMessageResponse resend = dedup.send(body, "invoices", id);
            p.call("sqs:SendMessage(resend after delete)", resend).evidence("resendMessageId", resend.messageId());
            ReceiveMessageResponse after = dedup.receive(10, NOTHING_WITHIN_SECONDS);
            p.call("sqs:ReceiveMessage(after the resend)", after)
                    .evidence("bodiesAfterResend", LabQueue.bodies(after.messages()));
            dedup.deleteAll(after.messages());
            p.equal("messages received after the resend", 0, after.messages().size());
        });

        check.that("group-order-and-sequence", p -> {
            List<String> sent = new ArrayList<>();
            List<String> sequenceNumbers = new ArrayList<>();
            for (int i = 1; i <= ORDERED_MESSAGES; i++) {
                String body = "order:" + run + ":" + i;
                SendMessageResponse response = orders.send(body, "customer-42");
                sent.add(body);
                sequenceNumbers.add(response.sequenceNumber());
            }
            List<Message> received = receiveAll(orders, ORDERED_MESSAGES);
            p.evidence("sendSequenceNumbers", sequenceNumbers).evidence("receivedSequenceNumbers", received.stream()
                    .map(m -> m.attributes().get(MessageSystemAttributeName.SEQUENCE_NUMBER)).toList());
            p.equal("bodies in the order received", sent, LabQueue.bodies(received));
            p.isTrue("SequenceNumber strictly increases in send order", strictlyIncreasing(sequenceNumbers),
                    describeSequence(sequenceNumbers));
        });

        check.that("group-blocks-while-in-flight", p -> {
            String a1 = "cart-a:" + run + ":1";
            String a2 = "cart-a:" + run + ":2";
            String b1 = "cart-b:" + run + ":1";
            orders.send(a1, "cart-A");
            orders.send(a2, "cart-A");
            List<Message> inFlight = orders.receive(1, ARRIVES_WITHIN_SECONDS).messages();
            p.equal("first receive", List.of(a1), LabQueue.bodies(inFlight));
            orders.send(b1, "cart-B");
            ReceiveMessageResponse during = orders.receive(10, ARRIVES_WITHIN_SECONDS);
            p.call("sqs:ReceiveMessage(while cart-A's first message is in flight)", during);
            List<Message> others = during.messages();
            orders.deleteAll(inFlight);
            orders.deleteAll(others);
            p.equal("received while cart-A's first message is in flight", List.of(b1), LabQueue.bodies(others));
            List<Message> next = orders.receive(10, ARRIVES_WITHIN_SECONDS).messages();
            orders.deleteAll(next);
            p.equal("received once it is deleted", List.of(a2), LabQueue.bodies(next));
        });

        check.that("visibility-timeout-redelivers", p -> {
            String body = "import:" + run + ":malformed-row";
            retries.send(body, "imports");
            p.evidence("queue VisibilityTimeout", retries.attribute(QueueAttributeName.VISIBILITY_TIMEOUT) + " s");
            List<Message> first = retries.receive(1, ARRIVES_WITHIN_SECONDS).messages();
            long receivedAt = System.nanoTime();
            p.equal("bodies of the first receive", List.of(body), LabQueue.bodies(first));
            p.equal("ApproximateReceiveCount of the first receive", "1", LabQueue.receiveCount(first.get(0)));
            p.equal("messages received while it is in flight", 0, retries.receive(10, 0).messages().size());
            ReceiveMessageResponse again = ctx.waits().until(ctx.words("wait.reappears"),
                    REDELIVERY_LIMIT, POLL_EVERY, () -> retries.receive(1, 0), r -> !r.messages().isEmpty(),
                    r -> r.messages().size() + " messages");
            long hiddenMillis = (System.nanoTime() - receivedAt) / 1_000_000;
            p.evidence("done", "received, not deleted, received again once visible (waited for the "
                    + VISIBILITY_TIMEOUT_SECONDS + " s timeout)").evidence("hiddenMillis", hiddenMillis);
            p.equal("MessageIds of the second receive", List.of(first.get(0).messageId()),
                    again.messages().stream().map(Message::messageId).toList());
            p.isTrue("hidden for at least " + HIDDEN_AT_LEAST_MILLIS + " ms", hiddenMillis >= HIDDEN_AT_LEAST_MILLIS,
                    hiddenMillis + " ms");
            p.equal("ApproximateReceiveCount of the second receive", "2", LabQueue.receiveCount(again.messages().get(0)));
            twiceReceived = again.messages().get(0);
        });

        check.that("dead-letter-after-max-receives", p -> {
            if (twiceReceived == null) {
                p.skip(ctx.words("skip.notRedelivered"));
            }
            retries.releaseNow(twiceReceived);
            p.evidence("done", "ChangeMessageVisibility 0 on the second receipt instead of waiting out the timeout again");
            ReceiveMessageResponse source = retries.receive(10, NOTHING_WITHIN_SECONDS);
            p.call("sqs:ReceiveMessage(source queue, after " + MAX_RECEIVE_COUNT + " receives)", source);
            p.equal("messages delivered from the source queue", 0, source.messages().size());
            ReceiveMessageResponse dead = ctx.waits().until(ctx.words("wait.inDeadLetters"), DEAD_LETTER_LIMIT,
                    POLL_EVERY, () -> deadLetters.receive(1, NOTHING_WITHIN_SECONDS), r -> !r.messages().isEmpty(),
                    r -> r.messages().size() + " messages");
            p.call("sqs:ReceiveMessage(dead-letter queue)", dead);
            p.equal("messages in the dead-letter queue", 1, dead.messages().size());
            Message moved = dead.messages().get(0);
            p.evidence("deadLetterMessageId", moved.messageId()).evidence("sourceMessageId", twiceReceived.messageId())
                    .evidence("deadLetterReceiveCount", LabQueue.receiveCount(moved));
            deadLetters.delete(moved);
            p.equal("body in the dead-letter queue", twiceReceived.body(), moved.body());
        });

        check.that("fifo-requires-group-id", p -> {
            SqsClient sqs = ctx.client(SqsClient.class);
            String body = "no-group:" + run;
            SqsException refused = p.throwsA("SendMessage without MessageGroupId", SqsException.class,
                    () -> sqs.sendMessage(r -> r.queueUrl(orders.url()).messageBody(body)));
            p.error("sqs:SendMessage(no MessageGroupId)", refused);
            p.equal("error code", "MissingParameter", refused.awsErrorDetails().errorCode());
            p.call("sqs:SendMessage(with MessageGroupId)", orders.send(body, "rules"));
            drain(orders, p, "the accepted message");
        });

        check.that("fifo-refuses-per-message-delay", p -> {
            SqsClient sqs = ctx.client(SqsClient.class);
            String body = "delayed:" + run;
            SqsException refused = p.throwsA("SendMessage with DelaySeconds 5", SqsException.class,
                    () -> sqs.sendMessage(r -> r.queueUrl(orders.url()).messageBody(body).messageGroupId("rules")
                            .delaySeconds(5)));
            p.error("sqs:SendMessage(DelaySeconds 5)", refused);
            p.equal("error code", "InvalidParameterValue", refused.awsErrorDetails().errorCode());
            p.call("sqs:SendMessage(no DelaySeconds)", orders.send(body, "rules"));
            drain(orders, p, "the accepted message");
        });

        check.that("fifo-name-needs-suffix", p -> {
            SqsException refused = p.throwsA("CreateQueue FifoQueue=true named without .fifo", SqsException.class,
                    () -> SqsQueue.create(ctx, "no-suffix", Map.of(QueueAttributeName.FIFO_QUEUE, "true")));
            p.error("sqs:CreateQueue(no .fifo suffix)", refused);
            p.equal("error code", "InvalidParameterValue", refused.awsErrorDetails().errorCode());
            p.equal("FifoQueue attribute of orders.fifo", "true", orders.attribute(QueueAttributeName.FIFO_QUEUE));
        });

        check.that("standard-queue-delivers-duplicates", p -> {
            String body = "click:" + run + ":/home";
            SendMessageResponse first = clicks.sendStandard(body);
            SendMessageResponse second = clicks.sendStandard(body);
            p.call("sqs:SendMessage(first)", first).call("sqs:SendMessage(same body again)", second);
            Set<String> sentIds = Set.of(first.messageId(), second.messageId());
            p.equal("distinct MessageIds of the two sends", 2, sentIds.size());
            List<Message> received = receiveAll(clicks, 2);
            p.evidence("receivedMessageIds", received.stream().map(Message::messageId).toList());
            p.equal("bodies received", List.of(body, body), LabQueue.bodies(received));
            p.equal("MessageIds received are the two sent", sentIds,
                    new HashSet<>(received.stream().map(Message::messageId).toList()));
        });
    }

    /**
     * Receives until {@code expected} messages came or a long poll brings nothing, deleting each
     * batch before the next receive: in a FIFO queue, messages in flight hold back their group.
     */
    private static List<Message> receiveAll(LabQueue queue, int expected) {
        List<Message> all = new ArrayList<>();
        while (all.size() < expected) {
            List<Message> batch = queue.receive(10, ARRIVES_WITHIN_SECONDS).messages();
            if (batch.isEmpty()) {
                break;
            }
            queue.deleteAll(batch);
            all.addAll(batch);
        }
        return all;
    }

    /** Receives and deletes the one message a positive control sent, so later assertions start clean. */
    private static void drain(LabQueue queue, Proof p, String what) {
        List<Message> received = queue.receive(10, ARRIVES_WITHIN_SECONDS).messages();
        queue.deleteAll(received);
        p.equal("received " + what, 1, received.size());
    }

    static boolean strictlyIncreasing(List<String> sequenceNumbers) {
        if (sequenceNumbers.stream().anyMatch(Objects::isNull)) {
            return false;
        }
        for (int i = 1; i < sequenceNumbers.size(); i++) {
            if (new BigInteger(sequenceNumbers.get(i)).compareTo(new BigInteger(sequenceNumbers.get(i - 1))) <= 0) {
                return false;
            }
        }
        return true;
    }

    static String describeSequence(List<String> sequenceNumbers) {
        long missing = sequenceNumbers.stream().filter(Objects::isNull).count();
        return missing > 0 ? "missing on " + missing + " of " + sequenceNumbers.size() + " sends"
                : String.join(", ", sequenceNumbers);
    }
}
