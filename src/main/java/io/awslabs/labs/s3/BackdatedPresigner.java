package io.awslabs.labs.s3;

import java.net.URI;
import java.net.URL;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.IdentityProvider;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Presigns a GET as if it had been signed at another moment: the SDK's S3 presigner always signs
 * with the current time, the SigV4 signer takes its clock as {@link HttpSigner#SIGNING_CLOCK}. A
 * URL signed in the past for a short lifetime is already expired when it is made, so nothing has
 * to wait for it to run out. The signing is S3's: query-string authentication, an unsigned payload,
 * the path neither normalised nor encoded twice.
 */
final class BackdatedPresigner {
    private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();
    private final IdentityProvider<? extends AwsCredentialsIdentity> credentials;
    private final String region;

    BackdatedPresigner(S3Client s3) {
        this.credentials = s3.serviceClientConfiguration().credentialsProvider();
        this.region = s3.serviceClientConfiguration().region().id();
    }

    /** {@code address} (a presigned URL's; its query is dropped) signed at {@code signedAt}, valid for {@code lifetime}. */
    URI presignGet(URL address, Instant signedAt, Duration lifetime) throws Exception {
        URI unsigned = new URI(address.getProtocol(), address.getAuthority(), address.getPath(), null, null);
        SdkHttpRequest request = SdkHttpRequest.builder().method(SdkHttpMethod.GET).uri(unsigned).build();
        AwsCredentialsIdentity identity = credentials.resolveIdentity().join();
        SignedRequest signed = signer.sign(r -> r.identity(identity).request(request)
                .putProperty(AwsV4FamilyHttpSigner.SERVICE_SIGNING_NAME, "s3")
                .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                .putProperty(AwsV4FamilyHttpSigner.AUTH_LOCATION, AwsV4FamilyHttpSigner.AuthLocation.QUERY_STRING)
                .putProperty(AwsV4FamilyHttpSigner.EXPIRATION_DURATION, lifetime)
                .putProperty(AwsV4FamilyHttpSigner.PAYLOAD_SIGNING_ENABLED, false)
                .putProperty(AwsV4FamilyHttpSigner.DOUBLE_URL_ENCODE, false)
                .putProperty(AwsV4FamilyHttpSigner.NORMALIZE_PATH, false)
                .putProperty(HttpSigner.SIGNING_CLOCK, Clock.fixed(signedAt, ZoneOffset.UTC)));
        return signed.request().getUri();
    }
}
