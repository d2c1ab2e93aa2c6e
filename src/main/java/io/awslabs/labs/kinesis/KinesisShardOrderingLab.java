package io.awslabs.labs.kinesis;

import static io.awslabs.targets.EmulatorKind.MOTO;

import io.awslabs.lab.Checks;
import io.awslabs.lab.ExamDomain;
import io.awslabs.lab.Lab;
import io.awslabs.lab.LabContext;
import io.awslabs.lab.LabInfo;
import io.awslabs.lab.Symptom;
import io.awslabs.labs.kinesis.HashKeySpace.Range;
import io.awslabs.resources.kinesis.KinesisStream;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.KinesisException;
import software.amazon.awssdk.services.kinesis.model.ListShardsResponse;
import software.amazon.awssdk.services.kinesis.model.PutRecordResponse;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.Record;
import software.amazon.awssdk.services.kinesis.model.Shard;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;

/**
 * Proves how a Kinesis data stream orders a clickstream: shards divide the 128-bit hash key space,
 * MD5 of the partition key picks the shard, one key's records keep their order on it, a consumer
 * resumes exactly where a sequence number says, and resharding keeps a key's order across the
 * parent and its children. On AWS it also meets the record size and shard throughput limits.
 */
public final class KinesisShardOrderingLab implements Lab {
    static final int SHARDS = 4;
    static final int ROUTED_KEYS = 40;
    static final int ONE_MIB = 1024 * 1024;
    private static final int ORDERED_RECORDS = 5;
    private static final int BURST_BATCHES = 10;
    private static final int BURST_RECORDS = 500;
    private static final int BURST_RECORD_BYTES = 1024;
    private static final String THROTTLED = "ProvisionedThroughputExceededException";

    private String stream;
    private ShardReader reader;
    /** The visitor whose clicks the ordering assertions follow. */
    private VisitorClicks visitor;
    private String visitorShard;
    private List<Range> ranges = List.of();

