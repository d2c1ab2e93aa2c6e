package io.awslabs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.awslabs.challenge.ChallengeState;
import io.awslabs.lab.ChallengeText;
import io.awslabs.lab.LabText;
import io.awslabs.lab.Scaffold;
import io.awslabs.labs.ec2.EbsVolumeTypesIopsChallenge;
import io.awslabs.labs.ec2.EbsVolumeTypesIopsLab;
import io.awslabs.text.Lang;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The task 'labs start' prints: what each resource of the scaffold is, in the learner's language. */
class ChallengeTaskTest {
    private static final EbsVolumeTypesIopsChallenge CHALLENGE = new EbsVolumeTypesIopsChallenge();

    private static String task(Scaffold scaffold, Lang lang) {
        ChallengeState state = new ChallengeState(ChallengeState.VERSION, CHALLENGE.labId(), "abcd1234", Instant.now(),
                new ChallengeState.Place("moto", "http://127.0.0.1:41234", "us-east-1", "123456789012", null, false, null,
                        true), Map.of(), scaffold, List.of(), List.of(), false);
        return ChallengeTask.render(state, LabText.of(new EbsVolumeTypesIopsLab(), lang), ChallengeText.of(CHALLENGE, lang),
                "moto");
    }

    @Test
    void aResourceIsSaidInChineseWithTheValuesItWasMadeWith() {
        Scaffold scaffold = Scaffold.builder(Path.of("/tmp/w"), CHALLENGE.info())
                .item("instance", "EC2 instance", "i-0abc", null, "us-east-1a").build();

        assertThat(task(scaffold, Lang.ZH)).contains("数据库所在的实例，位于 us-east-1a").doesNotContain("the database's instance");
        assertThat(task(scaffold, Lang.EN)).contains("the database's instance, in us-east-1a");
    }

    @Test
    void aChallengeStartedBeforeResourcesCarriedTheirValuesKeepsItsEnglish() {
        Scaffold kept = new Scaffold(List.of(new Scaffold.Item("instance", "EC2 instance", "i-0abc", null,
                "the database's instance, in us-east-1a", null)), Map.of(), "/tmp/w");

        assertThat(task(kept, Lang.ZH)).contains("the database's instance, in us-east-1a");
    }
}
