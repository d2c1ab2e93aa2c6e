package io.awslabs.targets;

import io.awslabs.text.Said;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * LocalStack as a host process: the pinned set from localstack/requirements-host.txt in a
 * cached venv (keyed by version and by a hash of that file), run by a small launcher on a free
 * loopback port with its state in a temporary directory. The launcher watches its stdin, so
 * LocalStack stops with the JVM however the JVM ends.
 */
public final class LocalStackHost implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);
    private static final String REQUIREMENTS = "requirements-host.txt";

    /**
     * Host-mode settings: use the host directory layout under FILESYSTEM_ROOT even where a
     * /.dockerenv makes LocalStack believe it runs in its own container; no DNS server (it
     * would bind port 53 on every interface); no certificate download or analytics, so it
     * starts the same offline.
     */
    static final Map<String, String> SETTINGS = Map.of(
            "OVERRIDE_IN_DOCKER", "0",
            "DNS_ADDRESS", "0",
            "SKIP_SSL_CERT_DOWNLOAD", "1",
            "DISABLE_EVENTS", "1");

    private final Process launcher;
    private final URI endpoint;
    private final Path root;
    private final LocalStackHealth health;
    private final long startMillis;
    private final Consumer<Said> progress;

    private LocalStackHost(Process launcher, URI endpoint, Path root, LocalStackHealth health, long startMillis,
                           Consumer<Said> progress) {
        this.launcher = launcher;
        this.endpoint = endpoint;
        this.root = root;
        this.health = health;
        this.startMillis = startMillis;
        this.progress = progress;
    }

    public static PythonVenv venv() {
        String requirements = resource(REQUIREMENTS);
        return PythonVenv.fromRequirementsFile(
                CacheDirs.root().resolve("localstack-" + LocalStack.VERSION + "-" + shortHash(requirements)),
                "localstack-core[runtime]==" + LocalStack.VERSION + " (pinned: localstack/" + REQUIREMENTS + ")",
                requirements, HostPython::require);
    }

    public static LocalStackHost start(Consumer<Said> progress, boolean verbose) {
        long started = System.nanoTime();
        PythonVenv venv = venv();
        venv.ensure(progress, verbose);
        int port = freePort();
        URI endpoint = URI.create("http://127.0.0.1:" + port);
        Path root;
        Process launcher;
        try {
            root = Files.createTempDirectory("labs-localstack-");
            ProcessBuilder builder = new ProcessBuilder(venv.python().toString(), "-c", resource("localstack_launcher.py"))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(verbose ? ProcessBuilder.Redirect.INHERIT
                            : ProcessBuilder.Redirect.appendTo(root.resolve("localstack.log").toFile()));
            Map<String, String> env = builder.environment();
            env.putAll(LocalStack.SETTINGS);
            env.putAll(SETTINGS);
            env.put("GATEWAY_LISTEN", "127.0.0.1:" + port);
            env.put("LOCALSTACK_HOST", "127.0.0.1:" + port);
            env.put("FILESYSTEM_ROOT", root.toString());
            launcher = builder.start();
        } catch (IOException e) {
            throw EnvironmentException.of("localStackCannotStart", e.getMessage(), venv.dir()).because(e);
        }
        LocalStackHealth health;
        try {
            health = awaitHealthy(launcher, endpoint, root, venv.dir());
        } catch (RuntimeException e) {
            deleteQuietly(root);
            throw e;
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        progress.accept(TargetWords.phrase("localstack.hostListening", health.version(), "127.0.0.1:" + port, millis));
        return new LocalStackHost(launcher, endpoint, root, health, millis, progress);
    }

    private static LocalStackHealth awaitHealthy(Process launcher, URI endpoint, Path root, Path venvDir) {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<LocalStackHealth> health = LocalStackHealth.of(endpoint);
            if (health.isPresent()) {
                return health.get();
            }
            if (!launcher.isAlive()) {
                throw EnvironmentException.of("localStackExited", launcher.exitValue(), lastLines(root), venvDir);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                stop(launcher);
                Thread.currentThread().interrupt();
                throw EnvironmentException.interrupted("while.localstack");
            }
        }
        stop(launcher);
        throw EnvironmentException.of("localStackSlow", endpoint, START_TIMEOUT.toSeconds(), lastLines(root));
    }

    private static String lastLines(Path root) {
        try {
            List<String> lines = Files.readAllLines(root.resolve("localstack.log")).stream()
                    .filter(l -> !l.isBlank()).toList();
            return lines.isEmpty() ? "" : ": " + lines.get(lines.size() - 1).strip();
        } catch (IOException e) {
            return "";
        }
    }

    public URI endpoint() {
        return endpoint;
    }

    public LocalStackHealth health() {
        return health;
    }

    public long startMillis() {
        return startMillis;
    }

    /**
     * Closing stdin asks the launcher to stop LocalStack's whole process group; it is waited for.
     * That takes a few seconds after the report is out, so the console says what is going on.
     */
    @Override
    public void close() {
        if (launcher.isAlive()) {
            progress.accept(TargetWords.phrase("localstack.hostStopping"));
        }
        stop(launcher);
        deleteQuietly(root);
    }

    private static void stop(Process launcher) {
        if (!launcher.isAlive()) {
            return;
        }
        try {
            launcher.getOutputStream().close();
            if (!launcher.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                launcher.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (IOException e) {
            launcher.destroyForcibly();
        } catch (InterruptedException e) {
            launcher.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a temporary directory the OS will clean up anyway
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw EnvironmentException.of("noFreePort", e.getMessage());
        }
    }

    static String resource(String name) {
        try (InputStream in = LocalStackHost.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String shortHash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
