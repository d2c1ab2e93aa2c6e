package io.awslabs.labs.elbv2;

import io.awslabs.resources.Provisioning;
import io.awslabs.resources.elbv2.Listener;
import io.awslabs.resources.elbv2.TargetGroup;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ProtocolEnum;

/**
 * The answer to the question: on the Network Load Balancer, a TCP listener on each port the
 * legacy application needs, each forwarding to the TCP target group of that port. Layer 4: the
 * load balancer passes the bytes through and never reads the application's protocol.
 */
final class LegacyListeners {
    record Arns(String port80, String port8080) { }

    private LegacyListeners() { }

    static Arns create(Provisioning p, String nlbArn, TargetGroup.Handle group80, TargetGroup.Handle group8080)
            throws Exception {
        String first = Listener.forward(p, nlbArn, ProtocolEnum.TCP, group80.port(), group80.arn());
        String second = Listener.forward(p, nlbArn, ProtocolEnum.TCP, group8080.port(), group8080.arn());
        return new Arns(first, second);
    }
}
