package io.awslabs.labs.s3;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.awslabs.lab.Scaffold;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class S3DefaultEncryptionChallengeTest {

    @Test
    void theCliCommandWritesTheRuleTheReferenceSolutionPuts() throws Exception {
        String key = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";
        Scaffold scaffold = Scaffold.builder(Path.of("/tmp"), new S3DefaultEncryptionChallenge().info())
                .item("key", "KMS key", "1234abcd", key)
                .item("bucket", "S3 bucket", "labs-s3-default-encryption-abcd1234-invoices", null).build();

        String command = new S3DefaultEncryptionChallenge().commands(scaffold).get(0);

        assertThat(command).startsWith("aws s3api put-bucket-encryption --bucket labs-s3-default-encryption-abcd1234-invoices ");
        JsonNode rule = new ObjectMapper().readTree(command.substring(command.indexOf('\'') + 1, command.lastIndexOf('\'')))
                .path("Rules").get(0);
        var expected = S3DefaultEncryptionLab.kmsDefaultRule(key);
        assertThat(rule.path("ApplyServerSideEncryptionByDefault").path("SSEAlgorithm").asText())
                .isEqualTo(expected.applyServerSideEncryptionByDefault().sseAlgorithmAsString());
        assertThat(rule.path("ApplyServerSideEncryptionByDefault").path("KMSMasterKeyID").asText()).isEqualTo(key);
        assertThat(rule.path("BucketKeyEnabled").asBoolean()).isEqualTo(expected.bucketKeyEnabled());
    }
}
