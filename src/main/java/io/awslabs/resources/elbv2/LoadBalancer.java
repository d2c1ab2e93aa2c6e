package io.awslabs.resources.elbv2;

import io.awslabs.resources.Provisioning;
import io.awslabs.resources.ResourceKind;
import io.awslabs.resources.RunMatcher;
import io.awslabs.resources.Teardown;
import io.awslabs.targets.Target;
import java.util.Collection;
import java.util.List;
import software.amazon.awssdk.arns.Arn;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancerTypeEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Tag;

/**
 * An Application or Network Load Balancer, named {@code labs-<lab>-<run>-<suffix>} (at most 32
 * characters) and tagged at creation; recorded by its ARN. Deleting it deletes its listeners too.
 */
public final class LoadBalancer implements ResourceKind {
    public static final LoadBalancer KIND = new LoadBalancer();
    private static final int MAX_NAME = 32;

    private LoadBalancer() { }

    /** What a created load balancer is: its ARN and the DNS name clients reach it at. */
    public record Handle(String arn, String dnsName) { }

    /** An internet-facing load balancer of {@code type} in these subnets; security groups apply to an ALB only. */
    public static Handle create(Provisioning p, String suffix, LoadBalancerTypeEnum type, Collection<String> subnets,
                                Collection<String> securityGroups) throws Exception {
        ElasticLoadBalancingV2Client elb = p.client(ElasticLoadBalancingV2Client.class);
        String name = p.name(suffix);
        if (name.length() > MAX_NAME) {
            throw new IllegalArgumentException("a load balancer name has at most 32 characters: " + name);
        }
        return p.create(KIND, () -> {
            var created = elb.createLoadBalancer(r -> {
                r.name(name).type(type).scheme("internet-facing").subnets(subnets)
                        .tags(p.tags((k, v) -> Tag.builder().key(k).value(v).build()));
                if (type == LoadBalancerTypeEnum.APPLICATION) {
                    r.securityGroups(securityGroups);
                }
            }).loadBalancers().get(0);
            return new Handle(created.loadBalancerArn(), created.dnsName());
        }, Handle::arn);
    }

    @Override
    public String type() {
        return "ELBv2 load balancer";
    }

    @Override
    public void delete(Teardown env, String arn) {
        env.target().client(ElasticLoadBalancingV2Client.class).deleteLoadBalancer(r -> r.loadBalancerArn(arn));
    }

    @Override
    public String canonicalId(String idOrArn) {
        return idOrArn;
    }

    @Override
    public boolean owns(Arn arn) {
        return arn.service().equals("elasticloadbalancing") && arn.resourceAsString().startsWith("loadbalancer/");
    }

    @Override
    public List<Found> find(Target target, RunMatcher runs) {
        return target.client(ElasticLoadBalancingV2Client.class).describeLoadBalancersPaginator(r -> { })
                .loadBalancers().stream()
                .flatMap(lb -> runs.runOf(lb.loadBalancerName()).map(run -> new Found(run, lb.loadBalancerArn())).stream())
                .toList();
    }
}
