package io.awslabs.cli;

import io.awslabs.testing.JarProcess;
import io.awslabs.testing.SharedMoto;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The jar run with {@code --target aws}, pointed at the shared moto the way a user would point
 * any SDK program elsewhere: {@code AWS_ENDPOINT_URL}, with dummy credentials. moto answers as
 * account 123456789012. State and config directories live under the test's own directory, and
 * no AWS setting of the machine running the tests leaks in.
 */
final class AwsOnMoto {
    static final String ACCOUNT = "123456789012";

    private AwsOnMoto() { }

    static Map<String, String> env(Path dir) {
        return env(dir, SharedMoto.endpoint());
    }

    static Map<String, String> env(Path dir, URI endpoint) {
        Map<String, String> env = new HashMap<>();
        env.put("AWS_ENDPOINT_URL", endpoint.toString());
        env.put("AWS_ACCESS_KEY_ID", "testing");
        env.put("AWS_SECRET_ACCESS_KEY", "testing");
        env.put("AWS_EC2_METADATA_DISABLED", "true");
        env.put("HOME", dir.resolve("home").toString());
        env.put("LABS_STATE_DIR", dir.resolve("state").toString());
        env.put("XDG_CONFIG_HOME", dir.resolve("config").toString());
        return env;
    }

    static Path journals(Path dir) {
        return dir.resolve("state").resolve("journals");
    }

    static void allowListInConfigFile(Path dir, String account) throws IOException {
        Path file = dir.resolve("config").resolve("aws-labs").resolve("config.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "{\"accounts\": [\"" + account + "\"]}");
    }

    static ProcessBuilder builder(Path dir, Map<String, String> env, String... args) throws IOException {
        ProcessBuilder builder = JarProcess.builder(dir, Map.of(), args).redirectInput(ProcessBuilder.Redirect.PIPE);
        builder.environment().keySet().removeIf(k -> k.startsWith("AWS_") && !k.equals("AWS_CA_BUNDLE"));
        builder.environment().putAll(env);
        return builder;
    }

    /**
     * The jar under a pseudo-terminal, as a person at a terminal runs it: util-linux
     * {@code script} gives it a tty for stdin and stdout, so {@code System.console()} exists.
     */
    static ProcessBuilder atTerminal(Path dir, Map<String, String> env, String... args) throws IOException {
        ProcessBuilder jar = builder(dir, env, args);
        String command = String.join(" ", jar.command().stream().map(AwsOnMoto::shellQuoted).toList());
        ProcessBuilder script = new ProcessBuilder("script", "-qec", command, "/dev/null").directory(dir.toFile());
        script.environment().clear();
        script.environment().putAll(jar.environment());
        return script;
    }

    private static String shellQuoted(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }

    static JarProcess.Result run(Path dir, Map<String, String> env, String... args) throws Exception {
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        Process p = builder(dir, env, args).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        p.getOutputStream().close();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("labs " + String.join(" ", args) + " did not finish in 5 minutes");
        }
        return new JarProcess.Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    /** A run in progress whose stderr is read line by line, to act at a given moment. */
    static final class Running implements AutoCloseable {
        final Process process;
        private final List<String> lines = new ArrayList<>();

        Running(ProcessBuilder builder) throws IOException {
            this(builder, false);
        }

        /** {@code terminal}: the process runs under a pseudo-terminal ({@code script}) that merges its output. */
        Running(ProcessBuilder builder, boolean terminal) throws IOException {
            process = (terminal ? builder.redirectErrorStream(true) : builder.redirectOutput(ProcessBuilder.Redirect.DISCARD))
                    .start();
            if (!terminal) {
                process.getOutputStream().close();
            }
            Thread reader = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(
                        terminal ? process.getInputStream() : process.getErrorStream(), StandardCharsets.UTF_8))) {
                    for (String line = in.readLine(); line != null; line = in.readLine()) {
                        synchronized (lines) {
                            lines.add(line);
                            lines.notifyAll();
                        }
                    }
                } catch (IOException e) {
                    // the process went away
                }
            }, "labs-stderr");
            reader.setDaemon(true);
            reader.start();
        }

        /** The first stderr line that matches, waiting for it up to the timeout. */
        String awaitLine(Predicate<String> wanted, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            synchronized (lines) {
                while (true) {
                    Optional<String> found = lines.stream().filter(wanted).findFirst();
                    if (found.isPresent()) {
                        return found.get();
                    }
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        throw new AssertionError("no such line within " + timeout + "; stderr so far:\n" + stderr());
                    }
                    lines.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                }
            }
        }

        String stderr() {
            synchronized (lines) {
                return String.join("\n", lines);
            }
        }

        /** Types a line at the process's terminal. */
        void type(String line) throws IOException {
            process.getOutputStream().write((line + "\n").getBytes(StandardCharsets.UTF_8));
            process.getOutputStream().flush();
        }

        void signal(String name) throws Exception {
            new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).start().waitFor();
        }

        @Override
        public void close() {
            process.destroyForcibly();
        }
    }
}
