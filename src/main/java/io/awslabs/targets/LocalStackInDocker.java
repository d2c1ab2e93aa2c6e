package io.awslabs.targets;

import io.awslabs.text.Said;
import java.net.URI;
import java.util.Locale;
import java.util.function.Consumer;
import org.testcontainers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * LocalStack in a container through Testcontainers, whose reaper removes the container when
 * the JVM ends, however it ends. The auth token is passed on when set: images after 4.14.0
 * refuse to start without one.
 */
final class LocalStackInDocker implements AutoCloseable {
    static final String AUTH_TOKEN = "LOCALSTACK_AUTH_TOKEN";

    private final LocalStackContainer container;
    private final LocalStackHealth health;
    private final long startMillis;

    private LocalStackInDocker(LocalStackContainer container, LocalStackHealth health, long startMillis) {
        this.container = container;
        this.health = health;
        this.startMillis = startMillis;
    }

    @SuppressWarnings("resource") // closed by close(), or by the Testcontainers reaper if the JVM dies first
    static LocalStackInDocker start(String image, Consumer<Said> progress) {
        long started = System.nanoTime();
        progress.accept(TargetWords.phrase("localstack.dockerStarting", image));
        LocalStackContainer container = new LocalStackContainer(
                DockerImageName.parse(image).asCompatibleSubstituteFor("localstack/localstack"))
                .withEnv(LocalStack.SETTINGS);
        String token = System.getenv(AUTH_TOKEN);
        if (token != null && !token.isBlank()) {
            container.withEnv(AUTH_TOKEN, token);
        }
        try {
            container.start();
        } catch (RuntimeException e) {
            String logs = logsOf(container);
            container.stop();
            if (asksForToken(logs)) {
                throw EnvironmentException.of(token == null ? "localStackToken" : "localStackTokenInvalid", image,
                        AUTH_TOKEN, LocalStack.IMAGE).because(e);
            }
            throw EnvironmentException.of("containerFailed", e.getMessage()).because(e);
        }
        URI endpoint = container.getEndpoint();
        LocalStackHealth health = LocalStackHealth.of(endpoint)
                .orElseThrow(() -> EnvironmentException.of("containerSilent", endpoint));
        long millis = (System.nanoTime() - started) / 1_000_000;
        progress.accept(TargetWords.phrase("localstack.dockerListening", health.version(), image, endpoint, millis));
        return new LocalStackInDocker(container, health, millis);
    }

    static boolean asksForToken(String logs) {
        String lower = logs.toLowerCase(Locale.ROOT);
        return lower.contains("auth_token") || lower.contains("auth token") || lower.contains("license activation");
    }

    private static String logsOf(LocalStackContainer container) {
        try {
            return container.getLogs();
        } catch (RuntimeException e) {
            return "";
        }
    }

    URI endpoint() {
        return container.getEndpoint();
    }

    LocalStackHealth health() {
        return health;
    }

    long startMillis() {
        return startMillis;
    }

    @Override
    public void close() {
        container.stop();
    }
}
