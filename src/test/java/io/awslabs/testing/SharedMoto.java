package io.awslabs.testing;

import io.awslabs.targets.EmulatorIdentity;
import io.awslabs.targets.EmulatorTarget;
import io.awslabs.targets.MotoServer;
import io.awslabs.targets.Target;
import io.awslabs.targets.TargetKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;

/**
 * One real moto server for the whole test JVM, started by the same launcher code the CLI uses
 * and stopped when the JVM exits. Each test gets its own target (its own SDK clients) on it.
 */
public final class SharedMoto {
    private static MotoServer server;

    private SharedMoto() { }

    public static synchronized URI endpoint() {
        if (server == null) {
            server = MotoServer.start(line -> System.err.println("[moto] " + line), false);
            Runtime.getRuntime().addShutdownHook(new Thread(server::close));
            keepDataJsonReadableAfterBucketDeletes(server.endpoint());
        }
        return server.endpoint();
    }

    /**
     * moto 5.2.5 computes an S3 object's restore status on first read and then looks up its
     * bucket (s3/models.py FakeKey.status); /moto-api/data.json reads it for every object ever
     * stored, so once a lab deletes a bucket holding an object, data.json answers 500 for the
     * rest of the server's life. A restore transition that never fires keeps the status unset, so
     * reading it never looks the bucket up.
     */
    private static void keepDataJsonReadableAfterBucketDeletes(URI endpoint) {
        String body = "{\"model_name\": \"s3::keyrestore\", \"transition\": {\"progression\": \"manual\", \"times\": 1000000000}}";
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(endpoint.resolve("/moto-api/state-manager/set-transition"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 201) {
                throw new IllegalStateException("moto refused the s3::keyrestore transition: " + response.statusCode());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A moto target on the shared server; closing it closes only its clients. */
    public static Target target() {
        return new EmulatorTarget(TargetKind.MOTO, Optional.of(EmulatorIdentity.moto(MotoServer.VERSION)), endpoint(),
                "us-east-1", 0, () -> { });
    }

    public static EmulatorState state() {
        return new EmulatorState(endpoint());
    }
}
