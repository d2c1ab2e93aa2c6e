package io.awslabs.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Bad input is refused while the command line is read, before any emulator starts or anything
 * is created: exit 2, one line naming what is wrong, one hint with the fix, no stack trace.
 */
class BadInputTest {
    private static final String LAB = "kms-envelope-encryption";
    private static final String FORM = "http(s)://host:port, e.g. http://127.0.0.1:5000 (moto) or http://127.0.0.1:4566 (LocalStack)";

    @TempDir
    Path dir;

    private CliResult run(String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "run";
        all[1] = LAB;
        System.arraycopy(args, 0, all, 2, args.length);
        all[args.length + 2] = "--report-dir=" + dir.resolve("reports");
        return CliResult.run(all);
    }

    /** Refused before anything started: nothing reached the progress lines, and no report directory was made. */
    private void assertRefused(CliResult result, int code, String message, String hint) {
        assertThat(result.code()).as(result.err()).isEqualTo(code);
        assertThat(result.err().lines()).containsExactly("labs: " + message, "hint: " + hint);
        assertThat(result.out()).isEmpty();
        assertThat(dir.resolve("reports")).doesNotExist();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "mars-1    | --region 'mars-1' is not an AWS region "
                    + "| regions look like us-east-1, eu-west-1, ap-southeast-2; 'aws ec2 describe-regions' lists your account's",
            "US-EAST-1 | --region 'US-EAST-1' must be lowercase | did you mean --region us-east-1?",
            "eu-wset-1 | --region 'eu-wset-1' is not an AWS region | did you mean eu-west-1?"})
    void aRegionTheSdkDoesNotKnowIsRefusedNamingIt(String region, String message, String hint) {
        assertRefused(run("--region", region), ExitCodes.USAGE, message, hint);
    }

    @Test
    void aRegionWithSpacesOrNoneAtAllIsRefused() {
        assertRefused(run("--region", "us-east-1 "), ExitCodes.USAGE, "--region 'us-east-1 ' has spaces around it",
                "did you mean --region us-east-1?");
        assertThat(run("--region", "").err()).startsWith("labs: --region is empty\nhint: pass a region such as us-east-1");
        assertThat(run("--region", "aws-global").err()).as("a global pseudo-region is no place to run labs")
                .contains("is not an AWS region");
    }

    @Test
    void theSdksRegionsAreAcceptedFromEveryPartition() {
        assertThat(RegionName.require("us-east-1")).isEqualTo("us-east-1");
        assertThat(RegionName.require("ap-southeast-7")).isEqualTo("ap-southeast-7");
        assertThat(RegionName.require("cn-north-1")).isEqualTo("cn-north-1");
        assertThat(RegionName.require("us-gov-west-1")).isEqualTo("us-gov-west-1");
        assertThat(RegionName.KNOWN).doesNotContain("aws-global");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "not-a-url      | --endpoint-url 'not-a-url' is not a URL | expected " + FORM,
            "localhost:4566 | --endpoint-url 'localhost:4566' has no scheme | did you mean http://localhost:4566?",
            "127.0.0.1:4566 | --endpoint-url '127.0.0.1:4566' has no scheme | did you mean http://127.0.0.1:4566?",
            "ftp://127.0.0.1:21 | --endpoint-url 'ftp://127.0.0.1:21' is not http or https | expected " + FORM,
            "http://localhost | --endpoint-url 'http://localhost' has no port | expected " + FORM,
            "http://127.0.0.1:4566/s3?x=1 | --endpoint-url 'http://127.0.0.1:4566/s3?x=1' has more than a scheme, host and port "
                    + "| did you mean http://127.0.0.1:4566?"})
    void anEndpointUrlThatIsNotHttpHostPortIsRefusedWithTheExpectedForm(String url, String message, String hint) {
        assertRefused(run("--target", "endpoint", "--endpoint-url", url), ExitCodes.USAGE, message, hint);
    }

    @Test
    void anEndpointUrlIsKeptAsSchemeHostAndPort() {
        assertThat(EndpointUrl.parse("--endpoint-url", "http://127.0.0.1:4566/")).hasToString("http://127.0.0.1:4566");
        assertThat(EndpointUrl.parse("--endpoint-url", "HTTPS://[::1]:8443")).hasToString("https://[::1]:8443");
    }

    @Test
    void theEndpointTargetWithoutAnEndpointIsAUsageErrorWithTheExpectedForm() {
        assumeTrue(System.getenv("AWS_ENDPOINT_URL") == null, "AWS_ENDPOINT_URL is set for these tests");

        assertRefused(run("--target", "endpoint"), ExitCodes.USAGE, "--target endpoint needs the emulator's address",
                "pass --endpoint-url " + FORM + ", or set AWS_ENDPOINT_URL");
    }

    @Test
    void flagsOfAnotherTargetAreRefusedNotIgnored() {
        assertRefused(run("--endpoint-url", "http://127.0.0.1:4566"), ExitCodes.USAGE,
                "--endpoint-url is for --target endpoint, not moto",
                "add --target endpoint to use the emulator at http://127.0.0.1:4566, or drop --endpoint-url");
        assertRefused(run("--profile", "sandbox"), ExitCodes.USAGE,
                "--profile is for --target aws, not moto (an emulator needs no account)",
                "add --target aws to run in a sandbox account, or drop --profile");
        assertRefused(run("--target", "localstack", "--account", "123456789012", "--yes", "--allow-prod-alias"),
                ExitCodes.USAGE, "--account, --allow-prod-alias, --yes are for --target aws, not localstack "
                        + "(an emulator needs no account)",
                "add --target aws to run in a sandbox account, or drop --account, --allow-prod-alias, --yes");
        assertRefused(run("--target", "endpoint", "--endpoint-url", "http://127.0.0.1:5000", "--yes"), ExitCodes.USAGE,
                "--yes is for --target aws, not endpoint (an emulator needs no account)",
                "add --target aws to run in a sandbox account, or drop --yes");
        assertRefused(run("--localstack-image", "localstack/localstack:latest"), ExitCodes.USAGE,
                "--localstack-image is for --target localstack, not moto",
                "add --target localstack, or drop --localstack-image");
        assertRefused(run("--target", "aws", "--endpoint-url", "http://127.0.0.1:5000"), ExitCodes.USAGE,
                "--endpoint-url is for --target endpoint, not aws (set AWS_ENDPOINT_URL to send the SDK elsewhere)",
                "add --target endpoint to use the emulator at http://127.0.0.1:5000, or drop --endpoint-url");
    }

    @Test
    void cleanupSharesTheTargetOptionsAndTheirChecks() {
        CliResult url = CliResult.run("cleanup", "--all", "--endpoint-url", "localhost:4566");
        CliResult region = CliResult.run("cleanup", "--all", "--region", "mars-1");
        CliResult elsewhere = CliResult.run("cleanup", "--all", "--endpoint-url", "http://127.0.0.1:4566");

        assertThat(url.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(url.err()).startsWith("labs: --endpoint-url 'localhost:4566' has no scheme");
        assertThat(region.err()).startsWith("labs: --region 'mars-1' is not an AWS region");
        assertThat(elsewhere.err()).startsWith("labs: --endpoint-url is for --target endpoint, not aws");
        assertThat(CliResult.run("cleanup", "--help").out()).contains("--target=KIND", "Default: aws", "--region=REGION")
                .doesNotContain("--localstack-image", "--yes");
        assertThat(CliResult.run("run", "--help").out()).contains("Default: moto", "--localstack-image=IMAGE", "--yes");
    }

    @Test
    void aReportDirThatIsAFileIsAUsageErrorBeforeAnyLabRuns() throws Exception {
        Path file = Files.writeString(dir.resolve("reports.txt"), "not a directory");

        CliResult result = CliResult.run("run", LAB, "--report-dir", file.toString());

        assertThat(result.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err().lines()).containsExactly("labs: --report-dir " + file + " is a file, not a directory",
                "hint: pass a directory (it is created if missing), e.g. --report-dir reports");
    }

    @Test
    void aReportDirThatCannotBeWrittenIsAnEnvironmentErrorBeforeAnyLabRuns() throws Exception {
        Path under = Files.writeString(dir.resolve("file"), "x").resolve("reports");

        CliResult result = CliResult.run("run", LAB, "--report-dir", under.toString());

        assertThat(result.code()).isEqualTo(ExitCodes.ENVIRONMENT);
        assertThat(result.err().lines()).hasSize(2).first().asString()
                .startsWith("labs: cannot write reports in --report-dir " + under + ": ");
        assertThat(result.err()).contains("hint: pass a --report-dir you can write to").doesNotContain("\tat ");
    }

    @Test
    void aMistypedCommandGetsTheClosestOne() {
        CliResult result = CliResult.run("lst");

        assertThat(result.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err().lines()).containsExactly("labs: unknown command 'lst'",
                "hint: did you mean 'labs list'? 'labs --help' lists the commands");
        assertThat(CliResult.run("report", "chek", "x.json").err())
                .contains("unknown command 'chek'", "did you mean 'labs report check'?");
    }

    @Test
    void aMistypedFlagGetsTheClosestOne() {
        CliResult result = CliResult.run("run", LAB, "--verbsoe");

        assertThat(result.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err().lines()).containsExactly("labs: unknown option '--verbsoe' for 'labs run'",
                "hint: did you mean --verbose? 'labs run --help' lists the options");
        assertThat(CliResult.run("run", LAB, "--regoin=eu-west-1").err()).contains("did you mean --region?");
        assertThat(CliResult.run("cleanup", "--froce").err()).contains("did you mean --force?");
        assertThat(CliResult.run("run", LAB, "--zzzzzzzzzz").err()).contains("hint: 'labs run --help' lists the options");
    }

    @Test
    void aGuidedRunWithoutATerminalIsRefusedBeforeAnythingStarts() {
        assertRefused(run("--step"), ExitCodes.USAGE, "--step needs a terminal: it waits for Enter after each step",
                "run it in a terminal, or leave out --step");
    }
}
