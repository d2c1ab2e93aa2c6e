package io.awslabs.labs.s3;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class S3PresignedUploadChallengeTest {

    @Test
    void anS3UrlNamesItsObjectPathStyleOrVirtualHosted() {
        assertThat(S3PresignedUploadChallenge.pathOf(URI.create("http://127.0.0.1:4566/bkt/receipts/a.jpg?X=1"), "bkt"))
                .isEqualTo("/receipts/a.jpg");
        assertThat(S3PresignedUploadChallenge.pathOf(URI.create("https://bkt.s3.eu-west-1.amazonaws.com/receipts/a.jpg?X=1"),
                "bkt")).isEqualTo("/receipts/a.jpg");
    }

    @Test
    void aRetargetedUrlKeepsTheSignedQueryStringForAnotherObject() {
        URI signed = URI.create("http://127.0.0.1:4566/bkt/receipts/a.jpg?X-Amz-Expires=300&X-Amz-Signature=abc%2F");

        assertThat(S3PresignedUploadChallenge.retarget(signed, "receipts/a.jpg", "receipts/b.jpg"))
                .hasToString("http://127.0.0.1:4566/bkt/receipts/b.jpg?X-Amz-Expires=300&X-Amz-Signature=abc%2F");
        assertThat(S3PresignedUploadChallenge.query(signed)).containsEntry("X-Amz-Expires", "300")
                .containsEntry("X-Amz-Signature", "abc/");
    }
}
