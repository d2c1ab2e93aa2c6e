package io.awslabs.labs.ecs;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Plain HTTP GETs to the ALB's DNS name, as a client on the internet sends them. */
final class AlbAnswers {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final URI url;

    AlbAnswers(String dnsName) {
        this.url = URI.create("http://" + dnsName + "/");
    }

    URI url() {
        return url;
    }

    /** The status, or the failure as text while the name does not resolve or the ALB is not reachable yet. */
    String status() throws InterruptedException {
        try {
            return String.valueOf(get().statusCode());
        } catch (IOException e) {
            return e.getClass().getSimpleName();
        }
    }

    HttpResponse<String> get() throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(url).timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
    }
}
