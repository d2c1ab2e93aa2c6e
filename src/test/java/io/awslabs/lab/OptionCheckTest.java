package io.awslabs.lab;

import static org.assertj.core.api.Assertions.assertThat;

import io.awslabs.targets.TargetKind;
import io.awslabs.text.Lang;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OptionCheckTest {
    private static final LabInfo SLOW = LabInfo.of("slow-lab", "A slow lab")
            .option(LabOption.flag("allow-slow", false, "accept the wait").requiredOnAws("true", "true", "it takes 30 minutes"));
    private static final LabInfo CHOOSY = LabInfo.of("choosy-lab", "A lab that needs a choice")
            .option(LabOption.text("organization", "which").requiredOnAws("create|o-[a-z0-9]{10}", "create", "say which"));

    @Test
    void onEmulatorsWhatAwsNeedsIsNotAsked() {
        assertThat(OptionCheck.of(List.of(SLOW, CHOOSY), TargetKind.MOTO, Map.of())).isEmpty();
        assertThat(OptionCheck.of(List.of(SLOW, CHOOSY), TargetKind.ENDPOINT, Map.of())).isEmpty();
    }

    @Test
    void onAwsAMissingOptionRefusesTheRunWithTheFix() {
        OptionCheck.Refusal refusal = OptionCheck.of(List.of(CHOOSY), TargetKind.AWS, Map.of()).orElseThrow();

        assertThat(refusal.problem().in(Lang.EN)).isEqualTo("lab choosy-lab needs --option organization on aws: say which");
        assertThat(refusal.fix().in(Lang.EN)).startsWith("add --option organization=create");
    }

    @Test
    void onAwsADefaultThatIsNotEnoughIsRefusedAndTheRightValueIsAccepted() {
        assertThat(OptionCheck.of(List.of(SLOW), TargetKind.AWS, Map.of())).isPresent();
        assertThat(OptionCheck.of(List.of(SLOW), TargetKind.AWS, Map.of("allow-slow", "false")).orElseThrow().problem().in(Lang.EN))
                .contains("--option allow-slow=false is not enough on aws");
        assertThat(OptionCheck.of(List.of(SLOW), TargetKind.AWS, Map.of("allow-slow", "true"))).isEmpty();
        assertThat(OptionCheck.of(List.of(CHOOSY), TargetKind.AWS, Map.of("organization", "o-abcdefghij"))).isEmpty();
    }

    @Test
    void aValueOfTheWrongTypeIsRefusedOnEveryTarget() {
        OptionCheck.Refusal refusal = OptionCheck.of(List.of(SLOW), TargetKind.MOTO, Map.of("allow-slow", "maybe"))
                .orElseThrow();

        assertThat(refusal.problem().in(Lang.EN)).contains("--option allow-slow=maybe: expected true or false");
    }
}
