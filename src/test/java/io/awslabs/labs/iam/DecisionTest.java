package io.awslabs.labs.iam;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkBytes;

class DecisionTest {

    @Test
    void theCodeTheSdkReadWins() {
        assertThat(Decision.codeOf(refusal("AccessDenied", "<ErrorResponse/>"))).isEqualTo("AccessDenied");
    }

    @Test
    void withoutOneTheCodeIsReadFromMotosOneLevelDeeperErrorBody() {
        String moto = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<ErrorResponse><Errors><Error><Code>AccessDenied</Code>"
                + "<Message>User: arn:aws:iam::123456789012:user/u is not authorized</Message></Error></Errors></ErrorResponse>";

        assertThat(Decision.codeOf(refusal(null, moto))).isEqualTo("AccessDenied");
    }

    @Test
    void aBodyWithNoCodeLeavesTheHttpStatus() {
        assertThat(Decision.codeOf(refusal(null, "<html>Forbidden</html>"))).isEqualTo("403");
    }

    @Test
    void theVerdictIsWhatChecksCompare() throws Exception {
        assertThat(Decision.of(() -> { throw refusal("AccessDenied", ""); }).verdict()).isEqualTo("refused: AccessDenied");
        assertThat(Decision.refused("AccessDenied")).isEqualTo("refused: AccessDenied");
    }

    private static AwsServiceException refusal(String code, String body) {
        return AwsServiceException.builder().statusCode(403).awsErrorDetails(AwsErrorDetails.builder().errorCode(code)
                .rawResponse(SdkBytes.fromUtf8String(body)).build()).build();
    }
}
