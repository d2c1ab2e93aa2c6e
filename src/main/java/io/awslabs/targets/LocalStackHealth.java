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
 * LocalStack's own account of itself: its version and the services this edition serves
 * ({@code GET /_localstack/health}), and whether it runs in a container ({@code is_docker} of
 * {@code GET /_localstack/info}, which the host process of this tool reports as false). A service
 * it does not list (CloudFront in the community edition) cannot be used, which is how a lab that
 * needs one is skipped with the reason.
 */
public record LocalStackHealth(String version, Set<String> services, boolean inContainer) {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** The health document, or empty while LocalStack is not answering yet. */
    public static Optional<LocalStackHealth> of(URI endpoint) {
        Optional<JsonNode> health = get(endpoint.resolve("/_localstack/health"));
        if (health.isEmpty()) {
            return Optional.empty();
        }
        Set<String> services = new TreeSet<>();
        for (Iterator<String> names = health.get().path("services").fieldNames(); names.hasNext(); ) {
            services.add(names.next());
        }
        boolean inContainer = get(endpoint.resolve("/_localstack/info"))
                .map(info -> info.path("is_docker").asBoolean(false)).orElse(false);
        return Optional.of(new LocalStackHealth(health.get().path("version").asText("unknown"), services, inContainer));
    }

    private static Optional<JsonNode> get(URI uri) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? Optional.of(JSON.readTree(response.body())) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
