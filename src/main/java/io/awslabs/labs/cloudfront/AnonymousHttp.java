package io.awslabs.labs.cloudfront;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Plain unsigned HTTP GETs, the way a browser or {@code curl} reaches S3 or CloudFront: no
 * credentials, no SDK, redirects not followed so a redirect is itself visible.
 */
final class AnonymousHttp {
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    private AnonymousHttp() { }

    record Answer(int status, String body, String location) { }

    static Answer get(URI uri) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body(),
                response.headers().firstValue("Location").orElse(null));
    }
}
