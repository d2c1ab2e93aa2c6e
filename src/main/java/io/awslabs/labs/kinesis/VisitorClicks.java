package io.awslabs.labs.kinesis;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.PutRecordResponse;

/**
 * One visitor's clicks as a producer writes them to a stream: the visitor is the partition key,
 * so every click goes to the one shard whose range holds MD5 of it, and each record is chained to
 * the previous one by SequenceNumberForOrdering, which makes their sequence numbers strictly
 * increase (without it they only generally do).
 */
final class VisitorClicks {
    private final KinesisClient kinesis;
    private final String stream;
    private final String visitor;
    private final List<String> history = new ArrayList<>();
    private String lastSequence;

    VisitorClicks(KinesisClient kinesis, String stream, String visitor) {
        this.kinesis = kinesis;
        this.stream = stream;
        this.visitor = visitor;
    }

    String visitor() {
        return visitor;
    }

    /** Every click put so far, in the order put. */
    List<String> history() {
        return List.copyOf(history);
    }

    PutRecordResponse put(String data) {
        String previous = lastSequence;
        PutRecordResponse put = kinesis.putRecord(r -> r.streamName(stream).partitionKey(visitor)
                .data(SdkBytes.fromUtf8String(data)).sequenceNumberForOrdering(previous));
        history.add(data);
        lastSequence = put.sequenceNumber();
        return put;
    }
}
