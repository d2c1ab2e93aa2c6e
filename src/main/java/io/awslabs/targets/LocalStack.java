package io.awslabs.targets;

import io.awslabs.text.Said;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The LocalStack target: LocalStack 4.14.0 in Docker when an engine answers, otherwise the same
 * version as a host process. 4.14.0 is the last tag that starts without an auth token.
 */
public final class LocalStack {
    public static final String VERSION = "4.14.0";
    public static final String IMAGE = "localstack/localstack:" + VERSION;
    /**
     * Settings for both ways of running it: presigned URL signatures and expiry are validated,
     * as on AWS (LocalStack skips the check by default); a requested ACM certificate is issued at
     * its first Describe as on moto, not after 10 s (LocalStack's ACM is moto's, and
     * localstack/services/acm/provider.py only caps moto's MOTO_ACM_VALIDATION_WAIT at 10 s).
     */
    static final Map<String, String> SETTINGS = Map.of("S3_SKIP_SIGNATURE_VALIDATION", "0",
            "MOTO_ACM_VALIDATION_WAIT", "0");

    public enum Mode { CONTAINER, HOST }

    /** A LocalStack that answers: where, how it runs, what it serves, and how to stop it. */
    public record Running(Mode mode, URI endpoint, LocalStackHealth health, long startMillis, AutoCloseable stop)
            implements AutoCloseable {
        @Override
        public void close() throws Exception {
            stop.close();
        }
    }

    private LocalStack() { }

    /**
     * How to run it. A container when Docker answers; a host process otherwise, with a progress
     * line that says why. An image other than the default needs Docker: the host process can
     * only be the pinned version.
     */
    public static Mode choose(String imageOverride, Supplier<Optional<Said>> dockerUnavailableBecause,
                              Consumer<Said> progress) {
        Optional<Said> noDocker = dockerUnavailableBecause.get();
        if (noDocker.isEmpty()) {
            return Mode.CONTAINER;
        }
        if (imageOverride != null) {
            throw EnvironmentException.of("imageNeedsDocker", imageOverride, noDocker.get(), VERSION);
        }
        progress.accept(TargetWords.phrase("localstack.noDocker", noDocker.get(), VERSION));
        return Mode.HOST;
    }

    public static Running start(String imageOverride, boolean verbose, Consumer<Said> progress) {
        Mode mode = choose(imageOverride, () -> DockerEngine.unavailableBecause(verbose), progress);
        if (mode == Mode.CONTAINER) {
            LocalStackInDocker docker = LocalStackInDocker.start(imageOverride != null ? imageOverride : IMAGE, progress);
            return new Running(mode, docker.endpoint(), docker.health(), docker.startMillis(), docker);
        }
        LocalStackHost host = LocalStackHost.start(progress, verbose);
        return new Running(mode, host.endpoint(), host.health(), host.startMillis(), host);
    }

    /** A target on a running LocalStack; {@code onClose} decides whether closing it stops LocalStack. */
    public static Target target(Running running, String region, AutoCloseable onClose) {
        return new EmulatorTarget(TargetKind.LOCALSTACK, Optional.of(EmulatorIdentity.localStack(running.health())),
                running.endpoint(), region, running.startMillis(), onClose);
    }
}
