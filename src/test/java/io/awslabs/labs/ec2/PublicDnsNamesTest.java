package io.awslabs.labs.ec2;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PublicDnsNamesTest {

    @Test
    void usEast1KeepsTheOldComputeOneDomain() {
        assertThat(PublicDnsNames.of("203.0.113.25", "us-east-1")).isEqualTo("ec2-203-0-113-25.compute-1.amazonaws.com");
    }

    @Test
    void everyOtherRegionNamesItselfBeforeCompute() {
        assertThat(PublicDnsNames.of("198.51.100.7", "eu-west-1")).isEqualTo("ec2-198-51-100-7.eu-west-1.compute.amazonaws.com");
    }

    @Test
    void anEmptyNameIsNoName() {
        assertThat(PublicDnsNames.isBlank("")).isTrue();
        assertThat(PublicDnsNames.isBlank(null)).isTrue();
        assertThat(PublicDnsNames.isBlank("ec2-1-2-3-4.compute-1.amazonaws.com")).isFalse();
    }
}
