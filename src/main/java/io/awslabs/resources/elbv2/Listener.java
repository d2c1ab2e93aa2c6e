package io.awslabs.resources.elbv2;

import io.awslabs.resources.Ids;
import io.awslabs.resources.Provisioning;
import io.awslabs.resources.ResourceKind;
import io.awslabs.resources.RunMatcher;
import io.awslabs.resources.Teardown;
import io.awslabs.targets.Target;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.arns.Arn;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Action;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ActionTypeEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ProtocolEnum;

/**
 * A listener of a lab load balancer: a protocol and port, and what it does with a connection (its
 * default action), tagged at creation. Deleted before its load balancer and before the target
 * groups it forwards to, which it holds.
 */
public final class Listener implements ResourceKind {
    public static final Listener KIND = new Listener();

    private Listener() { }

    /** A listener whose default action forwards every connection to one target group; returns its ARN. */
    public static String forward(Provisioning p, String loadBalancerArn, ProtocolEnum protocol, int port,
                                 String targetGroupArn) throws Exception {
        return create(p, loadBalancerArn, protocol, port, Action.builder().type(ActionTypeEnum.FORWARD)
                .targetGroupArn(targetGroupArn).build());
    }

    /** An HTTP listener on {@code port} that answers every request itself with 200 and {@code body}: no targets needed. */
    public static String fixedResponse(Provisioning p, String loadBalancerArn, int port, String body) throws Exception {
        return create(p, loadBalancerArn, ProtocolEnum.HTTP, port, Action.builder().type(ActionTypeEnum.FIXED_RESPONSE)
                .fixedResponseConfig(f -> f.statusCode("200").contentType("text/plain").messageBody(body)).build());
    }

    /** A listener with this default action; returns its ARN. */
    public static String create(Provisioning p, String loadBalancerArn, ProtocolEnum protocol, int port, Action action)
            throws Exception {
        ElasticLoadBalancingV2Client elb = p.client(ElasticLoadBalancingV2Client.class);
        return p.create(KIND, () -> elb.createListener(r -> r.loadBalancerArn(loadBalancerArn).protocol(protocol)
                .port(port).defaultActions(action).tags(ElbTags.of(p))).listeners().get(0).listenerArn());
    }

    @Override
    public String type() {
        return "ELB listener";
    }

    @Override
    public List<String> actions() {
        return List.of("elasticloadbalancing:CreateListener", "elasticloadbalancing:AddTags",
                "elasticloadbalancing:DeleteListener");
    }

    @Override
    public List<String> sweepActions() {
        return List.of("elasticloadbalancing:DescribeLoadBalancers", "elasticloadbalancing:DescribeListeners",
                "elasticloadbalancing:DescribeTags");
    }

    @Override
    public void delete(Teardown env, String arn) {
        env.target().client(ElasticLoadBalancingV2Client.class).deleteListener(r -> r.listenerArn(arn));
    }

    @Override
    public boolean owns(Arn arn) {
        return Ids.is(arn, "elasticloadbalancing", "listener");
    }

    @Override
    public String canonicalId(String idOrArn) {
        return idOrArn;
    }

    /** Listeners of every load balancer, by their own run-id tag. */
    @Override
    public List<Found> find(Target target, RunMatcher runs) {
        ElasticLoadBalancingV2Client elb = target.client(ElasticLoadBalancingV2Client.class);
        List<String> arns = new ArrayList<>();
        for (var lb : elb.describeLoadBalancersPaginator(r -> { }).loadBalancers()) {
            elb.describeListenersPaginator(r -> r.loadBalancerArn(lb.loadBalancerArn())).listeners()
                    .forEach(l -> arns.add(l.listenerArn()));
        }
        return ElbTags.ofRuns(elb, arns, runs);
    }
}
