package io.awslabs.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.awslabs.report.ReportJson;
import io.awslabs.report.ReportJsonTest;
import io.awslabs.report.RunReport;
import io.awslabs.report.Status;
import io.awslabs.report.TeardownRecord;
import io.awslabs.testing.JarProcess;
import io.awslabs.testing.SharedMoto;
import io.awslabs.testing.UnnamedEndpoint;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.DockerClientFactory;

class CliIT {
    @TempDir
    Path dir;

    @Test
    void runningTheKmsLabOnTheDefaultTargetPassesWritesAReportThatChecksClean() throws Exception {
        JarProcess.Result run = JarProcess.run(dir, Map.of(), "run", "kms-envelope-encryption");

        assertThat(run.code()).as(run.err()).isEqualTo(ExitCodes.OK);
        assertThat(run.err()).contains("moto 5.2.5 listening on 127.0.0.1:", "provision ok", "teardown ok");
        assertThat(run.out()).contains("5 passed, 0 failed, 3 skipped, 0 errors");
        Path report;
        try (Stream<Path> files = Files.list(dir.resolve("reports"))) {
            report = files.filter(f -> f.toString().endsWith(".json")).findFirst().orElseThrow();
        }
        RunReport parsed = ReportJson.read(report);
        assertThat(parsed.target().kind()).isEqualTo("moto");
        assertThat(parsed.timings().apiCalls()).isPositive();
        assertThat(JarProcess.run(dir, Map.of(), "report", "check", report.toString()).code()).isEqualTo(ExitCodes.OK);
    }

    @Test
    void localStackWithoutDockerRunsAsAHostProcessThatDoesNotOutliveTheCommand() throws Exception {
        assumeFalse(DockerClientFactory.instance().isDockerAvailable(), "Docker answers here: the container path runs instead");

        JarProcess.Result run = JarProcess.run(dir, Map.of(), "run", "kms-envelope-encryption", "--target", "localstack");

        assertThat(run.code()).as(run.err()).isEqualTo(ExitCodes.OK);
        assertThat(run.err()).contains("Docker is not available: ", "running LocalStack 4.14.0 as a host process instead",
                "LocalStack 4.14.0 (host process) listening on 127.0.0.1:", "stopping LocalStack (host process), a few seconds");
        assertThat(run.out()).contains("8 passed, 0 failed, 0 skipped, 0 errors");
        assertThat(LocalStackProcesses.listeningOn(gatewayOf(run.err()))).isEmpty();
    }

    @Test
    void localStackHostProcessAndItsStateGoWhenTheCliIsKilledWithSigkill() throws Exception {
        assumeFalse(DockerClientFactory.instance().isDockerAvailable(), "Docker answers here: the container path runs instead");
        assumeTrue(Files.isDirectory(Path.of("/proc/self")), "processes are found through /proc");
        Process p = JarProcess.builder(dir, Map.of(), "run", "kms-envelope-encryption", "--target", "localstack")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        StringBuilder err = new StringBuilder();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null && !line.contains("provision ..."); line = lines.readLine()) {
                err.append(line).append('\n');
            }
            String gateway = gatewayOf(err.toString());
            assertThat(LocalStackProcesses.listeningOn(gateway)).as("LocalStack runs during the lab").isNotEmpty();
            Path state = LocalStackProcesses.stateDirOf(gateway);

