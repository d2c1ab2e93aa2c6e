package io.awslabs.labs.kinesis;

import io.awslabs.lab.Challenge;
import io.awslabs.lab.ChallengeChecks;
import io.awslabs.lab.ChallengeInfo;
import io.awslabs.lab.CheckProof;
import io.awslabs.lab.LabContext;
import io.awslabs.lab.Scaffold;
import io.awslabs.labs.kinesis.HashKeySpace.Range;
import io.awslabs.resources.kinesis.KinesisStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.Record;
import software.amazon.awssdk.services.kinesis.model.Shard;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;

/**
 * The learner writes one visitor's clickstream to a stream of several shards so that a consumer
 * of a single shard sees all of that visitor's clicks, in the order they happened: the choice of
 * partition key is the whole lesson. The checks read every shard from its oldest record, as a
 * consumer would, and never write.
 */
public final class KinesisShardOrderingChallenge implements Challenge {
    static final String STREAM = "stream";
    static final String VISITOR = "visitor";
    static final String CLICKS = "clicks";
    static final List<String> PAGES = List.of("/home", "/products", "/cart", "/checkout", "/paid");

    @Override
    public String labId() {
        return "kinesis-shard-ordering";
    }

    @Override
    public ChallengeInfo info() {
        return ChallengeInfo.goal("The stream carries the site's clickstream to consumers that each read one shard and "
                        + "must see every click of a visitor, in the order it happened. Write the " + PAGES.size()
                        + " clicks of the visitor named below (see 'clicks': one record each, its data exactly that text, "
                        + "in that order; the files click-1.txt to click-" + PAGES.size() + ".txt of the challenge directory "
                        + "hold the same texts) so that one shard holds all of them, in that order, whichever shard it is.")
                .creates("a provisioned data stream of " + KinesisShardOrderingLab.SHARDS + " shards named after the run "
                        + "id and tagged with it, holding no records",
                        "the files click-1.txt to click-" + PAGES.size() + ".txt in the challenge directory, each holding "
                                + "the data of one click")
                .resource(STREAM, "the clickstream, {0} shards")
                .check("clicks-on-the-stream",
                        "Reading every shard from its oldest record finds each of the visitor's " + PAGES.size() + " clicks")
                .check("one-visitor-one-shard",
                        "All of the visitor's clicks are on one shard, written with one partition key, and that shard's "
                                + "hash key range holds MD5 of that key")
                .check("clicks-in-order",
                        "On that shard the visitor's last " + PAGES.size() + " clicks come in the order they happened, "
                                + "with strictly increasing sequence numbers")
                .hints("Kinesis partition keys: Kinesis hashes a record's partition key with MD5 and writes the record to "
                                + "the shard whose hash key range holds the hash; records of one shard are read in the "
                                + "order they were written. What must all of one visitor's clicks have in common?",
                        "Kinesis PutRecord, once per click, in order, with the visitor's id as PartitionKey; "
                                + "SequenceNumberForOrdering set to the previous click's sequence number makes their "
                                + "order strict. With the AWS CLI, --data fileb://FILE sends the file's bytes as they are "
                                + "(a --data text is read as base64 by version 2 and as raw text by version 1).");
    }

    @Override
    public void scaffold(LabContext ctx, Scaffold.Builder scaffold) throws Exception {
        String stream = KinesisStream.create(ctx, "clicks", KinesisShardOrderingLab.SHARDS);
        String visitor = "visitor-" + ctx.runId();
        scaffold.item(STREAM, KinesisStream.KIND.type(), stream, null, KinesisShardOrderingLab.SHARDS)
                .value(VISITOR, visitor)
                .value(CLICKS, String.join(" ", clicksOf(visitor)));
        List<String> clicks = clicksOf(visitor);
        for (int i = 0; i < clicks.size(); i++) {
            Files.writeString(scaffold.file(clickFile(i)), clicks.get(i), StandardCharsets.UTF_8);
        }
    }

    /** The file holding the data of click {@code index} (from 0), for the AWS CLI's fileb://, which sends bytes as they are. */
    static String clickFile(int index) {
        return "click-" + (index + 1) + ".txt";
    }

    static List<String> clicksOf(String visitor) {
        return PAGES.stream().map(page -> visitor + ":" + page).toList();
    }

    /** One of the visitor's clicks as a consumer of its shard reads it. */
    private record Seen(String shardId, String partitionKey, String data, String sequenceNumber) { }

