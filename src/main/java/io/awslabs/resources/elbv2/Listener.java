package io.awslabs.resources.elbv2;

import io.awslabs.resources.Provisioning;
import io.awslabs.resources.ResourceKind;
import io.awslabs.resources.RunMatcher;
import io.awslabs.resources.Teardown;
import io.awslabs.targets.Target;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.arns.Arn;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ActionTypeEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ProtocolEnum;

/**
 * A listener of a lab load balancer, recorded by its ARN. It has no name of its own: the sweep
 * finds it through the run's load balancers, and deleting the load balancer takes it along.
 */
public final class Listener implements ResourceKind {
    public static final Listener KIND = new Listener();

    private Listener() { }

    /** An HTTP listener on {@code port} that answers every request itself with 200 and {@code body}: no targets needed. */
    public static String fixedResponse(Provisioning p, String loadBalancerArn, int port, String body) throws Exception {
        ElasticLoadBalancingV2Client elb = p.client(ElasticLoadBalancingV2Client.class);
        return p.create(KIND, () -> elb.createListener(r -> r.loadBalancerArn(loadBalancerArn).protocol(ProtocolEnum.HTTP)
                .port(port).defaultActions(a -> a.type(ActionTypeEnum.FIXED_RESPONSE)
                        .fixedResponseConfig(f -> f.statusCode("200").contentType("text/plain").messageBody(body))))
                .listeners().get(0).listenerArn());
    }

    @Override
    public String type() {
        return "ELBv2 listener";
    }

    @Override
    public void delete(Teardown env, String arn) {
        env.target().client(ElasticLoadBalancingV2Client.class).deleteListener(r -> r.listenerArn(arn));
    }

    @Override
    public String canonicalId(String idOrArn) {
        return idOrArn;
    }

    @Override
    public boolean owns(Arn arn) {
        return arn.service().equals("elasticloadbalancing") && arn.resourceAsString().startsWith("listener/");
    }

    @Override
    public List<Found> find(Target target, RunMatcher runs) throws Exception {
        ElasticLoadBalancingV2Client elb = target.client(ElasticLoadBalancingV2Client.class);
        List<Found> found = new ArrayList<>();
        for (Found lb : LoadBalancer.KIND.find(target, runs)) {
            elb.describeListeners(r -> r.loadBalancerArn(lb.id())).listeners()
                    .forEach(l -> found.add(new Found(lb.runId(), l.listenerArn())));
        }
        return found;
    }
}
