package io.awslabs.targets;

import io.awslabs.text.Said;
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

    /**
     * {@code details}: further facts worth knowing even when the target is ready (e.g. why not
     * Docker). The texts are said in the reader's language when printed; what the operating system
     * or Python said inside them stays as said.
     */
    public record Check(TargetKind kind, boolean ready, Said summary, List<Said> details, Said fix) { }

    private TargetReadiness() { }

    public static List<Check> all(boolean verbose) {
        return List.of(moto(), localstack(verbose), endpoint(), aws());
    }

    static Check moto() {
        try {
            String python = PythonVenv.findPython();
            PythonVenv venv = MotoServer.venv();
            return new Check(TargetKind.MOTO, true, TargetWords.phrase("ready.moto", MotoServer.VERSION, python,
                    venvState(venv, "ready.venvFirstRunMoto")), List.of(), null);
        } catch (EnvironmentException e) {
            return new Check(TargetKind.MOTO, false, e::message, List.of(), e::hint);
        }
    }

    static Check localstack(boolean verbose) {
        Optional<Said> noDocker = DockerEngine.unavailableBecause(verbose);
        if (noDocker.isEmpty()) {
            return new Check(TargetKind.LOCALSTACK, true, TargetWords.phrase("ready.localstackDocker", LocalStack.IMAGE),
                    List.of(), null);
        }
        Optional<HostPython.Found> python = HostPython.find();
        List<Said> details = new ArrayList<>(List.of(TargetWords.phrase("ready.noDocker", noDocker.get())));
        if (python.isEmpty()) {
            EnvironmentException missing = HostPython.missing();
            details.add(TargetWords.phrase("ready.hostProcess", (Said) missing::message));
            return new Check(TargetKind.LOCALSTACK, false, TargetWords.phrase("ready.noLocalstack", HostPython.MIN_MINOR),
                    details, missing::hint);
        }
        PythonVenv venv = LocalStackHost.venv();
        return new Check(TargetKind.LOCALSTACK, true, TargetWords.phrase("ready.localstackHost", LocalStack.VERSION,
                python.get().version(), python.get().command(), venvState(venv, "ready.venvFirstRunLocalstack")),
                details, null);
    }

    static Check endpoint() {
        String env = System.getenv("AWS_ENDPOINT_URL");
        if (env == null || env.isBlank()) {
            return new Check(TargetKind.ENDPOINT, false, TargetWords.phrase("ready.noEndpoint"), List.of(),
                    TargetWords.phrase("ready.noEndpoint.fix"));
        }
        try {
            Targets.requireReachable(URI.create(env));
            return new Check(TargetKind.ENDPOINT, true, TargetWords.phrase("ready.endpoint", env), List.of(), null);
        } catch (EnvironmentException e) {
            return unreachable(env, e::message);
        } catch (IllegalArgumentException e) {
            return unreachable(env, Said.verbatim(e.getMessage()));
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
            return new Check(TargetKind.AWS, false, TargetWords.phrase("ready.noCredentials"), List.of(),
                    TargetWords.phrase("ready.noCredentials.fix"));
        }
        return new Check(TargetKind.AWS, true, TargetWords.phrase("ready.credentials", String.join(", ", sources)),
                List.of(), null);
    }

    private static Check unreachable(String endpoint, Said why) {
        return new Check(TargetKind.ENDPOINT, false, TargetWords.phrase("ready.endpointUnreachable", endpoint, why),
                List.of(), TargetWords.phrase("ready.endpointUnreachable.fix"));
    }

    private static Said venvState(PythonVenv venv, String firstRunKey) {
        return venv.ready() ? TargetWords.phrase("ready.venvReady", venv.dir()) : TargetWords.phrase(firstRunKey);
    }

    private static boolean present(String name) {
        String value = System.getenv(name);
        return value != null && !value.isBlank();
    }
}
