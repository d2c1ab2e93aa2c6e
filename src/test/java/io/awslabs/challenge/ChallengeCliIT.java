package io.awslabs.challenge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.abort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.awslabs.cli.ExitCodes;
import io.awslabs.targets.CacheDirs;
import io.awslabs.targets.EnvironmentException;
import io.awslabs.targets.PythonVenv;
import io.awslabs.testing.JarProcess;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The challenge mode as a learner uses it, with the jar and the real AWS CLI: start on the default
 * target, point the shell at it, run the third hint's command, check, stop, and nothing is left
 * running. The background emulator outlives a start killed with SIGKILL, and stops by itself when
 * idle.
 */
class ChallengeCliIT {
    /** The AWS CLI the learner would use, pinned, in a venv of the tool's cache directory. */
    private static final String AWS_CLI = "awscli==1.46.2";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void startEnvTheThirdHintsCommandCheckAndStopWorkWithTheAwsCliAndLeaveNothingRunning() throws Exception {
        Path aws = awsCli();

        JarProcess.Result start = labs("start", "s3-default-encryption");
        assertThat(start.code()).as(start.err()).isEqualTo(ExitCodes.OK);
        assertThat(start.out()).contains("Goal", "without an encryption header is encrypted with this KMS key",
                "labs-s3-default-encryption-", "eval \"$(./labs env)\"");
        JsonNode emulator = JSON.readTree(dir.resolve("state/emulator/emulator.json").toFile());
        long pid = emulator.path("pid").asLong();
        int port = emulator.path("port").asInt();
        List<ProcessHandle> family = familyOf(pid);

        JarProcess.Result second = labs("start", "kms-envelope-encryption");
        assertThat(second.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(second.err()).contains("challenge s3-default-encryption", "is active", "'labs stop' ends it");

        labs("hint");
        labs("hint");
        JarProcess.Result third = labs("hint");
        assertThat(third.out()).contains("hint 3 of 3");
        List<String> commands = third.out().lines().filter(l -> l.startsWith("  aws ")).map(String::strip).toList();
        assertThat(commands).hasSize(1);

        Shell shell = shell(aws, "eval \"$(java -jar " + JarProcess.JAR.toAbsolutePath() + " env)\"\n"
                + String.join("\n", commands) + "\n");
        assertThat(shell.code()).as(shell.output()).isZero();

        JarProcess.Result check = labs("check");
        assertThat(check.code()).as(check.out() + check.err()).isEqualTo(ExitCodes.OK);
        assertThat(check.out()).contains("3 of 3 checks passed", "hints used: 3 of 3");
        JarProcess.Result report = labs("report", "check", reportOf(check.out()));
        assertThat(report.code()).as(report.out()).isEqualTo(ExitCodes.OK);

        JarProcess.Result stop = labs("stop");
        assertThat(stop.code()).as(stop.out() + stop.err()).isEqualTo(ExitCodes.OK);
        assertThat(stop.out()).contains("DELETED", "S3 bucket", "KMS key", "stopped the background moto");

        assertThat(family).as("the emulator's processes").noneMatch(ProcessHandle::isAlive);
        assertThat(listening(port)).as("something still listens on the emulator's port").isFalse();
        JsonNode status = JSON.readTree(labs("status", "--json").out());
        assertThat(status.path("active").asBoolean()).isFalse();
        assertThat(status.path("emulator").path("running").asBoolean()).isFalse();
        JsonNode progress = JSON.readTree(labs("progress", "--json").out());
        assertThat(progress.path("labs").path("s3-default-encryption").path("complete").asBoolean()).isTrue();
        assertThat(progress.path("labs").path("s3-default-encryption").path("best").path("hintsUsed").asInt()).isEqualTo(3);
    }

    @Test
    void theBackgroundEmulatorOutlivesAStartKilledWithSigkillAndStopsByItselfWhenIdle() throws Exception {
        Path record = dir.resolve("state/emulator/emulator.json");
        Process start = JarProcess.builder(dir, Map.of(), "start", "s3-default-encryption", "--idle-stop", "5s")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        long pid;
        try {
            Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
            while (!Files.exists(record) && start.isAlive() && Instant.now().isBefore(deadline)) {
                Thread.sleep(20);
            }
            assertThat(record).exists();
            pid = JSON.readTree(Files.readString(record)).path("pid").asLong();
        } finally {
            start.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        ProcessHandle launcher = ProcessHandle.of(pid).orElseThrow();
        assertThat(launcher.isAlive()).as("the emulator survives the command killed with SIGKILL").isTrue();
        List<ProcessHandle> family = familyOf(pid);

        assertThat(launcher.onExit().get(60, TimeUnit.SECONDS).isAlive()).isFalse();
        Thread.sleep(500);
        assertThat(family).as("every process of the emulator").noneMatch(ProcessHandle::isAlive);
        assertThat(record).as("the record of an emulator that stopped by itself").doesNotExist();
        assertThat(labs("status").out()).contains("background emulator: not running");
    }

    @Test
    void withoutAnActiveChallengeEachCommandSaysHowToBeginOne() throws Exception {
        for (String command : List.of("env", "check", "hint", "solve")) {
            JarProcess.Result r = labs(command);
            assertThat(r.code()).as(command).isEqualTo(ExitCodes.USAGE);
            assertThat(r.err()).as(command).contains("no challenge is active", "'labs start LAB' begins one")
                    .doesNotContain("Exception");
        }
        JarProcess.Result stop = labs("stop");
        assertThat(stop.code()).isEqualTo(ExitCodes.OK);
        assertThat(stop.out()).contains("no challenge is active and no background emulator is running");

        JarProcess.Result unknown = labs("start", "s3-default-encryptio");
        assertThat(unknown.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(unknown.err()).contains("did you mean s3-default-encryption");
        JarProcess.Result unreachable = labs("start", "s3-default-encryption", "--target", "endpoint",
                "--endpoint-url", "http://127.0.0.1:9");
        assertThat(unreachable.code()).isEqualTo(ExitCodes.ENVIRONMENT);
        assertThat(labs("status").out()).contains("no challenge is active");
    }

    private JarProcess.Result labs(String... args) throws Exception {
        return JarProcess.run(dir, Map.of(), args);
    }

    private static String reportOf(String out) {
        return out.lines().filter(l -> l.startsWith("report: ")).map(l -> l.substring("report: ".length()))
                .findFirst().orElseThrow();
    }

    private record Shell(int code, String output) { }

    /** A learner's shell: bash, the AWS CLI on the PATH, the tool's state directory of this test. */
    private Shell shell(Path awsBin, String script) throws Exception {
        Path out = Files.createTempFile("labs-shell", ".txt");
        ProcessBuilder bash = new ProcessBuilder("bash", "-euo", "pipefail", "-c", script).directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(out.toFile());
        bash.environment().put("LABS_STATE_DIR", dir.resolve("state").toString());
        bash.environment().put("PATH", awsBin + ":" + System.getenv("PATH"));
        Process p = bash.start();
        if (!p.waitFor(2, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("the shell did not finish in 2 minutes");
        }
        return new Shell(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
    }

    /** The pinned AWS CLI's bin directory; the test is skipped, saying why, where it cannot be installed. */
    private static Path awsCli() {
        PythonVenv venv = new PythonVenv(CacheDirs.root().resolve("awscli-1.46.2"), List.of(AWS_CLI));
        try {
            venv.ensure(line -> System.err.println("[awscli] " + line), false);
        } catch (EnvironmentException e) {
            abort("the AWS CLI (" + AWS_CLI + ") cannot be installed here: " + e.getMessage());
        }
        return venv.python().getParent();
    }

    private static List<ProcessHandle> familyOf(long pid) {
        ProcessHandle launcher = ProcessHandle.of(pid).orElseThrow();
        List<ProcessHandle> family = new java.util.ArrayList<>(launcher.descendants().toList());
        family.add(launcher);
        return family;
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