    @Override
    public void check(LabContext ctx, Scaffold scaffold, ChallengeChecks check) {
        KinesisClient kinesis = ctx.client(KinesisClient.class);
        String stream = scaffold.id(STREAM);
        List<String> clicks = clicksOf(scaffold.value(VISITOR));
        ShardReader reader = new ShardReader(kinesis, stream);

        check.that("clicks-on-the-stream", p -> {
            List<Seen> seen = clicksOnStream(p, kinesis, reader, stream, clicks);
            List<String> missing = clicks.stream().filter(c -> seen.stream().noneMatch(s -> s.data().equals(c))).toList();
            p.equal("clicks not found on any shard", List.of(), missing,
                    missing.size() == clicks.size() ? ctx.words("fail.noClicksYet")
                            : ctx.words("fail.clicksMissing", String.join(", ", missing)));
        });

        check.that("one-visitor-one-shard", p -> {
            List<Seen> seen = requireClicks(ctx, p, clicksOnStream(p, kinesis, reader, stream, clicks));
            Set<String> shards = seen.stream().map(Seen::shardId).collect(Collectors.toCollection(TreeSet::new));
            Set<String> keys = seen.stream().map(Seen::partitionKey).collect(Collectors.toCollection(TreeSet::new));
            p.evidence("partitionKeys", keys);
            p.equal("shards holding the visitor's clicks", 1, shards.size(),
                    ctx.words("fail.clicksSpreadOverShards", shards.size(), String.join(", ", shards)));
            p.equal("partition keys of the visitor's clicks", 1, keys.size(),
                    ctx.words("fail.severalPartitionKeys", keys.size()));
            String key = keys.iterator().next();
            List<Range> ranges = kinesis.listShards(r -> r.streamName(stream)).shards().stream().map(Range::of).toList();
            String holding = HashKeySpace.holding(ranges, HashKeySpace.hashOf(key)).map(Range::shardId).orElse(null);
            p.evidence("md5OfPartitionKey", HashKeySpace.hashOf(key));
            p.equal("shard whose range holds MD5 of the partition key", holding, shards.iterator().next(),
                    ctx.words("fail.clicksOffTheirKeysShard"));
        });

        check.that("clicks-in-order", p -> {
            List<Seen> seen = requireClicks(ctx, p, clicksOnStream(p, kinesis, reader, stream, clicks));
            Set<String> shards = seen.stream().map(Seen::shardId).collect(Collectors.toCollection(TreeSet::new));
            p.equal("shards holding the visitor's clicks", 1, shards.size(),
                    ctx.words("fail.clicksOnSeveralShards", shards.size()));
            List<Seen> last = seen.subList(Math.max(0, seen.size() - clicks.size()), seen.size());
            List<String> sequenceNumbers = last.stream().map(Seen::sequenceNumber).toList();
            p.evidence("sequenceNumbers", sequenceNumbers);
            p.equal("the visitor's last clicks in the order the shard holds them", clicks,
                    last.stream().map(Seen::data).toList(),
                    ctx.words("fail.clicksOutOfOrder", last.stream().map(Seen::data).collect(Collectors.joining(", "))));
            p.isTrue("their sequence numbers strictly increase", HashKeySpace.strictlyIncreasing(sequenceNumbers),
                    String.join(", ", sequenceNumbers), ctx.words("fail.sequenceNumbersNotIncreasing"));
        });
    }

    /** The visitor's clicks on every shard, each shard read from its oldest record, in the order each shard holds them. */
    private static List<Seen> clicksOnStream(CheckProof p, KinesisClient kinesis, ShardReader reader, String stream,
                                             List<String> clicks) {
        List<Shard> shards = kinesis.listShards(r -> r.streamName(stream)).shards();
        List<Seen> seen = new ArrayList<>();
        for (Shard shard : shards) {
            for (Record r : reader.from(shard.shardId(), ShardIteratorType.TRIM_HORIZON, null).records()) {
                String data = r.data().asUtf8String();
                if (clicks.contains(data)) {
                    seen.add(new Seen(shard.shardId(), r.partitionKey(), data, r.sequenceNumber()));
                }
            }
        }
        p.evidence("shardsRead", shards.size())
                .evidence("clicksFound", seen.stream().map(s -> s.data() + " on " + s.shardId()).toList());
        return seen;
    }

    private static List<Seen> requireClicks(LabContext ctx, CheckProof p, List<Seen> seen) {
        p.isTrue("the visitor's clicks are on the stream", !seen.isEmpty(), "none", ctx.words("fail.noClicksYet"));
        return seen;
    }

    /** The lab's own producer: the visitor as partition key, each click chained to the previous one. */
    @Override
    public void solve(LabContext ctx, Scaffold scaffold) {
        VisitorClicks visitor = new VisitorClicks(ctx.client(KinesisClient.class), scaffold.id(STREAM),
                scaffold.value(VISITOR));
        clicksOf(scaffold.value(VISITOR)).forEach(visitor::put);
    }

    @Override
    public List<String> commands(Scaffold scaffold) {
        return IntStream.range(0, PAGES.size())
                .mapToObj(i -> "aws kinesis put-record --stream-name " + scaffold.id(STREAM) + " --partition-key "
                        + scaffold.value(VISITOR) + " --data 'fileb://" + scaffold.file(clickFile(i)) + "'")
                .toList();
    }
}
