package io.awslabs.resources;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

class UnsupportedApiTest {

    @Test
    void motosBareServerErrorForAServiceItLacksMeansTheApiIsMissing() {
        assertThat(UnsupportedApi.reason("Global Accelerator accelerator", answer(500, null)))
                .hasValueSatisfying(r -> assertThat(r).contains("500").contains("does not implement"));
    }

    @Test
    void anAwsInternalErrorWithItsCodeIsAnOrdinaryError() {
        assertThat(UnsupportedApi.reason("KMS key", answer(500, "KMSInternalException"))).isEmpty();
        assertThat(UnsupportedApi.reason("S3 bucket", answer(403, "AccessDenied"))).isEmpty();
    }

    @Test
    void aBareNotFoundAndLocalStacksNotImplementedMeanTheApiIsMissing() {
        assertThat(UnsupportedApi.reason("CloudFront origin access identity", answer(404, null))).isPresent();
        assertThat(UnsupportedApi.reason("Cognito user pool", answer(501, "InternalFailure"))).isPresent();
    }

    private static AwsServiceException answer(int status, String code) {
        return AwsServiceException.builder().statusCode(status)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).build()).build();
    }
}
