package io.awslabs.targets;

import io.awslabs.text.Said;
import java.io.IOException;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A Python virtual environment with pinned packages, created once under the cache dir and
 * reused. Creation holds a file lock so that two runs (or parallel tests) never build the same
 * venv at once, and is marked complete only after pip succeeds, so a half-built venv is redone.
 */
public final class PythonVenv {
    private static final String MARKER = ".labs-installed";
    private static final String REQUIREMENTS_FILE = "requirements.txt";

    private final Path dir;
    private final List<String> requirements;
    private final String requirementsText;
    private final Supplier<String> interpreter;

    public PythonVenv(Path dir, List<String> requirements) {
        this(dir, requirements, null, PythonVenv::findPython);
    }

    private PythonVenv(Path dir, List<String> requirements, String requirementsText, Supplier<String> interpreter) {
        this.dir = dir;
        this.requirements = List.copyOf(requirements);
        this.requirementsText = requirementsText;
        this.interpreter = interpreter;
    }

    /**
     * A venv installed from a pinned requirements file (copied into the venv, so what was
     * installed stays readable), created by the given interpreter: for emulators that need
     * another Python than the default {@code python3}.
     */
    public static PythonVenv fromRequirementsFile(Path dir, String label, String requirementsText,
                                                  Supplier<String> interpreter) {
        return new PythonVenv(dir, List.of(label), requirementsText, interpreter);
    }

    public Path python() {
        return dir.resolve("bin/python");
    }

    public Path dir() {
        return dir;
    }

    public boolean ready() {
        return Files.isRegularFile(dir.resolve(MARKER)) && Files.isExecutable(python());
    }

    /** Creates the venv if needed; {@code progress} gets one line per phase. */
    public void ensure(Consumer<Said> progress, boolean verbose) {
        if (ready()) {
            return;
        }
        try {
            Files.createDirectories(dir.getParent());
            Path lockFile = dir.resolveSibling(dir.getFileName() + ".lock");
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = channel.lock()) {
                if (!ready()) {
                    create(progress, verbose);
                }
            }
        } catch (IOException e) {
            throw EnvironmentException.of("venvUnwritable", dir, e.getMessage()).because(e);
        }
    }

    private void create(Consumer<Said> progress, boolean verbose) throws IOException {
        String python3 = interpreter.get();
        long started = System.nanoTime();
        progress.accept(TargetWords.phrase("venv.preparing", String.join(" ", requirements), dir));
        deleteRecursively(dir);
        run(List.of(python3, "-m", "venv", dir.toString()), progress, verbose, "noVenvModule");
        List<String> pip = new ArrayList<>(List.of(python().toString(), "-m", "pip", "install",
                "--disable-pip-version-check", "--no-input", "--progress-bar", "off"));
        if (!verbose) {
            pip.add("--quiet");
        }
        if (requirementsText != null) {
            Path file = dir.resolve(REQUIREMENTS_FILE);
            Files.writeString(file, requirementsText);
            pip.addAll(List.of("-r", file.toString()));
        } else {
            pip.addAll(requirements);
        }
        run(pip, progress, verbose, "pipFailed", String.join(" ", requirements));
        Files.writeString(dir.resolve(MARKER), String.join("\n", requirements) + "\n");
        progress.accept(TargetWords.phrase("venv.ready",
                String.format(java.util.Locale.ROOT, "%.1f", (System.nanoTime() - started) / 1e9)));
    }

    static String findPython() {
        String override = System.getenv("LABS_PYTHON");
        String candidate = override != null && !override.isBlank() ? override : "python3";
        try {
            Process p = new ProcessBuilder(candidate, "-c",
                    "import sys; print('%d.%d' % sys.version_info[:2]); sys.exit(0 if sys.version_info >= (3, 9) else 3)")
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw EnvironmentException.of("pythonSilent", candidate);
            }
            if (p.exitValue() == 3) {
                throw EnvironmentException.of("pythonTooOld", candidate, out);
            }
            if (p.exitValue() != 0) {
                throw EnvironmentException.of("pythonFailed", candidate, out);
            }
            return candidate;
        } catch (IOException e) {
            throw EnvironmentException.of(override == null ? "pythonMissing" : "pythonOverrideMissing", candidate).because(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw EnvironmentException.interrupted("while.python");
        }
    }

    /** Runs {@code command}; when it fails, the refusal {@code failure} says so with {@code args} and its last line. */
    private static void run(List<String> command, Consumer<Said> progress, boolean verbose,
                            String failure, Object... args) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<String> tail = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.isBlank()) continue;
                if (verbose) progress.accept(Said.verbatim("  " + line));
                tail.add(line);
            }
            if (p.waitFor() != 0) {
                String last = tail.isEmpty() ? "exit " + p.exitValue() : tail.get(tail.size() - 1);
                throw EnvironmentException.of(failure, with(args, last));
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw EnvironmentException.of(failure, with(args, EnvironmentException.phrase("step.interrupted")));
        }
    }

    private static Object[] with(Object[] args, Object last) {
        Object[] all = Arrays.copyOf(args, args.length + 1);
        all[args.length] = last;
        return all;
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (var walk = Files.walk(path)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
