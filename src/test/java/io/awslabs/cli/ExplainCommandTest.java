package io.awslabs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
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

    @Test
    void inChineseTheListShowsChineseTitlesUnderAChineseHeading() {
        CliResult result = CliResult.run("--lang", "zh", "explain");

        assertThat(result.code()).isEqualTo(ExitCodes.OK);
        assertThat(result.out()).contains("概念卡片", "storage-gateway", "Storage Gateway 及其 File Gateway", "labs explain TOPIC 显示其中一张")
                .doesNotContain("Storage Gateway and its File Gateway");
    }

    @Test
    void aChineseLocalePrintsTheChineseCardWithItsSourcesUnchanged() {
        CliResult result = CliResult.runIn(Map.of("LANG", "zh_CN.UTF-8"), "explain", "shield-advanced");

        assertThat(result.code()).isEqualTo(ExitCodes.OK);
        assertThat(result.out()).contains("每月 $3,000", "为什么没有实验", "https://aws.amazon.com/shield/pricing/")
                .doesNotContain("Why there is no lab");
    }

    @Test
    void inChineseAnUnknownTopicIsRefusedInChineseWithTheClosest() {
        CliResult result = CliResult.run("explain", "storage-gatway", "--lang", "zh");

        assertThat(result.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("没有主题 'storage-gatway'", "你是不是要找 storage-gateway");
    }
}
