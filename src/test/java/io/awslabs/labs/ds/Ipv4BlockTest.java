package io.awslabs.labs.ds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class Ipv4BlockTest {

    @Test
    void anAddressIsInsideTheBlockOnlyWhenItsNetworkBitsMatch() {
        Ipv4Block subnet = Ipv4Block.parse("10.42.1.0/24");

        assertThat(subnet.contains("10.42.1.23")).isTrue();
        assertThat(subnet.contains("10.42.1.255")).isTrue();
        assertThat(subnet.contains("10.42.2.23")).isFalse();
        assertThat(subnet.contains("11.42.1.23")).isFalse();
    }

    @Test
    void edgesOfThePrefixLength() {
        assertThat(Ipv4Block.parse("0.0.0.0/0").contains("203.0.113.9")).isTrue();
        assertThat(Ipv4Block.parse("192.0.2.7/32").contains("192.0.2.7")).isTrue();
        assertThat(Ipv4Block.parse("192.0.2.7/32").contains("192.0.2.8")).isFalse();
        assertThat(Ipv4Block.parse("10.42.1.77/24")).isEqualTo(Ipv4Block.parse("10.42.1.0/24"));
        assertThat(Ipv4Block.parse("200.0.0.0/8").contains("200.255.1.1")).as("high bit set").isTrue();
    }

    @Test
    void notAnAddressIsRefused() {
        assertThatThrownBy(() -> Ipv4Block.parse("10.42.1.0")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Ipv4Block.parse("10.42.1.0/33")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Ipv4Block.parse("10.42.1.0/24").contains("10.42.300.1"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
