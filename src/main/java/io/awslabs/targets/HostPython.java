package io.awslabs.targets;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds a Python that can run LocalStack 4.14.0 on the host. It must be 3.12 or newer: the
 * package declares {@code requires-python >= 3.10}, but its code uses PEP 695 generics
 * ({@code def f[T](...)}, in localstack/services/stores.py among others), a SyntaxError on 3.11
 * that turns every S3, SSM or KMS call into a 500. Its own image runs Python 3.13.
 */
public final class HostPython {
    public static final int MIN_MINOR = 12;
    static final String OVERRIDE = "LABS_LOCALSTACK_PYTHON";
    private static final Pattern PYENV_VERSION = Pattern.compile("3\\.(\\d+)\\.(\\d+)");

    /** An interpreter that answered, and its version. */
    public record Found(String command, String version) { }

    private HostPython() { }

    /** The first usable interpreter: $LABS_LOCALSTACK_PYTHON, python3.13/3.12/python3 on PATH, pyenv's. */
    public static Optional<Found> find() {
        String override = System.getenv(OVERRIDE);
        if (override != null && !override.isBlank()) {
            return probe(override).filter(HostPython::recentEnough);
        }
        for (String candidate : candidates()) {
            Optional<Found> found = probe(candidate).filter(HostPython::recentEnough);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /** The interpreter to build LocalStack's venv with, or an environment error that says how to get one. */
    public static String require() {
        return find().map(Found::command).orElseThrow(HostPython::missing);
    }

    /** Why no interpreter will do, and how to get one. */
    public static EnvironmentException missing() {
        String override = System.getenv(OVERRIDE);
        if (override != null && !override.isBlank()) {
            return probe(override)
                    .map(f -> EnvironmentException.of("localStackPythonOverride", OVERRIDE, override, f.version(), MIN_MINOR))
                    .orElseGet(() -> EnvironmentException.of("localStackPythonOverrideBroken", OVERRIDE, override));
        }
        Object python3 = probe("python3").<Object>map(f -> EnvironmentException.phrase("python3Is", f.version()))
                .orElse(EnvironmentException.phrase("noPython3"));
        return EnvironmentException.of("localStackPython", MIN_MINOR, python3, OVERRIDE);
    }

    private static boolean recentEnough(Found found) {
        String[] parts = found.version().split("\\.");
        return Integer.parseInt(parts[0]) == 3 && Integer.parseInt(parts[1]) >= MIN_MINOR;
    }

    private static List<String> candidates() {
        List<String> candidates = new ArrayList<>(List.of("python3.13", "python3.12", "python3"));
        String root = System.getenv("PYENV_ROOT");
        Path versions = (root != null && !root.isBlank() ? Path.of(root) : Path.of(System.getProperty("user.home"), ".pyenv"))
                .resolve("versions");
        if (Files.isDirectory(versions)) {
            try (Stream<Path> dirs = Files.list(versions)) {
                dirs.map(d -> d.getFileName().toString())
                        .map(PYENV_VERSION::matcher)
                        .filter(Matcher::matches)
                        .filter(m -> Integer.parseInt(m.group(1)) >= MIN_MINOR)
                        .sorted(Comparator.comparingInt((Matcher m) -> Integer.parseInt(m.group(1)))
                                .thenComparingInt(m -> Integer.parseInt(m.group(2))).reversed())
                        .map(m -> versions.resolve(m.group()).resolve("bin/python3").toString())
                        .forEach(candidates::add);
            } catch (IOException e) {
                // an unreadable pyenv is the same as none
            }
        }
        return candidates;
    }

    /** Runs the candidate; a pyenv shim for a version that is not selected exits non-zero and is skipped. */
    static Optional<Found> probe(String command) {
        try {
            Process p = new ProcessBuilder(command, "-c",
                    "import sys, venv, ensurepip; print('%d.%d.%d' % sys.version_info[:3])")
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!p.waitFor(15, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return Optional.empty();
            }
            return p.exitValue() == 0 && out.matches("\\d+\\.\\d+\\.\\d+") ? Optional.of(new Found(command, out)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
