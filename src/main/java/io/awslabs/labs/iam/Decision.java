package io.awslabs.labs.iam;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.awscore.AwsResponse;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * What the target decided about one request made as a principal: allowed, or refused with an
 * error code. Anything that is not the service's answer (a lost connection) is not a decision
 * and goes on up.
 */
record Decision(boolean allowed, String errorCode, int status, String requestId) {
    private static final Pattern CODE_ELEMENT = Pattern.compile("<Code>([^<]+)</Code>");

    @FunctionalInterface
    interface Request {
        AwsResponse send() throws Exception;
    }

    static Decision of(Request request) throws Exception {
        try {
            AwsResponse response = request.send();
            return new Decision(true, null, response.sdkHttpResponse().statusCode(), response.responseMetadata().requestId());
        } catch (AwsServiceException e) {
            return new Decision(false, codeOf(e), e.statusCode(), e.requestId());
        }
    }

    /**
     * The error code the SDK read, or else the {@code <Code>} in the answer's body: moto refuses a
     * query-protocol request (IAM, STS) that its policies deny with
     * {@code <ErrorResponse><Errors><Error><Code>}, one level deeper than AWS's
     * {@code <ErrorResponse><Error><Code>} (moto/core/exceptions.py _RESTError, moto 5.2.5), where
     * the SDK finds no code.
     */
    static String codeOf(AwsServiceException e) {
        if (e.awsErrorDetails() == null) {
            return String.valueOf(e.statusCode());
        }
        if (e.awsErrorDetails().errorCode() != null) {
            return e.awsErrorDetails().errorCode();
        }
        String body = e.awsErrorDetails().rawResponse() == null ? ""
                : new String(e.awsErrorDetails().rawResponse().asByteArray(), StandardCharsets.UTF_8);
        Matcher code = CODE_ELEMENT.matcher(body);
        return code.find() ? code.group(1) : String.valueOf(e.statusCode());
    }

    boolean refusedWith(String code) {
        return !allowed && code.equals(errorCode);
    }

    /** What the checks compare: "allowed", or "refused: AccessDenied". */
    String verdict() {
        return allowed ? "allowed" : "refused: " + errorCode;
    }

    static String refused(String code) {
        return "refused: " + code;
    }
}
