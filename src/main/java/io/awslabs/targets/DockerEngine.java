package io.awslabs.targets;

import io.awslabs.text.Said;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.testcontainers.DockerClientFactory;

/**
 * Whether a Docker engine answers, asked the way Testcontainers will use it, and if not, why in
 * words a person can act on. Testcontainers' own log lines are silenced unless --verbose: the
 * reason printed here replaces its stack of "could not find a valid Docker environment" errors.
 */
public final class DockerEngine {
    private static final String DEFAULT_SOCKET = "/var/run/docker.sock";

    private DockerEngine() { }

    /** Asks once per JVM (Testcontainers caches the answer): empty if Docker is usable. */
    public static Optional<Said> unavailableBecause(boolean verbose) {
        quietTestcontainers(verbose);
        if (DockerClientFactory.instance().isDockerAvailable()) {
            return Optional.empty();
        }
        String dockerHost = System.getenv("DOCKER_HOST");
        if (dockerHost != null && !dockerHost.isBlank()) {
            return Optional.of(TargetWords.phrase("docker.hostSilent", dockerHost));
        }
        boolean socket = Files.exists(Path.of(DEFAULT_SOCKET));
        boolean cli = onPath("docker");
        if (socket) {
            return Optional.of(TargetWords.phrase("docker.socketSilent", DEFAULT_SOCKET));
        }
        return Optional.of(TargetWords.phrase(cli ? "docker.noSocketButCli" : "docker.noSocket", DEFAULT_SOCKET));
    }

    static void quietTestcontainers(boolean verbose) {
        String level = verbose ? "info" : "off";
        for (String logger : new String[] {"org.testcontainers", "tc", "com.github.dockerjava"}) {
            System.setProperty("org.slf4j.simpleLogger.log." + logger, level);
        }
    }

    private static boolean onPath(String command) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }
}
