package io.awslabs.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedactorTest {

    @Test
    void presignedUrlKeepsItsShapeButLosesSignatureAndCredential() {
        String url = "http://127.0.0.1:5000/bucket/receipt.jpg?X-Amz-Algorithm=AWS4-HMAC-SHA256"
                + "&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20261122%2Fus-east-1%2Fs3%2Faws4_request"
                + "&X-Amz-Expires=300&X-Amz-SignedHeaders=content-type%3Bhost"
                + "&X-Amz-Signature=0b4f7c6a1f0e2d3c4b5a69788776655443322110ffeeddccbbaa998877665544";

        String redacted = Redactor.redact(url);

        assertThat(redacted).contains("/bucket/receipt.jpg", "X-Amz-Expires=300", "X-Amz-Signature=REDACTED",
                "X-Amz-Credential=REDACTED");
        assertThat(redacted).doesNotContain("0b4f7c6a", "AKIAIOSFODNN7EXAMPLE");
        assertThat(Redactor.containsSecret(url)).isTrue();
        assertThat(Redactor.containsSecret(redacted)).isFalse();
    }

    @Test
    void privateKeysAndAccessKeysAreHidden() {
        String pem = "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA\n-----END RSA PRIVATE KEY-----";

        assertThat(Redactor.redact(pem)).doesNotContain("MIIEowIBAAKCAQEA");
        assertThat(Redactor.redact("key AKIAIOSFODNN7EXAMPLE used")).doesNotContain("IOSFODNN7EXAMPLE");
        assertThat(Redactor.redact("{\"secretAccessKey\":\"wJalrXUtnFEMI\"}")).doesNotContain("wJalrXUtnFEMI");
    }

    @Test
    void ordinaryEvidenceIsLeftAlone() {
        String text = "arn:aws:kms:us-east-1:123456789012:key/1234abcd 403 AccessDenied";
        String teardown = "teardown SSM parameter /labs/run/db-password: DELETED";

        assertThat(Redactor.redact(text)).isEqualTo(text);
        assertThat(Redactor.redact(teardown)).isEqualTo(teardown);
        assertThat(Redactor.redact("password=hunter2")).isEqualTo("password=REDACTED");
    }
}
