package io.awslabs.labs.ssm;

import static org.assertj.core.api.Assertions.assertThat;

import io.awslabs.lab.Gap;
import io.awslabs.lab.LabInfo;
import io.awslabs.targets.EmulatorKind;
import org.junit.jupiter.api.Test;

class SsmRunCommandLabTest {
    private final LabInfo info = new SsmRunCommandLab().info();

    @Test
    void bothEmulatorsShareTheSameThreeGapsBecauseLocalStacksSsmIsMoto() {
        for (EmulatorKind emulator : EmulatorKind.values()) {
            assertThat(info.gaps()).as(emulator.id()).filteredOn(g -> g.emulator() == emulator).extracting(Gap::assertionId)
                    .containsExactlyInAnyOrder("instance-registers-with-ssm", "command-runs-script",
                            "securestring-needs-decryption");
        }
    }

    @Test
    void evidenceShowsWhereTheSecretIsWithoutShowingIt() throws Exception {
        assertThat(SsmRunCommandLab.hide("kms:key-1:demo-0123", "demo-0123")).isEqualTo("kms:key-1:<plaintext>");
        assertThat(SsmRunCommandLab.fingerprint("demo-0123")).hasSize(12).doesNotContain("demo");
    }

    @Test
    void costAndPricingSourcesAreStated() {
        assertThat(info.costPerRunUsd()).isPositive();
        assertThat(info.costNote()).contains("t3.micro", "$0.0104/h", "aws.amazon.com/ec2/pricing/on-demand",
                "aws.amazon.com/kms/pricing");
    }
}
