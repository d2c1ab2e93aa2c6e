package io.awslabs.targets;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which targets can run on this machine, checked without starting anything or calling AWS: for
 * each, how it would run, or why it cannot and how to fix that.
 */
public final class TargetReadiness {

    /** {@code details}: further facts worth knowing even when the target is ready (e.g. why not Docker). */
    public record Check(TargetKind kind, boolean ready, String summary, List<String> details, String fix) { }

    private TargetReadiness() { }

    public static List<Check> all(boolean verbose) {
        return List.of(moto(), localstack(verbose), endpoint(), aws());
    }

    static Check moto() {
        try {
            String python = PythonVenv.findPython();
            PythonVenv venv = MotoServer.venv();
            return new Check(TargetKind.MOTO, true, "moto " + MotoServer.VERSION + " with " + python + ", "
                    + (venv.ready() ? "venv ready in " + venv.dir() : "venv created on first run (about 30-60 s)"),
                    List.of(), null);
        } catch (EnvironmentException e) {
            return new Check(TargetKind.MOTO, false, e.getMessage(), List.of(), e.hint());
        }
    }

    static Check localstack(boolean verbose) {
        Optional<String> noDocker = DockerEngine.unavailableBecause(verbose);
        if (noDocker.isEmpty()) {
            return new Check(TargetKind.LOCALSTACK, true, "in Docker: " + LocalStack.IMAGE
                    + " (pulled on first run; set LOCALSTACK_AUTH_TOKEN for newer tags)", List.of(), null);
        }
        Optional<HostPython.Found> python = HostPython.find();
        List<String> details = new ArrayList<>(List.of("Docker: not available: " + noDocker.get()));
        if (python.isEmpty()) {
            EnvironmentException missing = HostPython.missing();
            details.add("host process: " + missing.getMessage());
            return new Check(TargetKind.LOCALSTACK, false, "neither Docker nor a Python 3." + HostPython.MIN_MINOR
                    + "+ for the host process", details, missing.hint());
        }
        PythonVenv venv = LocalStackHost.venv();
        return new Check(TargetKind.LOCALSTACK, true, "host process: LocalStack " + LocalStack.VERSION + " with Python "
                + python.get().version() + " (" + python.get().command() + "), "
                + (venv.ready() ? "venv ready in " + venv.dir() : "venv created on first run (about 45-60 s)"),
                details, null);
    }

    static Check endpoint() {
        String env = System.getenv("AWS_ENDPOINT_URL");
        if (env == null || env.isBlank()) {
            return new Check(TargetKind.ENDPOINT, false, "no endpoint: AWS_ENDPOINT_URL is not set", List.of(),
                    "start an emulator and pass --endpoint-url URL, or set AWS_ENDPOINT_URL");
        }
        try {
            Targets.requireReachable(URI.create(env));
            return new Check(TargetKind.ENDPOINT, true, "AWS_ENDPOINT_URL=" + env + " answers", List.of(), null);
        } catch (EnvironmentException | IllegalArgumentException e) {
            return new Check(TargetKind.ENDPOINT, false, "AWS_ENDPOINT_URL=" + env + ": " + e.getMessage(), List.of(),
                    "start the emulator it points at, or fix AWS_ENDPOINT_URL");
        }
    }

    /** Only looks for credentials; whether they work, and for which account, needs a call to AWS. */
    static Check aws() {
        List<String> sources = new ArrayList<>();
        if (present("AWS_ACCESS_KEY_ID")) sources.add("AWS_ACCESS_KEY_ID");
        if (present("AWS_PROFILE")) sources.add("AWS_PROFILE=" + System.getenv("AWS_PROFILE"));
        if (present("AWS_WEB_IDENTITY_TOKEN_FILE")) sources.add("AWS_WEB_IDENTITY_TOKEN_FILE");
        if (present("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI") || present("AWS_CONTAINER_CREDENTIALS_FULL_URI")) {
            sources.add("container credentials");
        }
        Path home = Path.of(System.getProperty("user.home"), ".aws");
        for (String file : List.of("credentials", "config")) {
            if (Files.isRegularFile(home.resolve(file))) sources.add("~/.aws/" + file);
        }
        if (sources.isEmpty()) {
            return new Check(TargetKind.AWS, false, "no AWS credentials found (environment, AWS_PROFILE, ~/.aws)", List.of(),
                    "configure a sandbox account's profile (aws configure --profile sandbox) and pass --profile");
        }
        return new Check(TargetKind.AWS, true, "credentials found: " + String.join(", ", sources)
                + " (not checked: that needs a call to AWS)", List.of(), null);
    }

    private static boolean present(String name) {
        String value = System.getenv(name);
        return value != null && !value.isBlank();
    }
}
