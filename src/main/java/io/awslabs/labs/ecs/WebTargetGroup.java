package io.awslabs.labs.ecs;

import io.awslabs.resources.Provisioning;
import io.awslabs.resources.elbv2.TargetGroup;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ProtocolEnum;

/**
 * The ALB's target group for the service: instance targets, HTTP. Its port is only the default
 * for a target registered without one; ECS registers every task with its own host port, and the
 * health check port stays traffic-port, the port of each target. Quicker checks than the default
 * (2 successes 10 s apart) and no deregistration delay keep an AWS run short.
 */
final class WebTargetGroup {
    private WebTargetGroup() { }

    static TargetGroup.Handle create(Provisioning p, String vpcId) throws Exception {
        TargetGroup.Handle group = TargetGroup.create(p, "web", ProtocolEnum.HTTP, WebTask.CONTAINER_PORT, vpcId,
                r -> r.healthCheckPath("/").healthCheckIntervalSeconds(10).healthCheckTimeoutSeconds(5)
                        .healthyThresholdCount(2));
        p.client(ElasticLoadBalancingV2Client.class).modifyTargetGroupAttributes(r -> r.targetGroupArn(group.arn())
                .attributes(a -> a.key("deregistration_delay.timeout_seconds").value("0")));
        return group;
    }
}