            p.destroyForcibly().waitFor(30, TimeUnit.SECONDS);

            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!LocalStackProcesses.listeningOn(gateway).isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            assertThat(LocalStackProcesses.listeningOn(gateway)).as("LocalStack processes after kill -9 of the CLI").isEmpty();
            assertThat(state).as("LocalStack's state directory after kill -9 of the CLI").doesNotExist();
        }
    }

    @Test
    void localStackWithNeitherDockerNorAPythonForTheHostProcessIsAnEnvironmentErrorWithTheFix() throws Exception {
        assumeFalse(DockerClientFactory.instance().isDockerAvailable(), "Docker answers here: the container path runs instead");

        JarProcess.Result run = JarProcess.run(dir, Map.of("LABS_LOCALSTACK_PYTHON", "/nonexistent/python3",
                "LABS_CACHE_DIR", dir.resolve("cache").toString()), "run", "kms-envelope-encryption", "--target", "localstack");

        assertThat(run.code()).isEqualTo(ExitCodes.ENVIRONMENT);
        assertThat(run.err()).contains("Docker is not available: ",
                "labs: LABS_LOCALSTACK_PYTHON=/nonexistent/python3 does not run", "hint: install Python 3.12+")
                .doesNotContain("\tat ");
    }

    @Test
    void anotherLocalStackImageWithoutDockerIsAnEnvironmentErrorNotASilentHostFallback() throws Exception {
        assumeFalse(DockerClientFactory.instance().isDockerAvailable(), "Docker answers here: the image would be pulled");

        JarProcess.Result run = JarProcess.run(dir, Map.of(), "run", "kms-envelope-encryption", "--target", "localstack",
                "--localstack-image", "localstack/localstack:latest");

        assertThat(run.code()).isEqualTo(ExitCodes.ENVIRONMENT);
        assertThat(run.err()).contains("labs: --localstack-image localstack/localstack:latest needs Docker: ",
                "hint: start a Docker engine, or drop --localstack-image");
    }

    private static String gatewayOf(String err) {
        Matcher m = Pattern.compile("listening on (127\\.0\\.0\\.1:\\d+)").matcher(err);
        assertThat(m.find()).as(err).isTrue();
        return m.group(1);
    }

    @Test
    void missingPythonIsAnEnvironmentErrorWithAHint() throws Exception {
        JarProcess.Result run = JarProcess.run(dir, Map.of("LABS_PYTHON", "/nonexistent/python3",
                "LABS_CACHE_DIR", dir.resolve("cache").toString()), "run", "kms-envelope-encryption");

        assertThat(run.code()).isEqualTo(ExitCodes.ENVIRONMENT);
        assertThat(run.err()).contains("labs: /nonexistent/python3 not found", "hint: install Python")
                .doesNotContain("\tat ");
    }

    @Test
    void ctrlCDuringARunTearsDownWhatTheLabCreatedAndWritesAPartialReport() throws Exception {
        String endpoint = SharedMoto.endpoint().toString();
        Process p = JarProcess.builder(dir, Map.of(), "run", "kms-envelope-encryption", "s3-default-encryption",
                "--parallel", "1", "--target", "endpoint", "--endpoint-url", endpoint)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String runId = null;
        StringBuilder err = new StringBuilder();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
            Pattern runLine = Pattern.compile("run ([a-z0-9]{8}):");
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                err.append(line).append('\n');
                Matcher m = runLine.matcher(line);
                if (m.find()) runId = m.group(1);
                if (line.contains("provision ok")) {
                    new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor();
                    break;
                }
            }
            lines.transferTo(new java.io.OutputStreamWriter(java.io.OutputStream.nullOutputStream()));
        }
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(runId).as(err.toString()).isNotNull();
        assertThat(SharedMoto.state().mentioning(runId)).isNotEmpty();
        assertThat(SharedMoto.state().liveResourcesOf(runId)).isEmpty();
        assertThat(p.exitValue()).isEqualTo(ExitCodes.INTERRUPTED);
        RunReport partial = ReportJson.read(dir.resolve("reports").resolve(runId + ".json"));
        assertThat(partial.labs().get(0).teardown()).isNotEmpty();
        assertThat(partial.interrupted()).as("the partial report says the run was interrupted").isNotNull();
        assertThat(partial.interrupted().labsNotRun()).containsExactly("s3-default-encryption");
        JarProcess.Result check = JarProcess.run(dir, Map.of(), "report", "check", "reports/" + runId + ".json");
        assertThat(check.code()).isEqualTo(ExitCodes.NOT_PROVEN);
        assertThat(check.out()).contains("NOT PROVEN  the run was interrupted; never ran: s3-default-encryption");
    }

    @Test
    void anEndpointThatDoesNotSayWhichEmulatorItIsGetsNoGapAppliedAndTheSummarySaysSo() throws Exception {
        try (UnnamedEndpoint unnamed = new UnnamedEndpoint(SharedMoto.endpoint())) {
            JarProcess.Result run = JarProcess.run(dir, Map.of(), "run", "kms-envelope-encryption", "--target", "endpoint",
                    "--endpoint-url", unnamed.endpoint().toString());

            assertThat(run.code()).as(run.err()).isEqualTo(ExitCodes.NOT_PROVEN);
            assertThat(run.err()).contains("did not say which emulator it is");
            assertThat(run.out()).contains("FAIL   disabled-key-refuses-encrypt", "no emulator gap was applied");
        }
    }

    @Test
    void reportFormatWritesEveryRequestedFileNextToTheJson() throws Exception {
        JarProcess.Result run = JarProcess.run(dir, Map.of(), "run", "kms-envelope-encryption", "--target", "endpoint",
                "--endpoint-url", SharedMoto.endpoint().toString(), "--report-format", "html,junit,md");

        assertThat(run.code()).as(run.err()).isEqualTo(ExitCodes.OK);
        assertThat(run.err()).as("the endpoint said it is moto, so moto's gaps apply").contains("is moto");
        Matcher json = Pattern.compile("report: (\\S+/([a-z0-9]{8})\\.json)").matcher(run.out());
        assertThat(json.find()).as(run.out()).isTrue();
        String runId = json.group(2);
        Path reports = dir.resolve("reports");
        for (String name : List.of(".json", ".html", ".junit.xml", ".md")) {
            assertThat(reports.resolve(runId + name)).isNotEmptyFile();
            assertThat(run.out()).contains("report: reports/" + runId + name);
        }
        assertThat(Files.readString(reports.resolve(runId + ".junit.xml")))
                .contains("<testcase name=\"disabled-key-refuses-encrypt\"", "<skipped message=\"known moto gap");
        JarProcess.Result show = JarProcess.run(dir, Map.of(), "report", "show", "reports/" + runId + ".json");
        assertThat(show.code()).isEqualTo(ExitCodes.OK);
        assertThat(show.out()).contains("PASS   direct-round-trip", "SKIP   disabled-key-refuses-encrypt",
                "known moto gap", "teardown")
                .doesNotContain("\u001b[");
    }

    /** {@code script} gives the command a real terminal, the one case where colour is wanted. */
    @Test
    void reportShowIsColouredOnATerminalUnlessNoColorIsSet() throws Exception {
        Path script = Path.of("/usr/bin/script");
        assumeTrue(Files.isExecutable(script), "no /usr/bin/script (util-linux) to give the command a terminal");
        Path report = ReportJson.write(ReportJsonTest.sample(Status.PASS, TeardownRecord.Outcome.DELETED), dir);
        String command = String.join(" ", quoted(Path.of(System.getProperty("java.home"), "bin", "java").toString()),
                "-jar", quoted(JarProcess.JAR.toAbsolutePath().toString()), "report", "show", quoted(report.toString()));

        String onTerminal = onTerminal(script, command, null);
        String noColor = onTerminal(script, command, "1");

        assertThat(onTerminal).contains("\u001b[32mPASS \u001b[0m");
        assertThat(noColor).contains("PASS ").doesNotContain("\u001b[");
    }

    private String onTerminal(Path script, String command, String noColor) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(script.toString(), "-qec", command, "/dev/null").directory(dir.toFile())
                .redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.PIPE);
        Map<String, String> env = builder.environment();
        env.remove("NO_COLOR");
        if (noColor != null) env.put("NO_COLOR", noColor);
        env.putIfAbsent("TERM", "xterm");
        Process p = builder.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isEqualTo(ExitCodes.OK);
        return out;
    }

    private static String quoted(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
