package io.awslabs.labs.kinesis;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.GetRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.Record;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;

/**
 * A consumer of one shard: takes a shard iterator at a position and reads with GetRecords until it
 * has caught up. GetRecords may answer with no records before the end of the shard (on AWS), so
 * caught up means an empty answer with MillisBehindLatest 0, or no next iterator (a closed shard
 * read to its end).
 */
final class ShardReader {
    /** Enough for the few dozen records a lab shard holds; a reader that never catches up stops here. */
    private static final int MAX_CALLS = 25;

    private final KinesisClient kinesis;
    private final String stream;

    /** What one read returned, and where the next read of the shard goes on from. */
    record Read(List<Record> records, String nextIterator) {
        List<String> data() {
            return records.stream().map(r -> r.data().asUtf8String()).toList();
        }

        List<String> sequenceNumbers() {
            return records.stream().map(Record::sequenceNumber).toList();
        }
    }

    ShardReader(KinesisClient kinesis, String stream) {
        this.kinesis = kinesis;
        this.stream = stream;
    }

    /** A shard iterator of this type; {@code sequenceNumber} only for AT_ and AFTER_SEQUENCE_NUMBER. */
    String iterator(String shardId, ShardIteratorType type, String sequenceNumber) {
        return kinesis.getShardIterator(r -> r.streamName(stream).shardId(shardId).shardIteratorType(type)
                .startingSequenceNumber(sequenceNumber)).shardIterator();
    }

    Read from(String shardId, ShardIteratorType type, String sequenceNumber) {
        return readOn(iterator(shardId, type, sequenceNumber));
    }

    /** Reads from this iterator until caught up. */
    Read readOn(String iterator) {
        List<Record> records = new ArrayList<>();
        String next = iterator;
        for (int call = 0; call < MAX_CALLS && next != null; call++) {
            String current = next;
            GetRecordsResponse page = kinesis.getRecords(r -> r.shardIterator(current));
            records.addAll(page.records());
            next = page.nextShardIterator();
            if (page.records().isEmpty() && Long.valueOf(0).equals(page.millisBehindLatest())) {
                break;
            }
        }
        return new Read(records, next);
    }
}
