package io.awslabs.labs.cognito;

import com.nimbusds.jose.jwk.JWKSet;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.ParseException;
import java.time.Duration;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;

/**
 * A user pool's public signing keys, fetched where an application fetches them:
 * {@code https://cognito-idp.<region>.amazonaws.com/<pool id>/.well-known/jwks.json} on AWS, the
 * same path on an emulator's endpoint (moto serves it there: moto/cognitoidp/urls.py).
 */
final class Jwks {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** What was fetched, from where. */
    record Fetched(URI url, int status, JWKSet keys) { }

    private Jwks() { }

    static URI urlOf(CognitoIdentityProviderClient cognito, String region, String poolId) {
        URI base = cognito.serviceClientConfiguration().endpointOverride()
                .orElseGet(() -> URI.create("https://cognito-idp." + region + ".amazonaws.com"));
        return base.resolve("/" + poolId + "/.well-known/jwks.json");
    }

    static Fetched fetch(URI url) throws IOException, InterruptedException, ParseException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("GET " + url + " answered " + response.statusCode());
        }
        return new Fetched(url, response.statusCode(), JWKSet.parse(response.body()));
    }
}
