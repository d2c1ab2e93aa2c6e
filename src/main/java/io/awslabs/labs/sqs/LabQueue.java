package io.awslabs.labs.sqs;

import io.awslabs.resources.sqs.SqsQueue;
import java.util.List;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageResponse;
import software.amazon.awssdk.services.sqs.model.SendMessageResponse;

/** One of the lab's queues as a producer and a consumer use it. */
final class LabQueue {
    private final SqsClient sqs;
    private final SqsQueue.Handle queue;

    LabQueue(SqsClient sqs, SqsQueue.Handle queue) {
        this.sqs = sqs;
        this.queue = queue;
    }

    String url() {
        return queue.url();
    }

    /** Sends to a FIFO queue whose content-based deduplication derives the deduplication id from the body. */
    SendMessageResponse send(String body, String group) {
        return sqs.sendMessage(r -> r.queueUrl(queue.url()).messageBody(body).messageGroupId(group));
    }

    SendMessageResponse send(String body, String group, String deduplicationId) {
        return sqs.sendMessage(r -> r.queueUrl(queue.url()).messageBody(body).messageGroupId(group)
                .messageDeduplicationId(deduplicationId));
    }

    /** Sends to a standard queue: no group, no deduplication. */
    SendMessageResponse sendStandard(String body) {
        return sqs.sendMessage(r -> r.queueUrl(queue.url()).messageBody(body));
    }

    /**
     * Up to {@code max} messages with their system attributes (receive count, group, sequence
     * number). {@code waitSeconds} above 0 long-polls: the call returns as soon as a message is
     * there, and otherwise after that long.
     */
    ReceiveMessageResponse receive(int max, int waitSeconds) {
        return sqs.receiveMessage(r -> r.queueUrl(queue.url()).maxNumberOfMessages(max).waitTimeSeconds(waitSeconds)
                .messageSystemAttributeNames(MessageSystemAttributeName.ALL));
    }

    void delete(Message message) {
        sqs.deleteMessage(r -> r.queueUrl(queue.url()).receiptHandle(message.receiptHandle()));
    }

    void deleteAll(List<Message> messages) {
        messages.forEach(this::delete);
    }

    /** Makes an in-flight message visible again at once, as if its visibility timeout had run out. */
    void releaseNow(Message message) {
        sqs.changeMessageVisibility(r -> r.queueUrl(queue.url()).receiptHandle(message.receiptHandle())
                .visibilityTimeout(0));
    }

    String attribute(QueueAttributeName name) {
        return sqs.getQueueAttributes(r -> r.queueUrl(queue.url()).attributeNames(name)).attributes().get(name);
    }

    /** ApproximateNumberOfMessages: the visible messages. */
    int depth() {
        return Integer.parseInt(attribute(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES));
    }

    static List<String> bodies(List<Message> messages) {
        return messages.stream().map(Message::body).toList();
    }

    static String receiveCount(Message message) {
        return message.attributes().get(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT);
    }
}
