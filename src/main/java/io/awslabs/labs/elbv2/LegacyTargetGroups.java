package io.awslabs.labs.elbv2;

import io.awslabs.resources.Provisioning;
import io.awslabs.resources.elbv2.TargetGroup;
import java.util.Arrays;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ProtocolEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetDescription;

/**
 * A TCP target group per port of the legacy application, created with only protocol and port so
 * its health checks are AWS's TCP defaults. Its deregistration delay is 0: a deregistered target
 * is then unused at once instead of draining for the default 300 s.
 */
final class LegacyTargetGroups {
    private LegacyTargetGroups() { }

    static TargetGroup.Handle create(Provisioning p, String vpcId, int port) throws Exception {
        TargetGroup.Handle group = TargetGroup.create(p, "tcp" + port, ProtocolEnum.TCP, port, vpcId, r -> { });
        p.client(ElasticLoadBalancingV2Client.class).modifyTargetGroupAttributes(r -> r.targetGroupArn(group.arn())
                .attributes(a -> a.key("deregistration_delay.timeout_seconds").value("0")));
        return group;
    }

    /** Registered targets go with their group: deleting the group removes them. */
    static void register(Provisioning p, TargetGroup.Handle group, String... instanceIds) {
        p.client(ElasticLoadBalancingV2Client.class).registerTargets(r -> r.targetGroupArn(group.arn())
                .targets(Arrays.stream(instanceIds).map(id -> TargetDescription.builder().id(id).build()).toList()));
    }
}
