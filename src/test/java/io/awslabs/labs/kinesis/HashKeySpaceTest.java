package io.awslabs.labs.kinesis;

import static org.assertj.core.api.Assertions.assertThat;

import io.awslabs.labs.kinesis.HashKeySpace.Range;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

class HashKeySpaceTest {
    private static final BigInteger QUARTER = BigInteger.TWO.pow(126);

    @Test
    void aPartitionKeyHashesToItsMd5ReadAsAnUnsigned128BitInteger() {
        assertThat(HashKeySpace.hashOf("")).isEqualTo(new BigInteger("d41d8cd98f00b204e9800998ecf8427e", 16));
        assertThat(HashKeySpace.hashOf("user-7").signum()).isPositive();
        assertThat(HashKeySpace.hashOf("user-7").bitLength()).isLessThanOrEqualTo(128);
    }

    @Test
    void fourEqualRangesTileTheKeySpaceAndEachKeyFallsInExactlyOne() {
        List<Range> four = quarters();

        assertThat(HashKeySpace.coverage(List.of(four.get(3), four.get(1), four.get(0), four.get(2)), HashKeySpace.LOWEST, HashKeySpace.HIGHEST))
                .isEqualTo(HashKeySpace.CONTIGUOUS);
        assertThat(HashKeySpace.holding(four, QUARTER.subtract(BigInteger.ONE))).map(Range::shardId).contains("s0");
        assertThat(HashKeySpace.holding(four, QUARTER)).map(Range::shardId).contains("s1");
        assertThat(HashKeySpace.holding(four, HashKeySpace.HIGHEST)).map(Range::shardId).contains("s3");
    }

    @Test
    void aGapAnOverlapOrAShortEndIsNamed() {
        List<Range> four = quarters();
        Range first = four.get(0);

        assertThat(HashKeySpace.coverage(four.subList(1, 4), HashKeySpace.LOWEST, HashKeySpace.HIGHEST)).startsWith("gap before s1");
        assertThat(HashKeySpace.coverage(List.of(first, new Range("x", first.end(), HashKeySpace.HIGHEST)),
                HashKeySpace.LOWEST, HashKeySpace.HIGHEST)).startsWith("overlap at x");
        assertThat(HashKeySpace.coverage(four.subList(0, 3), HashKeySpace.LOWEST, HashKeySpace.HIGHEST)).startsWith("ends at");
    }

    @Test
    void splittingAtTheMidpointGivesTwoHalvesThatTileTheParent() {
        Range parent = quarters().get(1);
        BigInteger cut = parent.midpoint();
        List<Range> halves = List.of(new Range("a", parent.start(), cut.subtract(BigInteger.ONE)),
                new Range("b", cut, parent.end()));

        assertThat(HashKeySpace.coverage(halves, parent.start(), parent.end())).isEqualTo(HashKeySpace.CONTIGUOUS);
        assertThat(cut.subtract(parent.start())).isEqualTo(parent.end().add(BigInteger.ONE).subtract(cut));
    }

    @Test
    void sequenceNumbersCompareAsIntegersNotAsText() {
        assertThat(HashKeySpace.strictlyIncreasing(List.of("9", "10", "11"))).isTrue();
        assertThat(HashKeySpace.strictlyIncreasing(List.of(
                "49680751359828860742981799201417172298383574975394086930",
                "49680751359828860742981799201418381224203189604568793106"))).isTrue();
        assertThat(HashKeySpace.strictlyIncreasing(List.of("12", "12"))).isFalse();
    }

    private static List<Range> quarters() {
        return List.of(range("s0", 0), range("s1", 1), range("s2", 2), range("s3", 3));
    }

    private static Range range(String id, int quarter) {
        BigInteger start = QUARTER.multiply(BigInteger.valueOf(quarter));
        return new Range(id, start, start.add(QUARTER).subtract(BigInteger.ONE));
    }
}
