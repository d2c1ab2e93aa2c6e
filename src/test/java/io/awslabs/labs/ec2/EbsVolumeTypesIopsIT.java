package io.awslabs.labs.ec2;

import static org.assertj.core.api.Assertions.assertThat;

import io.awslabs.report.AssertionRecord;
import io.awslabs.testing.Emulator;
import io.awslabs.testing.LabContract;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EbsVolumeTypesIopsIT extends LabContract {

    EbsVolumeTypesIopsIT() {
        super(EbsVolumeTypesIopsLab::new);
    }

    @ParameterizedTest
    @EnumSource(Emulator.class)
    void theEmulatorKnowsWhichParametersATypeTakesButNotTheirRanges(Emulator emulator) {
        AssertionRecord gp2 = assertionsOn(emulator).get("gp2-refuses-iops");
        AssertionRecord ratio = assertionsOn(emulator).get("io2-iops-per-gib-ratio");

        assertThat(gp2.evidence()).containsKey("ec2:CreateVolume(gp2-iops).error").containsKey("gp2");
        assertThat(ratio.reason()).contains("gap").contains(EbsVolumeTypesIopsLab.IO2_RATIO_CHECK).contains("the call succeeded");
    }

    @ParameterizedTest
    @EnumSource(Emulator.class)
    void theModificationKeepsWhatTheVolumeWasAndWhatItBecomes(Emulator emulator) {
        AssertionRecord modified = assertionsOn(emulator).get("modification-records-original-and-target");

        assertThat(modified.checks()).extracting(c -> c.what()).contains("returned original type", "described target IOPS");
    }
}
