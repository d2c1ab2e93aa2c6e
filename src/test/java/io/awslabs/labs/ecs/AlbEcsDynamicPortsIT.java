package io.awslabs.labs.ecs;

import static org.assertj.core.api.Assertions.assertThat;

import io.awslabs.report.AssertionRecord;
import io.awslabs.report.LabReport;
import io.awslabs.report.TeardownRecord;
import io.awslabs.testing.Emulator;
import io.awslabs.testing.LabContract;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlbEcsDynamicPortsIT extends LabContract {

    AlbEcsDynamicPortsIT() {
        super(AlbEcsDynamicPortsLab::new);
    }

    @Test
    void theTaskDefinitionAsksForHostPortZeroAndTheTargetGroupChecksEachTargetsOwnPort() {
        Map<String, AssertionRecord> a = assertionsOn(Emulator.MOTO);

        assertThat(a.get("task-definition-asks-for-a-dynamic-host-port").actual())
                .contains("networkMode: bridge", "container 8080 -> host 0 (tcp)");
        assertThat(a.get("target-group-checks-each-target-on-its-own-port").actual())
                .contains("TargetType: instance", "HealthCheckPort: traffic-port");
    }

    @Test
    void motoRunsNoTaskSoWhatTheTasksShowIsSkippedWithTheReason() {
        Map<String, AssertionRecord> a = assertionsOn(Emulator.MOTO);

        assertThat(List.of("several-tasks-share-one-instance", "each-task-registered-on-its-own-ephemeral-port",
                "alb-spreads-requests-across-tasks")).allSatisfy(id ->
                assertThat(a.get(id).reason()).as(id).startsWith("real AWS only"));
        assertThat(a.get("each-task-registered-on-its-own-ephemeral-port").reason()).contains("never registers");
    }

    @Test
    void teardownDrainsTheServiceFirstAndTerminatesTheInstanceBeforeTheClusterGoes() {
        List<String> types = labOn(Emulator.MOTO).teardown().stream().map(TeardownRecord::type).toList();

        assertThat(types.get(0)).isEqualTo("ECS service");
        assertThat(types).containsSubsequence("ECS service", "ELB listener", "ELB target group", "ELB load balancer",
                "EC2 instance", "ECS task definition", "ECS cluster", "IAM role", "EC2 security group");
    }

    @Test
    void localStackCommunityHasNoEcsSoNothingIsCreatedAndTheReasonSaysSo() {
        LabReport lab = labOn(Emulator.LOCALSTACK);

        assertThat(lab.assertions()).allSatisfy(r -> assertThat(r.reason()).as(r.id())
                .contains("does not serve ecs", "community edition"));
        assertThat(lab.teardown()).isEmpty();
    }
}
