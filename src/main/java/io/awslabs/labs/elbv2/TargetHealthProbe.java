package io.awslabs.labs.elbv2;

import io.awslabs.lab.LabWords;
import io.awslabs.resources.Wait;
import java.time.Duration;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthDescription;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthStateEnum;

/**
 * What a target group says of one instance. On AWS a state changes only after health checks run:
 * a new target is {@code initial} until HealthyThresholdCount checks pass (5 x 30 s with the TCP
 * defaults, after the NLB is active), a stopped or deregistered one drains first; so each reading
 * waits for the state it expects, through {@link Wait#afterChange}, which on an emulator takes the
 * first answer as the only one.
 */
final class TargetHealthProbe {
    static final Duration HEALTHY_WITHIN = Duration.ofMinutes(10);
    static final Duration SETTLED_WITHIN = Duration.ofMinutes(5);
    private static final Duration ASK_EVERY = Duration.ofSeconds(15);

    private TargetHealthProbe() { }

    static TargetHealthDescription now(ElasticLoadBalancingV2Client elb, String groupArn, String instanceId) {
        return elb.describeTargetHealth(r -> r.targetGroupArn(groupArn).targets(t -> t.id(instanceId)))
                .targetHealthDescriptions().get(0);
    }

    static TargetHealthDescription awaitState(Wait waits, ElasticLoadBalancingV2Client elb, String groupArn,
                                              String instanceId, TargetHealthStateEnum state, Duration within)
            throws Exception {
        return waits.afterChange(LabWords.of(TargetHealthProbe.class, "wait.targetState", instanceId, state,
                        groupArn.substring(groupArn.indexOf('/') + 1)),
                within, ASK_EVERY, () -> now(elb, groupArn, instanceId), d -> d.targetHealth().state() == state,
                TargetHealthProbe::describe);
    }

    static String describe(TargetHealthDescription d) {
        return d.targetHealth().stateAsString()
                + (d.targetHealth().reasonAsString() == null ? "" : " (" + d.targetHealth().reasonAsString() + ")");
    }
}