    @Override
    public LabInfo info() {
        return LabInfo.of("kinesis-shard-ordering", "Kinesis Data Streams: shards, partition keys, order")
                .exam(ExamDomain.HIGH_PERFORMING, "3.5 Determine high-performing data ingestion and transformation solutions", 733)
                .concept("A stream's shards divide the 128-bit hash key space into ranges. A record's partition key is "
                        + "hashed with MD5 to a 128-bit integer, and the record goes to the open shard whose range "
                        + "holds it: one key, one shard, so one visitor's clicks stay in order while many visitors "
                        + "spread over the shards. Each record gets a sequence number that increases within the "
                        + "shard; a consumer resumes after the last one it processed. Adding capacity means splitting "
                        + "shards: the parent closes, two children take its range, and reading the parent before "
                        + "its children keeps every key's order.")
                .examAngle("Real-time clickstream from users around the world, processed in order per user and by "
                        + "several consumers: why Kinesis Data Streams, what does the partition key decide, what "
                        + "happens when a shard is too hot (1 MiB/s or 1,000 records/s of writes each), and how does "
                        + "a consumer resume after a crash without losing or repeating records?")
                .services("kinesis")
                .costPerRunUsd(0.08, "at most 5 open shards for under an hour at $0.015 per shard-hour ($0.075 even "
                        + "if each partial hour counts whole) plus about 5,100 PUT payload units at $0.014 per million "
                        + "(aws.amazon.com/kinesis/data-streams/pricing)")
                .provisions(KinesisStream.KIND)
                .calls("kinesis:GetRecords", "kinesis:GetShardIterator", "kinesis:ListShards", "kinesis:PutRecord",
                        "kinesis:PutRecords", "kinesis:SplitShard")
                .creates("a provisioned data stream of " + SHARDS + " shards named after the run id and tagged with "
                        + "it; one of its shards is split during the lab; teardown deletes the stream")
                .asserts("shards-split-hash-key-space",
                        "A stream created with " + SHARDS + " shards has " + SHARDS + " open shards whose hash key "
                                + "ranges tile 0 to 2^128-1 with no gap or overlap")
                .asserts("md5-of-key-picks-shard",
                        "For each of " + ROUTED_KEYS + " partition keys, PutRecord's ShardId is the shard whose range "
                                + "holds MD5(key) read as a 128-bit integer, computed here; the keys spread over every "
                                + "shard")
                .asserts("per-key-order",
                        ORDERED_RECORDS + " records of one partition key, each put with SequenceNumberForOrdering set "
                                + "to the previous one's sequence number, land on one shard with strictly increasing "
                                + "sequence numbers (compared as integers: they are 56 digits on AWS) and are read "
                                + "back in that order")
                .asserts("iterator-positions",
                        "A shard iterator AFTER_SEQUENCE_NUMBER of a record reads exactly the records after it, "
                                + "AT_SEQUENCE_NUMBER reads that record too, and LATEST reads nothing written before it "
                                + "but the record written next")
                .asserts("split-keeps-key-order",
                        "SplitShard closes the key's shard and creates two children whose ParentShardId names it and "
                                + "whose ranges tile its range; the key's next records go to the child holding its "
                                + "hash, and reading the parent, then the child, gives the key's records in the order "
                                + "written, with increasing sequence numbers")
                .asserts("record-size-limit",
                        "PutRecord accepts a record of 1 MiB (data plus partition key) and refuses data of 1 MiB + 1 "
                                + "byte")
                .asserts("throughput-exceeded",
                        "Writes to one shard beyond 1,000 records or 1 MiB per second are refused per record with "
                                + THROTTLED + ": PutRecords of " + BURST_RECORDS + " records of 1 KiB to one key, "
                                + "back to back, soon reports throttled records")
                .note("MD5 maps the partition key to a 128-bit integer and the record goes to the shard whose hash key "
                        + "range holds it (docs.aws.amazon.com/streams/latest/dev/key-concepts.html).")
                .note("Sequence numbers of one partition key generally increase over time; strictly increasing order "
                        + "is guaranteed only when each PutRecord sets SequenceNumberForOrdering to the previous "
                        + "record's sequence number, which the lab does "
                        + "(docs.aws.amazon.com/kinesis/latest/APIReference/API_PutRecord.html).")
                .note("Iterator types: AT_SEQUENCE_NUMBER, AFTER_SEQUENCE_NUMBER, TRIM_HORIZON, LATEST, AT_TIMESTAMP "
                        + "(docs.aws.amazon.com/kinesis/latest/APIReference/API_GetShardIterator.html).")
                .note("After a reshard, read a parent shard to its end before its children to keep a key's order "
                        + "(docs.aws.amazon.com/streams/latest/dev/kinesis-using-sdk-java-after-resharding.html).")
                .note("Per shard: writes up to 1 MiB/s or 1,000 records/s, reads up to 2 MiB/s and 5 GetRecords "
                        + "calls/s; a record's data plus partition key may be at most 1 MiB "
                        + "(docs.aws.amazon.com/streams/latest/dev/service-sizes-and-limits.html).")
                .note("On LocalStack this lab needs a container: a host process would download the Kinesis engine "
                        + "at the first call, so there every assertion is SKIPPED with that reason and nothing is created.")
                .note("Deleting a stream is asynchronous: it stays DELETING for a while; teardown counts it as gone "
                        + "then (docs.aws.amazon.com/kinesis/latest/APIReference/API_DeleteStream.html).")
                .source("https://docs.aws.amazon.com/streams/latest/dev/key-concepts.html")
                .source("https://docs.aws.amazon.com/streams/latest/dev/kinesis-using-sdk-java-resharding-split.html")
                .source("https://docs.aws.amazon.com/kinesis/latest/APIReference/API_PutRecord.html")
                .source("https://docs.aws.amazon.com/kinesis/latest/APIReference/API_PutRecords.html")
                .gap(MOTO, "split-keeps-key-order",
                        Symptom.checkFails("shards of the records put after SplitShard", "the closed parent"),
                        "moto routes a record to the first shard, in creation order, whose range holds its hash, closed "
                                + "shards included, so after SplitShard the key's records still go to the closed parent; "
                                + "AWS writes only to open shards",
                        "moto/kinesis/models.py Stream.get_shard_for_key does not check Shard.is_open (moto 5.2.5)")
                .gap(MOTO, "record-size-limit",
                        Symptom.checkFails("PutRecord of 1 MiB + 1 byte", "the call succeeded"),
                        "moto accepts a record of any size; AWS refuses data over 1 MiB",
                        "moto/kinesis/models.py KinesisBackend.put_record checks no size (moto 5.2.5)")
                .awsOnly("throughput-exceeded", "no emulator throttles a shard: moto 5.2.5 checks no write rate "
                        + "(kinesis/models.py put_records), and LocalStack's engine, kinesis-local 0.5.2, took 3,000 "
                        + "records of 1 KiB to one shard in 6 back-to-back PutRecords without throttling one");
    }

    @Override
    public void provision(LabContext ctx) throws Exception {
        stream = KinesisStream.create(ctx, "clicks", SHARDS);
        reader = new ShardReader(ctx.client(KinesisClient.class), stream);
        visitor = new VisitorClicks(ctx.client(KinesisClient.class), stream, "visitor-" + ctx.runId());
    }

