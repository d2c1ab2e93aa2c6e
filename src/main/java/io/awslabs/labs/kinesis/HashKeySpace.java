package io.awslabs.labs.kinesis;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.kinesis.model.Shard;

/**
 * The 128-bit hash key space a stream's shards divide among themselves: Kinesis hashes a
 * partition key with MD5 to an unsigned 128-bit integer and writes the record to the open shard
 * whose hash key range holds it.
 */
final class HashKeySpace {
    static final BigInteger LOWEST = BigInteger.ZERO;
    static final BigInteger HIGHEST = BigInteger.TWO.pow(128).subtract(BigInteger.ONE);
    static final String CONTIGUOUS = "contiguous, no gap or overlap";

    /** One shard's inclusive range of hash keys. */
    record Range(String shardId, BigInteger start, BigInteger end) {
        static Range of(Shard shard) {
            return new Range(shard.shardId(), new BigInteger(shard.hashKeyRange().startingHashKey()),
                    new BigInteger(shard.hashKeyRange().endingHashKey()));
        }

        boolean holds(BigInteger hashKey) {
            return start.compareTo(hashKey) <= 0 && hashKey.compareTo(end) <= 0;
        }

        /** The first hash key of the upper half, where SplitShard cuts the range in two. */
        BigInteger midpoint() {
            return start.add(end).add(BigInteger.ONE).shiftRight(1);
        }

        @Override
        public String toString() {
            return shardId + " [" + start + ", " + end + "]";
        }
    }

    private HashKeySpace() { }

    /** MD5 of the key's UTF-8 bytes, read as an unsigned 128-bit integer. */
    static BigInteger hashOf(String partitionKey) {
        try {
            byte[] digest = MessageDigest.getInstance("MD5").digest(partitionKey.getBytes(StandardCharsets.UTF_8));
            return new BigInteger(1, digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has MD5", e);
        }
    }

    static Optional<Range> holding(List<Range> ranges, BigInteger hashKey) {
        return ranges.stream().filter(r -> r.holds(hashKey)).findFirst();
    }

    /**
     * How the ranges cover {@code [from, to]}: {@link #CONTIGUOUS} when they tile it exactly, in
     * any order, or the first gap or overlap found.
     */
    static String coverage(List<Range> ranges, BigInteger from, BigInteger to) {
        List<Range> sorted = ranges.stream().sorted(Comparator.comparing(Range::start)).toList();
        if (sorted.isEmpty()) {
            return "no ranges";
        }
        BigInteger expected = from;
        for (Range r : sorted) {
            int cmp = r.start().compareTo(expected);
            if (cmp != 0) {
                return (cmp > 0 ? "gap before " : "overlap at ") + r;
            }
            expected = r.end().add(BigInteger.ONE);
        }
        BigInteger last = expected.subtract(BigInteger.ONE);
        return last.equals(to) ? CONTIGUOUS : "ends at " + last + ", not " + to;
    }

    /** Whether these sequence numbers (decimal strings, 56 digits on AWS) strictly increase. */
    static boolean strictlyIncreasing(List<String> sequenceNumbers) {
        for (int i = 1; i < sequenceNumbers.size(); i++) {
            if (new BigInteger(sequenceNumbers.get(i)).compareTo(new BigInteger(sequenceNumbers.get(i - 1))) <= 0) {
                return false;
            }
        }
        return true;
    }
}
