package io.awslabs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExplainCommandTest {

    @Test
    void withoutATopicItListsEveryCardWithItsTitle() {
        CliResult result = CliResult.run("explain");

        assertThat(result.code()).isEqualTo(ExitCodes.OK);
        assertThat(result.out()).contains("storage-gateway", "shield-advanced", "control-tower", "placement-groups",
                "Storage Gateway and its File Gateway");
    }

    @Test
    void aTopicPrintsItsCard() {
        CliResult result = CliResult.run("explain", "shield-advanced");

        assertThat(result.code()).isEqualTo(ExitCodes.OK);
        assertThat(result.out()).contains("$3,000 a month", "Why there is no lab", "https://aws.amazon.com/shield/pricing/");
    }

    @Test
    void anUnknownTopicIsAUsageErrorThatSuggestsTheClosest() {
        CliResult result = CliResult.run("explain", "storage-gatway");

        assertThat(result.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("unknown topic 'storage-gatway'", "did you mean storage-gateway");
    }
}