    @Override
    public void verify(LabContext ctx, Checks check) {
        KinesisClient kinesis = ctx.client(KinesisClient.class);
        String run = ctx.runId();

        check.that("shards-split-hash-key-space", p -> {
            ListShardsResponse listed = kinesis.listShards(r -> r.streamName(stream));
            p.call("kinesis:ListShards", listed);
            ranges = listed.shards().stream().map(Range::of).sorted(Comparator.comparing(Range::start)).toList();
            p.evidence("hashKeyRanges", ranges);
            p.equal("open shards", SHARDS, ranges.size());
            p.equal("how the ranges cover 0 to 2^128-1", HashKeySpace.CONTIGUOUS,
                    HashKeySpace.coverage(ranges, HashKeySpace.LOWEST, HashKeySpace.HIGHEST));
        });

        check.that("md5-of-key-picks-shard", p -> {
            if (ranges.isEmpty()) {
                p.skip(ctx.words("skip.noRanges"));
            }
            List<String> misrouted = new ArrayList<>();
            Map<String, Integer> perShard = new LinkedHashMap<>();
            for (int i = 0; i < ROUTED_KEYS; i++) {
                String key = "user-" + i;
                BigInteger hash = HashKeySpace.hashOf(key);
                String expected = HashKeySpace.holding(ranges, hash).map(Range::shardId).orElse("no shard");
                PutRecordResponse put = kinesis.putRecord(r -> r.streamName(stream).partitionKey(key)
                        .data(SdkBytes.fromUtf8String("page-view:" + run + ":" + key)));
                if (i == 0) {
                    p.call("kinesis:PutRecord(user-0)", put).evidence("user-0", "MD5 " + hash + " -> " + put.shardId());
                }
                perShard.merge(put.shardId(), 1, Integer::sum);
                if (!expected.equals(put.shardId())) {
                    misrouted.add(key + ": PutRecord said " + put.shardId() + ", MD5 says " + expected);
                }
            }
            p.evidence("recordsPerShard", perShard);
            p.equal("keys whose record landed elsewhere than the shard holding MD5(key)", List.of(), misrouted);
            p.equal("shards that received records", SHARDS, perShard.size());
        });

        check.that("per-key-order", p -> {
            List<PutRecordResponse> puts = new ArrayList<>();
            List<String> data = new ArrayList<>();
            for (int i = 1; i <= ORDERED_RECORDS; i++) {
                String click = "click:" + run + ":" + i;
                puts.add(visitor.put(click));
                data.add(click);
            }
            List<String> sequenceNumbers = puts.stream().map(PutRecordResponse::sequenceNumber).toList();
            Set<String> shards = puts.stream().map(PutRecordResponse::shardId).collect(Collectors.toCollection(TreeSet::new));
            p.call("kinesis:PutRecord(first)", puts.get(0)).evidence("sequenceNumbers", sequenceNumbers)
                    .evidence("sequenceNumberDigits", sequenceNumbers.get(0).length());
            p.equal("shards of the key's records", 1, shards.size());
            visitorShard = puts.get(0).shardId();
            p.isTrue("sequence numbers strictly increase", HashKeySpace.strictlyIncreasing(sequenceNumbers),
                    String.join(", ", sequenceNumbers));
            ShardReader.Read read = reader.from(visitorShard, ShardIteratorType.AT_SEQUENCE_NUMBER, sequenceNumbers.get(0));
            p.equal("records read back from the first one's sequence number", data, read.data());
        });

        check.that("iterator-positions", p -> {
            if (visitorShard == null) {
                p.skip(ctx.words("skip.noShard"));
            }
            List<String> sequenceNumbers = new ArrayList<>();
            List<String> data = new ArrayList<>();
            for (int i = 1; i <= 4; i++) {
                String click = "resume:" + run + ":" + i;
                sequenceNumbers.add(visitor.put(click).sequenceNumber());
                data.add(click);
            }
            String second = sequenceNumbers.get(1);
            p.evidence("resumeFrom", second);
            p.equal("records read AFTER_SEQUENCE_NUMBER of the second", data.subList(2, 4),
                    reader.from(visitorShard, ShardIteratorType.AFTER_SEQUENCE_NUMBER, second).data());
            p.equal("records read AT_SEQUENCE_NUMBER of the second", data.subList(1, 4),
                    reader.from(visitorShard, ShardIteratorType.AT_SEQUENCE_NUMBER, second).data());
            ShardReader.Read atLatest = reader.from(visitorShard, ShardIteratorType.LATEST, null);
            p.equal("records read at LATEST", List.of(), atLatest.data());
            String next = "resume:" + run + ":5";
            visitor.put(next);
            p.equal("records read on from LATEST after one more write", List.of(next),
                    reader.readOn(atLatest.nextIterator()).data());
        });

        check.that("split-keeps-key-order", p -> {
            if (visitorShard == null || ranges.isEmpty()) {
                p.skip(ctx.words("skip.noShardOrRange"));
            }
            Range parent = ranges.stream().filter(r -> r.shardId().equals(visitorShard)).findFirst().orElseThrow();
            p.call("kinesis:SplitShard", kinesis.splitShard(r -> r.streamName(stream).shardToSplit(parent.shardId())
                    .newStartingHashKey(parent.midpoint().toString())));
            KinesisStream.awaitActive(kinesis, ctx.waits(), stream);
            List<Shard> shards = kinesis.listShards(r -> r.streamName(stream)).shards();
            List<Range> children = shards.stream().filter(s -> parent.shardId().equals(s.parentShardId()))
                    .map(Range::of).toList();
            String parentEnd = shards.stream().filter(s -> s.shardId().equals(parent.shardId())).findFirst()
                    .map(s -> s.sequenceNumberRange().endingSequenceNumber()).orElse(null);
            p.evidence("splitShard", parent).evidence("children", children).evidence("parentEndingSequenceNumber", parentEnd);
            p.equal("shards whose ParentShardId is the split shard", 2, children.size());
            p.equal("how the children cover the split shard's range", HashKeySpace.CONTIGUOUS,
                    HashKeySpace.coverage(children, parent.start(), parent.end()));
            p.isTrue("the split shard is closed (it has an EndingSequenceNumber)", parentEnd != null, parentEnd);
            String child = HashKeySpace.holding(children, HashKeySpace.hashOf(visitor.visitor())).map(Range::shardId).orElseThrow();
            Set<String> childIds = children.stream().map(Range::shardId).collect(Collectors.toSet());
            List<String> landed = new ArrayList<>();
            for (int i = 1; i <= 2; i++) {
                String shard = visitor.put("after-split:" + run + ":" + i).shardId();
                landed.add(shard + (shard.equals(parent.shardId()) ? " (the closed parent)"
                        : childIds.contains(shard) ? " (a child)" : ""));
            }
            p.equal("shards of the records put after SplitShard", Collections.nCopies(2, child + " (a child)"), landed);
            List<Record> lineage = new ArrayList<>(visitorRecords(reader.from(parent.shardId(),
                    ShardIteratorType.TRIM_HORIZON, null)));
            lineage.addAll(visitorRecords(reader.from(child, ShardIteratorType.TRIM_HORIZON, null)));
            List<String> sequenceNumbers = lineage.stream().map(Record::sequenceNumber).toList();
            p.evidence("lineageSequenceNumbers", sequenceNumbers);
            p.equal("the key's records read from the parent, then the child", visitor.history(),
                    lineage.stream().map(r -> r.data().asUtf8String()).toList());
            p.isTrue("their sequence numbers increase across parent and child",
                    HashKeySpace.strictlyIncreasing(sequenceNumbers), String.join(", ", sequenceNumbers));
        });

        check.that("record-size-limit", p -> {
            String key = "big-" + run;
            PutRecordResponse atLimit = kinesis.putRecord(r -> r.streamName(stream).partitionKey(key)
                    .data(SdkBytes.fromByteArray(new byte[ONE_MIB - key.length()])));
            p.call("kinesis:PutRecord(1 MiB with its key)", atLimit);
            KinesisException refused = p.throwsA("PutRecord of 1 MiB + 1 byte", KinesisException.class,
                    () -> kinesis.putRecord(r -> r.streamName(stream).partitionKey(key)
                            .data(SdkBytes.fromByteArray(new byte[ONE_MIB + 1]))));
            p.error("kinesis:PutRecord(1 MiB + 1 byte)", refused);
            p.equal("HTTP status", 400, refused.statusCode());
        });

        check.that("throughput-exceeded", p -> {
            String key = "burst-" + run;
            List<PutRecordsRequestEntry> batch = IntStream.range(0, BURST_RECORDS)
                    .mapToObj(i -> PutRecordsRequestEntry.builder().partitionKey(key)
                            .data(SdkBytes.fromByteArray(new byte[BURST_RECORD_BYTES])).build())
                    .toList();
            List<Integer> failedPerBatch = new ArrayList<>();
            boolean throttled = false;
            for (int b = 0; b < BURST_BATCHES && !throttled; b++) {
                PutRecordsResponse response = kinesis.putRecords(r -> r.streamName(stream).records(batch));
                if (b == 0) {
                    p.call("kinesis:PutRecords(first batch)", response);
                }
                failedPerBatch.add(response.failedRecordCount());
                throttled = response.records().stream().anyMatch(e -> THROTTLED.equals(e.errorCode()));
            }
            p.evidence("failedRecordsPerBatch", failedPerBatch);
            p.isTrue("records of the first batch accepted", failedPerBatch.get(0) < BURST_RECORDS,
                    failedPerBatch.get(0) + " of " + BURST_RECORDS + " failed");
            p.isTrue("a record refused with " + THROTTLED, throttled, failedPerBatch + " failed per batch");
        });
    }

    private List<Record> visitorRecords(ShardReader.Read read) {
        return read.records().stream().filter(r -> visitor.visitor().equals(r.partitionKey())).toList();
    }
}
