package io.awslabs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.awslabs.challenge.ChallengeState;
import io.awslabs.lab.ChallengeInfo;
import io.awslabs.lab.Scaffold;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvCommandTest {

    private static ChallengeState on(ChallengeState.Place place) {
        return new ChallengeState(ChallengeState.VERSION, "s3-default-encryption", "abcd1234", Instant.now(), place, Map.of(),
                Scaffold.builder(Path.of("/state dir/challenge/work"), ChallengeInfo.goal("g")).build(), List.of(), List.of(), false);
    }

    @Test
    void onAnEmulatorTheShellGetsItsEndpointTheTestKeysAndTheRegionForTheCliVersionsOneAndTwo() {
        String env = EnvCommand.render(on(new ChallengeState.Place("moto", "http://127.0.0.1:41234", "eu-west-1",
                "123456789012", null, false, null, true)));

        assertThat(env).contains("unset AWS_PROFILE", "export AWS_ENDPOINT_URL=http://127.0.0.1:41234\n",
                "export AWS_ACCESS_KEY_ID=test\n", "export AWS_SECRET_ACCESS_KEY=test\n", "export AWS_REGION=eu-west-1\n",
                "export AWS_DEFAULT_REGION=eu-west-1\n", "export LABS_CHALLENGE_DIR='/state dir/challenge/work'\n");
    }

    @Test
    void onAwsTheShellKeepsItsOwnCredentialsAndGetsTheProfileAndRegion() {
        String env = EnvCommand.render(on(new ChallengeState.Place("aws", null, "eu-west-1", "123456789012", "sandbox",
                false, null, false)));

        assertThat(env).contains("unset AWS_ENDPOINT_URL\n", "export AWS_PROFILE=sandbox\n", "export AWS_REGION=eu-west-1\n")
                .doesNotContain("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY");
    }

    @Test
    void aValueTheShellWouldSplitIsQuoted() {
        assertThat(ChallengeCli.shellQuote("it's here")).isEqualTo("'it'\\''s here'");
        assertThat(ChallengeCli.shellQuote("http://127.0.0.1:4566")).isEqualTo("http://127.0.0.1:4566");
    }
}
