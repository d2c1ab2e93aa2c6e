package io.awslabs.targets;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sts.StsClient;

class ServicesInOneRegionTest {

    @Test
    void motoSaysItHasNoGlobalAcceleratorAndNothingAboutWhatItHas() {
        EmulatorIdentity moto = EmulatorIdentity.moto("5.2.5");

        assertThat(moto.lacks(List.of("globalaccelerator", "ec2"))).get().asString()
                .contains("moto 5.2.5 does not implement globalaccelerator");
        assertThat(moto.lacks(List.of("wafv2", "elbv2", "s3"))).isEmpty();
    }

    @Test
    void aClientForAnotherRegionKeepsTheEndpointAndUsesThatRegion() {
        try (EmulatorTarget target = new EmulatorTarget(TargetKind.ENDPOINT, Optional.empty(),
                URI.create("http://127.0.0.1:1"), "eu-central-1", 0, () -> { })) {
            var sts = target.client(StsClient.class, "us-west-2");

            assertThat(sts.serviceClientConfiguration().region().id()).isEqualTo("us-west-2");
            assertThat(sts.serviceClientConfiguration().endpointOverride()).contains(URI.create("http://127.0.0.1:1"));
            assertThat(target.client(StsClient.class, "eu-central-1"))
                    .isSameAs(target.client(StsClient.class));
        }
    }
}
