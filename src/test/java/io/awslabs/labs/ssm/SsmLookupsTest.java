package io.awslabs.labs.ssm;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.waiters.WaiterOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterMetadata;

/** How the lab waits for a command and finds its parameter, against the answers SSM may give. */
class SsmLookupsTest {
    private HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void theCommandWaiterIsAllowedEnoughAttemptsForTheWholeFiveMinutes() {
        WaiterOverrideConfiguration waiting = SsmRunCommandLab.commandWaiting();

        assertThat(waiting.waitTimeout()).hasValue(Duration.ofMinutes(5));
        assertThat(waiting.maxAttempts()).as("the SDK's default of 20 attempts x 5 s is 100 s").hasValue(60);
    }

    @Test
    void aParameterListedOnlyAfterAnEmptyFirstPageIsFoundByName() throws Exception {
        List<String> requests = new ArrayList<>();
        List<String> pages = List.of("{\"Parameters\":[],\"NextToken\":\"page-2\"}",
                "{\"Parameters\":[{\"Name\":\"/labs/other-db\",\"KeyId\":\"alias/other\"},"
                        + "{\"Name\":\"/labs/db\",\"KeyId\":\"arn:aws:kms:us-east-1:123456789012:key/k-1\"}]}");
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            requests.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] body = pages.get(Math.min(requests.size(), pages.size()) - 1).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();

        try (SsmClient ssm = SsmClient.builder().region(Region.US_EAST_1)
                .endpointOverride(URI.create("http://127.0.0.1:" + server.getAddress().getPort()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create()).build()) {
            assertThat(SsmRunCommandLab.describedByName(ssm, "/labs/db")).map(ParameterMetadata::keyId)
                    .hasValue("arn:aws:kms:us-east-1:123456789012:key/k-1");
        }
        assertThat(requests).hasSize(2);
        assertThat(requests.get(1)).contains("\"NextToken\":\"page-2\"");
    }
}
