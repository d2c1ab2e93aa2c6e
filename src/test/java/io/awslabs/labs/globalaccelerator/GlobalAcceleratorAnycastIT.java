package io.awslabs.labs.globalaccelerator;

import static org.assertj.core.api.Assertions.assertThat;

import io.awslabs.report.LabReport;
import io.awslabs.report.Status;
import io.awslabs.testing.Emulator;
import io.awslabs.testing.LabContract;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class GlobalAcceleratorAnycastIT extends LabContract {

    GlobalAcceleratorAnycastIT() {
        super(GlobalAcceleratorAnycastLab::new);
    }

    @ParameterizedTest
    @EnumSource(Emulator.class)
    void neitherEmulatorHasGlobalAcceleratorSoEveryAssertionIsSkippedWithTheReason(Emulator emulator) {
        LabReport report = labOn(emulator);

        assertThat(report.status()).isEqualTo(Status.SKIPPED);
        assertThat(report.teardown()).isEmpty();
        assertThat(report.assertions()).allSatisfy(a -> assertThat(a.reason()).contains("globalaccelerator"));
    }
}
