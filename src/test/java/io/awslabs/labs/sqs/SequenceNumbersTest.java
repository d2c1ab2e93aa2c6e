package io.awslabs.labs.sqs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SequenceNumbersTest {

    @Test
    void fifoSequenceNumbersIncreaseAsIntegersAndAMissingOneIsSaidSo() {
        assertThat(SqsFifoExactlyOnceLab.strictlyIncreasing(List.of("15428960868829757449", "15428960868829757450"))).isTrue();
        assertThat(SqsFifoExactlyOnceLab.strictlyIncreasing(List.of("9", "10"))).isTrue();
        assertThat(SqsFifoExactlyOnceLab.strictlyIncreasing(List.of("80070762668985887207", "28606262764452955552"))).isFalse();

        List<String> unnumbered = Arrays.asList(null, null, "3");
        assertThat(SqsFifoExactlyOnceLab.strictlyIncreasing(unnumbered)).isFalse();
        assertThat(SqsFifoExactlyOnceLab.describeSequence(unnumbered)).isEqualTo("missing on 2 of 3 sends");
    }
}
