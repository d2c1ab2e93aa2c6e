package io.awslabs.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The emulator's own view of a run, independent of the ledger the lab filled: what it ever
 * created (moto's {@code /moto-api/data.json}) and what is still live (listing APIs).
 */
public final class EmulatorState {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final URI endpoint;

    EmulatorState(URI endpoint) {
        this.endpoint = endpoint;
    }

    /** One model instance in the emulator, such as a KMS Key or an S3 FakeBucket. */
    public record Resource(String service, String model, JsonNode record) {
        @Override
        public String toString() {
            return service + "/" + model + " " + record.toString().substring(0, Math.min(300, record.toString().length()));
        }
    }

    /** Every resource whose stored data mentions the run id anywhere (names, tags, descriptions). */
    public List<Resource> mentioning(String runId) throws IOException, InterruptedException {
        JsonNode dump = dump();
        List<Resource> found = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> services = dump.fields(); services.hasNext(); ) {
            Map.Entry<String, JsonNode> service = services.next();
            for (Iterator<Map.Entry<String, JsonNode>> models = service.getValue().fields(); models.hasNext(); ) {
                Map.Entry<String, JsonNode> model = models.next();
                for (JsonNode record : model.getValue()) {
                    if (record.toString().contains(runId)) {
                        found.add(new Resource(service.getKey(), model.getKey(), record));
                    }
                }
            }
        }
        return found;
    }

    /**
     * What of the run is still live, asked through each service's own listing APIs: moto's
     * data.json keeps every instance ever created, deleted or not, so it proves only that
     * something was created, never that it is gone.
     */
    public List<String> liveResourcesOf(String runId) throws Exception {
        return Emulator.MOTO.liveResourcesOf(runId);
    }

    private JsonNode dump() throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(endpoint.resolve("/moto-api/data.json")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("moto-api/data.json answered " + response.statusCode());
        }
        return JSON.readTree(response.body());
    }
}
