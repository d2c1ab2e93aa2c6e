package io.awslabs.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A copy of the real {@code labs} launcher in a temporary project whose Maven and JDK are
 * stand-ins that record their calls (src/test/resources/io/awslabs/launcher): the launcher's
 * decisions can be watched without building anything or starting a JVM.
 */
final class FakeProject {
    private static final Path LAUNCHER = Path.of(System.getProperty("user.dir"), "labs");
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    final Path root;
    private final Map<String, String> env = new HashMap<>();

    record Result(int code, String out, String err) { }

    private FakeProject(Path root) {
        this.root = root;
    }

    static FakeProject in(Path dir) throws IOException {
        FakeProject project = new FakeProject(Files.createDirectories(dir));
        Files.copy(LAUNCHER, dir.resolve("labs"));
        project.write("pom.xml", "<project/>\n");
        project.write("localstack/requirements-host.txt", "localstack-core==4.14.0\n");
        project.write("src/main/java/io/awslabs/Example.java", "class Example { }\n");
        project.write("src/main/resources/example.txt", "example\n");
        project.executable("mvnw", "fake-mvnw");
        project.executable("jdk/bin/java", "fake-java");
        project.write("jdk/release", "IMPLEMENTOR=\"Example\"\nJAVA_VERSION=\"17.0.9\"\n");
        project.write("java-spec-version", "17\n");
        project.env.put("JAVA_HOME", dir.resolve("jdk").toString());
        return project;
    }

    FakeProject withEnv(String name, String value) {
        env.put(name, value);
        return this;
    }

    Path path(String relative) {
        return root.resolve(relative);
    }

    void write(String relative, String text) throws IOException {
        Path file = path(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    /** A file whose presence holds the fake build (hold-build) or the fake class-data dump (hold-dump). */
    void hold(String name) throws IOException {
        Files.writeString(path(name), "");
    }

    void release(String name) throws IOException {
        Files.delete(path(name));
    }

    /** How many times Maven was called. */
    int builds() throws IOException {
        return lines("mvnw-calls").size();
    }

    /** Every JVM start, with its arguments. */
    List<String> javaCalls() throws IOException {
        return lines("java-calls");
    }

    private List<String> lines(String relative) throws IOException {
        Path file = path(relative);
        return Files.exists(file) ? Files.readAllLines(file) : List.of();
    }

    Result run(String... args) throws Exception {
        Started started = start(args);
        if (!started.process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            started.process.destroyForcibly();
            throw new AssertionError("labs " + String.join(" ", args) + " did not finish in " + TIMEOUT.toSeconds() + " s");
        }
        started.errDone.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        return new Result(started.process.exitValue(), started.out.get(), String.join("\n", started.errLines()));
    }

    Started start(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("bash", path("labs").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile());
        // the launcher speaks the locale's language: a test chooses it, the machine running the tests does not
        builder.environment().keySet().removeAll(List.of("LC_ALL", "LC_MESSAGES", "LANG"));
        builder.environment().putAll(env);
        return new Started(builder.start());
    }

    /** A launcher still running: its stderr is read line by line as it arrives. */
    static final class Started {
        final Process process;
        private final List<String> err = Collections.synchronizedList(new ArrayList<>());
        private final CompletableFuture<String> out;
        private final CompletableFuture<Void> errDone;

        private Started(Process process) {
            this.process = process;
            this.out = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()), Started::reader);
            this.errDone = CompletableFuture.runAsync(() -> readLines(process.getErrorStream(), err), Started::reader);
        }

        /** A thread of its own per stream: a reader blocks until the launcher closes it. */
        private static void reader(Runnable task) {
            Thread thread = new Thread(task, "labs-output");
            thread.setDaemon(true);
            thread.start();
        }

        /** Waits until the launcher has printed a stderr line containing {@code text}, and returns it. */
        String awaitErr(String text) throws InterruptedException {
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (System.nanoTime() < deadline) {
                synchronized (err) {
                    for (String line : err) {
                        if (line.contains(text)) {
                            return line;
                        }
                    }
                }
                Thread.sleep(20);
            }
            throw new AssertionError("no stderr line containing \"" + text + "\" within " + TIMEOUT.toSeconds()
                    + " s; it printed: " + errLines());
        }

        List<String> errLines() {
            synchronized (err) {
                return List.copyOf(err);
            }
        }

        int exitCode() throws InterruptedException {
            assertThat(process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).as("launcher finished").isTrue();
            return process.exitValue();
        }

        private static void readLines(InputStream in, List<String> into) {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    into.add(line);
                }
            } catch (IOException e) {
                into.add("(stderr unreadable: " + e.getMessage() + ")");
            }
        }

        private static String readAll(InputStream in) {
            try (in) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private void executable(String relative, String resource) throws IOException {
        try (InputStream in = FakeProject.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource + " on the test classpath").isNotNull();
            Path file = path(relative);
            Files.createDirectories(file.getParent());
            Files.write(file, in.readAllBytes());
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }
}
