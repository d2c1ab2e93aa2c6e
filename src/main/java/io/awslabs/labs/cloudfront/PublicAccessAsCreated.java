package io.awslabs.labs.cloudfront;

import io.awslabs.lab.Proof;
import java.util.Optional;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetPublicAccessBlockResponse;
import software.amazon.awssdk.services.s3.model.PublicAccessBlockConfiguration;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * A new bucket's Block Public Access settings as S3 created them, read before anything sets them:
 * what S3 does by default, not what the lab wrote. A bucket with no configuration at all (S3's
 * answer before April 2023, and an emulator's) is an answer too, kept as the error S3 gave.
 */
record PublicAccessAsCreated(Optional<PublicAccessBlockConfiguration> configuration, String answer, String requestId) {
    static final String NONE = "NoSuchPublicAccessBlockConfiguration";

    static PublicAccessAsCreated read(S3Client s3, String bucket) {
        try {
            GetPublicAccessBlockResponse got = s3.getPublicAccessBlock(r -> r.bucket(bucket));
            return new PublicAccessAsCreated(Optional.of(got.publicAccessBlockConfiguration()),
                    String.valueOf(got.publicAccessBlockConfiguration()), got.responseMetadata().requestId());
        } catch (S3Exception e) {
            if (e.awsErrorDetails() == null || !NONE.equals(e.awsErrorDetails().errorCode())) {
                throw e;
            }
            return new PublicAccessAsCreated(Optional.empty(), Proof.describe(e), e.requestId());
        }
    }
}
