package io.awslabs.resources;

import static org.assertj.core.api.Assertions.assertThat;

import io.awslabs.text.Lang;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

class UnsupportedApiTest {

    @Test
    void motosBareServerErrorForAServiceItLacksMeansTheApiIsMissing() {
        assertThat(UnsupportedApi.reason("Global Accelerator accelerator", answer(500, null)))
                .hasValueSatisfying(r -> {
                    assertThat(r.in(Lang.EN)).isEqualTo(
                            "Global Accelerator accelerator answered 500: the target does not implement this API");
                    assertThat(r.in(Lang.ZH)).isEqualTo("Global Accelerator accelerator 的回答是 500：这个目标环境没有实现这个 API");
                });
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
