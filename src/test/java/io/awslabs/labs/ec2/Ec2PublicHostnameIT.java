package io.awslabs.labs.ec2;

import static org.assertj.core.api.Assertions.assertThat;

import io.awslabs.report.AssertionRecord;
import io.awslabs.testing.Emulator;
import io.awslabs.testing.LabContract;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class Ec2PublicHostnameIT extends LabContract {

    Ec2PublicHostnameIT() {
        super(Ec2PublicHostnameLab::new);
    }

    @ParameterizedTest
    @EnumSource(Emulator.class)
    void theEmulatorNamesAnInstanceInAVpcWithoutDnsHostnamesWhereAwsGivesNoName(Emulator emulator) {
        AssertionRecord noNames = assertionsOn(emulator).get("no-public-dns-name-without-dns-hostnames");

        assertThat(noNames.reason()).contains("gap").contains(Ec2PublicHostnameLab.DNS_OFF_CHECK).contains("ec2-");
        assertThat(noNames.checks()).filteredOn(c -> c.what().startsWith("the instance in the VPC with enableDnsHostnames off"))
                .singleElement().satisfies(c -> assertThat(c.held()).isTrue());
    }

    @ParameterizedTest
    @EnumSource(Emulator.class)
    void theElasticIpNamesTheInstanceAfterTheAssociation(Emulator emulator) {
        AssertionRecord eip = assertionsOn(emulator).get("elastic-ip-replaces-address-and-name");

        String elasticIp = eip.evidence().get("elasticIp");
        assertThat(eip.evidence()).containsEntry("publicIpAfter", elasticIp)
                .containsEntry("publicDnsNameAfter", "ec2-" + elasticIp.replace('.', '-') + ".compute-1.amazonaws.com");
    }
}
