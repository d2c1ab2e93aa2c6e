package io.awslabs.resources.elbv2;

import io.awslabs.resources.Ids;
import io.awslabs.resources.Provisioning;
import io.awslabs.resources.ResourceKind;
import io.awslabs.resources.RunMatcher;
import io.awslabs.resources.Teardown;
import io.awslabs.targets.Target;
import java.util.List;
import java.util.function.Consumer;
import software.amazon.awssdk.arns.Arn;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.CreateLoadBalancerRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancerSchemeEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancerTypeEnum;

/**
 * An Application or Network Load Balancer (ELBv2), tagged at creation. Deleting it deletes its
 * listeners too; the network interfaces it held in its subnets are released some minutes later,
 * which the subnet's own delete waits for.
 */
public final class LoadBalancer implements ResourceKind {
    public static final LoadBalancer KIND = new LoadBalancer();

    /** A lab load balancer: its ARN, name, type and DNS name. */
    public record Handle(String arn, String name, LoadBalancerTypeEnum type, String dnsName) { }

    private LoadBalancer() { }

    /** An internal load balancer of this type in these subnets, named {@code labs-<run>-<suffix>}. */
    public static Handle create(Provisioning p, String suffix, LoadBalancerTypeEnum type, List<String> subnetIds)
            throws Exception {
        return create(p, suffix, type, subnetIds, r -> { });
    }

    /** {@link #create} with more settings (an internet-facing scheme, security groups) set by {@code more}. */
    public static Handle create(Provisioning p, String suffix, LoadBalancerTypeEnum type, List<String> subnetIds,
                                Consumer<CreateLoadBalancerRequest.Builder> more) throws Exception {
        ElasticLoadBalancingV2Client elb = p.client(ElasticLoadBalancingV2Client.class);
        String name = ElbTags.shortName(p, suffix);
        return p.create(KIND, () -> {
            var lb = elb.createLoadBalancer(r -> {
                r.name(name).type(type).scheme(LoadBalancerSchemeEnum.INTERNAL).subnets(subnetIds).tags(ElbTags.of(p));
                more.accept(r);
            }).loadBalancers().get(0);
            return new Handle(lb.loadBalancerArn(), lb.loadBalancerName(), lb.type(), lb.dnsName());
        }, Handle::arn);
    }

    @Override
    public String type() {
        return "ELB load balancer";
    }

    @Override
    public List<String> actions() {
        return List.of("elasticloadbalancing:CreateLoadBalancer", "elasticloadbalancing:AddTags",
                "elasticloadbalancing:DeleteLoadBalancer");
    }

    @Override
    public List<String> sweepActions() {
        return List.of("elasticloadbalancing:DescribeLoadBalancers", "elasticloadbalancing:DescribeTags");
    }

    /** DeleteLoadBalancer succeeds for a load balancer that is already gone. */
    @Override
    public void delete(Teardown env, String arn) {
        env.target().client(ElasticLoadBalancingV2Client.class).deleteLoadBalancer(r -> r.loadBalancerArn(arn));
    }

    @Override
    public boolean owns(Arn arn) {
        return Ids.is(arn, "elasticloadbalancing", "loadbalancer");
    }

    /** The ARN is the id every ELBv2 call takes. */
    @Override
    public String canonicalId(String idOrArn) {
        return idOrArn;
    }

    @Override
    public List<Found> find(Target target, RunMatcher runs) {
        ElasticLoadBalancingV2Client elb = target.client(ElasticLoadBalancingV2Client.class);
        List<String> arns = elb.describeLoadBalancersPaginator(r -> { }).loadBalancers().stream()
                .map(software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancer::loadBalancerArn).toList();
        return ElbTags.ofRuns(elb, arns, runs);
    }
}
