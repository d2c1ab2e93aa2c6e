package io.awslabs.labs.elbv2;

import static org.assertj.core.api.Assertions.assertThat;

import io.awslabs.report.AssertionRecord;
import io.awslabs.report.LabReport;
import io.awslabs.report.TeardownRecord;
import io.awslabs.testing.Emulator;
import io.awslabs.testing.LabContract;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ElbListenersCustomPortsIT extends LabContract {

    ElbListenersCustomPortsIT() {
        super(ElbListenersCustomPortsLab::new);
    }

    @Test
    void anAlbRefusesTcpAndAnNlbRefusesHttpEachTakingTheSameListenerWithItsOwnLayer() {
        Map<String, AssertionRecord> a = assertionsOn(Emulator.MOTO);

        assertThat(a.get("alb-refuses-tcp-listener").actual()).contains("error code: ValidationError",
                "protocol of the listener the ALB accepted on the same port: HTTP");
        assertThat(a.get("alb-refuses-tcp-listener").evidence().get("message")).contains("'TCP'");
        assertThat(a.get("nlb-refuses-http-listener").actual()).contains("error code: ValidationError",
                "protocol of the listener the NLB accepted on the same port: TCP");
    }

    @Test
    void theStoppedAndTheDeregisteredTargetCarryAwsReasonCodesWhileTheRunningOneStaysHealthy() {
        Map<String, AssertionRecord> a = assertionsOn(Emulator.MOTO);

        assertThat(a.get("stopped-target-invalid-state").actual()).contains(
                "health of the stopped instance: unused (Target.InvalidState)",
                "health of the running instance, same group: healthy");
        assertThat(a.get("deregistered-target-not-registered").actual()).contains(
                "unused (Target.NotRegistered)", "health of the same instance in the group of port 80: healthy");
    }

    @Test
    void motoGivesTheNlbAnAppArnSoTheNetArnIsShownOnlyOnAws() {
        AssertionRecord arn = assertionsOn(Emulator.MOTO).get("nlb-arn-says-net");

        assertThat(arn.reason()).startsWith("real AWS only").contains("loadbalancer/app/");
    }

    @Test
    void teardownDeletesListenersThenTargetGroupsAndBalancersThenInstancesThenTheNetwork() {
        List<String> types = labOn(Emulator.MOTO).teardown().stream().map(TeardownRecord::type).distinct().toList();

        assertThat(types).containsExactly("ELB listener", "ELB target group", "ELB load balancer", "EC2 instance",
                "EC2 security group", "EC2 subnet", "EC2 VPC");
    }

    @Test
    void localStackCommunityHasNoElbv2SoNothingIsCreatedAndTheReasonSaysSo() {
        LabReport lab = labOn(Emulator.LOCALSTACK);

        assertThat(lab.assertions()).allSatisfy(r -> assertThat(r.reason()).as(r.id())
                .contains("does not serve elbv2", "community edition"));
        assertThat(lab.teardown()).isEmpty();
    }
}
