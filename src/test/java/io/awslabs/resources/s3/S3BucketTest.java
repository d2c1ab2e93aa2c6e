package io.awslabs.resources.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class S3BucketTest {

    @Test
    void theLongestNameTheLabsBuildIsAValidBucketName() {
        String longest = "labs-s3-default-encryption-abcd1234-policy";

        assertThat(S3Bucket.requireValidName(longest)).isEqualTo(longest);
    }

    @Test
    void namesS3WouldRejectAreRefusedBeforeAnyCall() {
        assertThatThrownBy(() -> S3Bucket.requireValidName("labs-" + "x".repeat(59))).hasMessageContaining("63");
        assertThatThrownBy(() -> S3Bucket.requireValidName("labs-Upper-case")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> S3Bucket.requireValidName("labs-ends-with-hyphen-")).isInstanceOf(IllegalArgumentException.class);
    }
}
