package io.awslabs.targets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Iterator;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * LocalStack's own account of itself ({@code GET /_localstack/health}): its version and the
 * services this edition serves. A service it does not list (CloudFront in the community
 * edition) cannot be used, which is how a lab that needs one is skipped with the reason.
 */
public record LocalStackHealth(String version, Set<String> services) {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** The health document, or empty while LocalStack is not answering yet. */
    public static Optional<LocalStackHealth> of(URI endpoint) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(endpoint.resolve("/_localstack/health"))
                    .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return Optional.empty();
            }
            JsonNode body = JSON.readTree(response.body());
            Set<String> services = new TreeSet<>();
            for (Iterator<String> names = body.path("services").fieldNames(); names.hasNext(); ) {
                services.add(names.next());
            }
            return Optional.of(new LocalStackHealth(body.path("version").asText("unknown"), services));
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
