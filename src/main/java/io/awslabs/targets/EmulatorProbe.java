package io.awslabs.targets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * Asks an endpoint which emulator it is, by the management paths each one serves and AWS never
 * does: LocalStack's {@code /_localstack/health} (with its version and services), then moto's
 * {@code /moto-api/config} (moto/moto_api/_internal/models.py get_config answers its batch and
 * lambda settings; moto reports no version).
 */
public final class EmulatorProbe {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();


    private EmulatorProbe() { }

    /** Which emulator answers there, or empty when it does not say. */
    public static Optional<EmulatorIdentity> identify(URI endpoint) {
        Optional<LocalStackHealth> localStack = LocalStackHealth.of(endpoint);
        if (localStack.isPresent()) {
            return Optional.of(EmulatorIdentity.localStack(localStack.get()));
        }
        Optional<JsonNode> motoConfig = get(endpoint.resolve("/moto-api/config"));
        if (motoConfig.isPresent() && motoConfig.get().has("batch")) {
            return Optional.of(EmulatorIdentity.moto(null));
        }
        return Optional.empty();
    }

    private static Optional<JsonNode> get(URI uri) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() / 100 == 2 ? Optional.of(JSON.readTree(response.body())) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
