package io.awslabs.resources;

import io.awslabs.text.Phrase;
import java.util.Optional;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * Recognises a target that does not implement an API at all, as opposed to one that refused a
 * request. Emulators answer such calls in ways AWS never does for a create or list call: moto
 * routes no handler and answers a bare HTTP 404 without an AWS error code, or, for an action of a
 * service it has but not of this one (EC2 CreatePlacementGroup), raises NotImplementedError and
 * answers HTTP 500 with an HTML page, no AWS error at all; LocalStack community answers 501 ("not
 * yet implemented or pro feature").
 */
public final class UnsupportedApi {
    private UnsupportedApi() { }

    /** Why {@code e} means the API does not exist on this target, or empty if it is an ordinary error. */
    public static Optional<Phrase> reason(String api, AwsServiceException e) {
        String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
        boolean bareNotFound = e.statusCode() == 404 && (code == null || code.isBlank() || code.equals("404"));
        boolean bareServerError = e.statusCode() == 500 && (code == null || code.isBlank());
        if (bareNotFound || bareServerError || e.statusCode() == 501) {
            return Optional.of(TeardownWords.phrase("unsupported.api", api,
                    e.statusCode() + (code == null || code.isBlank() ? "" : " " + code)));
        }
        return Optional.empty();
    }
}
