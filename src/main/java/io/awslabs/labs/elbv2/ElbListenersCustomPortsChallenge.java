package io.awslabs.labs.elbv2;

import io.awslabs.lab.Challenge;
import io.awslabs.lab.ChallengeChecks;
import io.awslabs.lab.ChallengeInfo;
import io.awslabs.lab.CheckProof;
import io.awslabs.lab.LabContext;
import io.awslabs.lab.Scaffold;
import io.awslabs.resources.elbv2.LoadBalancer;
import io.awslabs.resources.elbv2.TargetGroup;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeListenersResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancerTypeEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ProtocolEnum;

/**
 * Question 163 by hand: the legacy application runs on an instance behind a Network Load
 * Balancer, with a TCP target group for each of its ports; the learner gives the load balancer
 * the listeners that let employees reach it on 80 and 8080.
 */
public final class ElbListenersCustomPortsChallenge implements Challenge {
    static final String NLB = "nlb";
    static final String GROUP_80 = "group-80";
    static final String GROUP_8080 = "group-8080";

    @Override
    public String labId() {
        return ElbListenersCustomPortsLab.ID;
    }

    @Override
    public ChallengeInfo info() {
        return ChallengeInfo.goal("The legacy application (its own protocol, not HTTP) runs on an instance registered in "
                        + "two target groups, one per port it serves. Employees must reach it through the load balancer "
                        + "'nlb' on port 80 and on port 8080: connections to port 80 go to the instances of 'group-80', "
                        + "connections to port 8080 to those of 'group-8080', and the load balancer must not try to "
                        + "read them as HTTP.")
                .creates("a VPC with a subnet in each of two Availability Zones and a security group letting TCP 80 and "
                                + "8080 in from the VPC",
                        "a t3.micro instance running a line-based TCP service on 80 and 8080",
                        "an internal Network Load Balancer without listeners, and two TCP target groups (80 and 8080) "
                                + "holding the instance")
                .resource(NLB, "the internal Network Load Balancer, no listener yet")
                .resource(GROUP_80, "TCP target group of port 80, holding {0}")
                .resource(GROUP_8080, "TCP target group of port 8080, holding {0}")
                .check("port-80-forwards-to-group-80",
                        "The load balancer listens on port 80 with TCP and forwards to group-80")
                .check("port-8080-forwards-to-group-8080",
                        "The load balancer listens on port 8080 with TCP and forwards to group-8080")
                .hints("Load balancer listeners: a listener is a protocol and a port with a default action. A Network "
                                + "Load Balancer works at layer 4 (TCP, UDP, TLS) and passes any protocol through; an "
                                + "HTTP listener would parse the bytes as HTTP.",
                        "The ELBv2 API call CreateListener (console: EC2 > Load Balancers > the NLB > Listeners > Add "
                                + "listener), once per port: Protocol TCP, the port, a default action of type forward "
                                + "to that port's target group.");
    }

    @Override
    public void scaffold(LabContext ctx, Scaffold.Builder scaffold) throws Exception {
        LegacyNetwork.Network network = LegacyNetwork.create(ctx);
        String instance = LegacyNetwork.launch(ctx, network, "app");
        LoadBalancer.Handle nlb = LoadBalancer.create(ctx, "nlb", LoadBalancerTypeEnum.NETWORK, network.subnetIds());
        TargetGroup.Handle group80 = LegacyTargetGroups.create(ctx, network.vpcId(), 80);
        TargetGroup.Handle group8080 = LegacyTargetGroups.create(ctx, network.vpcId(), 8080);
        LegacyTargetGroups.register(ctx, group80, instance);
        LegacyTargetGroups.register(ctx, group8080, instance);
        scaffold.item(NLB, LoadBalancer.KIND.type(), nlb.name(), nlb.arn())
                .item(GROUP_80, TargetGroup.KIND.type(), group80.name(), group80.arn(), instance)
                .item(GROUP_8080, TargetGroup.KIND.type(), group8080.name(), group8080.arn(), instance);
    }

    @Override
    public void check(LabContext ctx, Scaffold scaffold, ChallengeChecks check) {
        ElasticLoadBalancingV2Client elb = ctx.client(ElasticLoadBalancingV2Client.class);
        check.that("port-80-forwards-to-group-80", p -> listensAndForwards(ctx, p, elb, scaffold, 80, GROUP_80));
        check.that("port-8080-forwards-to-group-8080", p -> listensAndForwards(ctx, p, elb, scaffold, 8080, GROUP_8080));
    }

    private static void listensAndForwards(LabContext ctx, CheckProof p, ElasticLoadBalancingV2Client elb,
                                           Scaffold scaffold, int port, String group) {
        DescribeListenersResponse listeners = elb.describeListeners(r -> r.loadBalancerArn(scaffold.arn(NLB)));
        p.call("elasticloadbalancing:DescribeListeners", listeners);
        Optional<software.amazon.awssdk.services.elasticloadbalancingv2.model.Listener> onPort =
                listeners.listeners().stream().filter(l -> l.port() == port).findFirst();
        p.isTrue("a listener on port " + port, onPort.isPresent(), listeners.listeners().stream().map(l -> l.port())
                .toList(), ctx.words("fail.noListener", port));
        var listener = onPort.orElseThrow();
        p.evidence("listener", listener.listenerArn());
        p.equal("protocol of the listener on " + port, ProtocolEnum.TCP, listener.protocol(),
                ctx.words("fail.notTcp", port, listener.protocolAsString()));
        List<String> forwardsTo = listener.defaultActions().stream().filter(a -> "forward".equals(a.typeAsString()))
                .map(a -> a.targetGroupArn() != null ? a.targetGroupArn()
                        : a.forwardConfig().targetGroups().stream().map(t -> t.targetGroupArn()).findFirst().orElse(null))
                .toList();
        p.equal("target group the listener on " + port + " forwards to", List.of(scaffold.arn(group)), forwardsTo,
                ctx.words("fail.otherTargetGroup", port, group, forwardsTo));
    }

    /** The lab's own step: a TCP listener per port, each forwarding to its group. */
    @Override
    public void solve(LabContext ctx, Scaffold scaffold) throws Exception {
        LegacyListeners.create(ctx, scaffold.arn(NLB), handle(scaffold, GROUP_80, 80), handle(scaffold, GROUP_8080, 8080));
    }

    private static TargetGroup.Handle handle(Scaffold scaffold, String role, int port) {
        return new TargetGroup.Handle(scaffold.arn(role), scaffold.id(role), ProtocolEnum.TCP, port);
    }

    @Override
    public List<String> commands(Scaffold scaffold) {
        return List.of(
                "aws elbv2 create-listener --load-balancer-arn " + scaffold.arn(NLB) + " --protocol TCP --port 80 "
                        + "--default-actions Type=forward,TargetGroupArn=" + scaffold.arn(GROUP_80),
                "aws elbv2 create-listener --load-balancer-arn " + scaffold.arn(NLB) + " --protocol TCP --port 8080 "
                        + "--default-actions Type=forward,TargetGroupArn=" + scaffold.arn(GROUP_8080));
    }
}
