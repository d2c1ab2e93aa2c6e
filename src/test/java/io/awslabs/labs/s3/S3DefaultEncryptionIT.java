package io.awslabs.labs.s3;

import static org.assertj.core.api.Assertions.assertThat;

import io.awslabs.report.AssertionRecord;
import io.awslabs.testing.Emulator;
import io.awslabs.testing.LabContract;
import java.util.Map;
import org.junit.jupiter.api.Test;

class S3DefaultEncryptionIT extends LabContract {

    S3DefaultEncryptionIT() {
        super(S3DefaultEncryptionLab::new);
    }

    @Test
    void bucketDefaultAppliesTheLabKeyToUploadsWithoutHeadersAndExplicitHeadersOverrideIt() {
        Map<String, AssertionRecord> a = assertionsOn(Emulator.MOTO);

        assertThat(a.get("headerless-upload-uses-lab-key").actual()).contains("aws:kms", "arn:aws:kms:", "BucketKeyEnabled: true");
        assertThat(a.get("explicit-aes256-overrides-default").actual()).contains("AES256", "SSEKMSKeyId: null");
    }

    @Test
    void motoHasNoSseS3DefaultAndSaysWhatItAnswered() {
        AssertionRecord sseS3 = assertionsOn(Emulator.MOTO).get("unconfigured-bucket-uses-sse-s3");

        assertThat(sseS3.reason()).contains("known moto gap", "the target answered: ServerSideEncryption: null");
        assertThat(sseS3.evidence()).containsKey("knownGap.source").containsEntry("PutObject.ServerSideEncryption", "null");
    }

    @Test
    void motoRefusesEveryUploadUnderTheConditionalDenyWhereLocalStackAcceptsEvery() {
        AssertionRecord onMoto = assertionsOn(Emulator.MOTO).get("policy-judges-request-not-default");
        AssertionRecord onLocalStack = assertionsOn(Emulator.LOCALSTACK).get("policy-judges-request-not-default");

        assertThat(onMoto.evidence())
                .containsEntry("PutObject(aws:kms, lab key)", "refused: 403 -")
                .containsEntry("PutObject(AES256)", "refused: 403 -")
                .containsEntry("PutObject(no encryption header)", "refused: 403 -");
        assertThat(onMoto.evidence().get("bucketPolicy")).contains("StringNotEquals", "s3:x-amz-server-side-encryption");
        assertThat(onLocalStack.reason()).contains("known LocalStack gap", "never evaluates", "upload with AES256: accepted");
        assertThat(onLocalStack.evidence()).containsEntry("PutObject(aws:kms, lab key)", "accepted")
                .containsEntry("PutObject(AES256)", "accepted");
    }

    @Test
    void localStackAppliesSseS3ToNewObjectsAsAwsHasSince2023() {
        assertThat(assertionsOn(Emulator.LOCALSTACK).get("unconfigured-bucket-uses-sse-s3").actual()).contains("AES256");
    }
}
