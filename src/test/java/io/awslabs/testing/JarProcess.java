package io.awslabs.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The shaded jar run as a user runs it: a separate JVM, real exit code, real signals. */
public final class JarProcess {
    public static final Path JAR = Path.of(System.getProperty("labs.jar", "target/aws-labs.jar"));

    public record Result(int code, String out, String err) { }

    private JarProcess() { }

    public static ProcessBuilder builder(Path workDir, Map<String, String> env, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toAbsolutePath().toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile());
        // run journals go to the test's directory, never to the state directory of whoever runs the tests
        builder.environment().put("LABS_STATE_DIR", workDir.resolve("state").toString());
        builder.environment().putAll(env);
        return builder;
    }

    public static Result run(Path workDir, Map<String, String> env, String... args) throws Exception {
        Path out = Files.createTempFile("labs-out", ".txt");
        Path err = Files.createTempFile("labs-err", ".txt");
        Process p = builder(workDir, env, args).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("labs " + String.join(" ", args) + " did not finish in 5 minutes");
        }
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }
}
