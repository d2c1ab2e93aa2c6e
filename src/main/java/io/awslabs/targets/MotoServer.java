package io.awslabs.targets;

import io.awslabs.text.Said;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * A moto server in a child process, from a pinned moto in a cached venv, on a loopback port the
 * OS picks. The child watches its stdin and exits when the JVM goes away, however it goes.
 */
public final class MotoServer implements AutoCloseable {
    public static final String VERSION = "5.2.5";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    /**
     * Emulator settings the labs rely on: a requested certificate is issued at its first Describe
     * instead of after 60 s (the ACM lab shows, with a control certificate, that this issuance is
     * moto's timer and not DNS validation, and no lab has to wait for the timer); AWS-managed
     * policies (AmazonSSMManagedInstanceCore) exist so they can be attached; and the server answers
     * CORS only as a bucket's CORS configuration says: otherwise moto_server wraps every service in
     * flask-cors (moto/moto_server/werkzeug_app.py), which allows any origin and answers any
     * preflight, so no origin or method would ever look refused.
     */
    static final Map<String, String> SETTINGS = Map.of(
            "MOTO_ACM_VALIDATION_WAIT", "0",
            "MOTO_IAM_LOAD_MANAGED_POLICIES", "true",
            "MOTO_DISABLE_GLOBAL_CORS", "1");

    private final Process process;
    private final URI endpoint;
    private final long startMillis;

    private MotoServer(Process process, URI endpoint, long startMillis) {
        this.process = process;
        this.endpoint = endpoint;
        this.startMillis = startMillis;
    }

    public static PythonVenv venv() {
        return new PythonVenv(CacheDirs.root().resolve("moto-" + VERSION), List.of("moto[server]==" + VERSION));
    }

    public static MotoServer start(Consumer<Said> progress, boolean verbose) {
        long started = System.nanoTime();
        PythonVenv venv = venv();
        venv.ensure(progress, verbose);
        Process process;
        try {
            ProcessBuilder builder = new ProcessBuilder(venv.python().toString(), "-c", launcherScript())
                    .redirectErrorStream(false)
                    .redirectError(ProcessBuilder.Redirect.DISCARD);
            if (verbose) {
                builder.redirectError(ProcessBuilder.Redirect.INHERIT);
            }
            builder.environment().putAll(SETTINGS);
            process = builder.start();
        } catch (IOException e) {
            throw EnvironmentException.of("motoCannotStart", e.getMessage(), venv.dir()).because(e);
        }
        int port = awaitPort(process, venv.dir());
        long millis = (System.nanoTime() - started) / 1_000_000;
        progress.accept(TargetWords.phrase("moto.listening", VERSION, "127.0.0.1:" + port, millis));
        return new MotoServer(process, URI.create("http://127.0.0.1:" + port), millis);
    }

    private static int awaitPort(Process process, Path venvDir) {
        CompletableFuture<Integer> port = CompletableFuture.supplyAsync(() -> readPort(process.getInputStream()));
        try {
            return port.get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException | ExecutionException e) {
            process.destroyForcibly();
            throw EnvironmentException.of("motoSlow", START_TIMEOUT.toSeconds(), venvDir).because(e);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw EnvironmentException.interrupted("while.moto");
        }
    }

    private static int readPort(InputStream stdout) {
        try {
            BufferedReader reader = new BufferedReader(new InputStreamReader(stdout, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.startsWith("LABS-MOTO-PORT ")) {
                    return Integer.parseInt(line.substring("LABS-MOTO-PORT ".length()).trim());
                }
            }
            throw new IllegalStateException("moto exited before it was listening");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String launcherScript() {
        try (InputStream in = MotoServer.class.getResourceAsStream("moto_launcher.py")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("moto_launcher.py missing from the jar", e);
        }
    }

    public URI endpoint() {
        return endpoint;
    }

    public long startMillis() {
        return startMillis;
    }

    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        try {
            process.getOutputStream().close();
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (IOException e) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
