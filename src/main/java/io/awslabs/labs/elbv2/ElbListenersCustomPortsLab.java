package io.awslabs.labs.elbv2;

import io.awslabs.lab.Checks;
import io.awslabs.lab.ExamDomain;
import io.awslabs.lab.Lab;
import io.awslabs.lab.LabContext;
import io.awslabs.lab.LabInfo;
import io.awslabs.resources.TeardownWords;
import io.awslabs.resources.ec2.Ec2Instance;
import io.awslabs.resources.ec2.SecurityGroup;
import io.awslabs.resources.ec2.Subnet;
import io.awslabs.resources.ec2.Vpc;
import io.awslabs.resources.elbv2.Listener;
import io.awslabs.resources.elbv2.LoadBalancer;
import io.awslabs.resources.elbv2.TargetGroup;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.InstanceStateName;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Action;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ActionTypeEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeListenersResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ElasticLoadBalancingV2Exception;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancerTypeEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ProtocolEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthDescription;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthStateEnum;

/**
 * Question 163: a legacy application that speaks its own protocol, not HTTP, on ports 80 and 8080,
 * behind a load balancer. The answer is a Network Load Balancer with a TCP listener on each port,
 * each forwarding to the TCP target group of that port. The lab shows the answer working, the
 * trap refused (an ALB takes no TCP listener, an NLB no HTTP one), what a TCP target group checks
 * by default, and what its health says of a running, a stopped and a deregistered instance.
 */
public final class ElbListenersCustomPortsLab implements Lab {
    static final String ID = "elb-listeners-custom-ports";
    /** A port no listener of the lab uses, for the listeners each load balancer type refuses and accepts. */
    static final int SPARE_PORT = 9000;
    private static final Duration STOPPED_WITHIN = Duration.ofMinutes(5);
    private static final Duration POLL_EVERY = Duration.ofSeconds(5);

    private LegacyNetwork.Network network;
    private String firstInstance;
    private String secondInstance;
    private LoadBalancer.Handle nlb;
    private LoadBalancer.Handle alb;
    private TargetGroup.Handle group80;
    private TargetGroup.Handle group8080;

    @Override
    public LabInfo info() {
        return LabInfo.of(ID, "ELB listeners for a custom TCP application on ports 80 and 8080")
                .exam(ExamDomain.RESILIENT, "2.2 Design highly available and/or fault-tolerant architectures", 163)
                .concept("A load balancer listener is a protocol and a port. An Application Load Balancer works at "
                        + "layer 7: its listeners speak HTTP or HTTPS and it routes requests by their content. A Network "
                        + "Load Balancer works at layer 4: its listeners are TCP, TLS, UDP or TCP_UDP and it forwards "
                        + "connections without reading what flows in them, so any protocol passes. An application with "
                        + "its own protocol on ports 80 and 8080 needs an NLB with a TCP listener on each port, each "
                        + "forwarding to a TCP target group of its instances; the target group's health checks decide "
                        + "which instances get connections.")
                .examAngle("Question 163: a custom, non-HTTP application on ports 80 and 8080 behind ELB: which "
                        + "listeners? Two TCP listeners (80 and 8080) on a Network Load Balancer. The trap: port 80 "
                        + "suggests HTTP, but an HTTP listener parses HTTP and would break the custom protocol, and an "
                        + "ALB refuses TCP listeners outright. Also asked: what does a target's health reason code mean "
                        + "(Target.InvalidState, Target.NotRegistered), how long until a new target is healthy.")
                .services("elbv2", "ec2", "ssm")
                .costPerRunUsd(0.05, "for about 20 minutes: an NLB and an ALB at about $0.0225 an hour each plus "
                        + "capacity units, two t3.micro instances at about $0.0104 an hour each with their 8 GB gp3 "
                        + "volumes (us-east-1 on-demand prices, aws.amazon.com/elasticloadbalancing/pricing and "
                        + "aws.amazon.com/ec2/pricing/on-demand)")
                .provisions(Ec2Instance.KIND, SecurityGroup.KIND, Subnet.KIND, Vpc.KIND, Listener.KIND,
                        LoadBalancer.KIND, TargetGroup.KIND)
                .calls("ec2:AuthorizeSecurityGroupIngress", "ec2:DescribeAvailabilityZones",
                        "ec2:DescribeInstanceTypeOfferings", "ec2:RunInstances", "ec2:StopInstances",
                        "elasticloadbalancing:DeregisterTargets", "elasticloadbalancing:DescribeTargetHealth",
                        "elasticloadbalancing:ModifyTargetGroupAttributes", "elasticloadbalancing:RegisterTargets",
                        "ssm:GetParameter")
                .creates("a VPC (10.80.0.0/16) with a subnet in each of two Availability Zones and a security group "
                                + "letting TCP 80 and 8080 in from the VPC",
                        "two t3.micro Amazon Linux 2023 instances running a line-based TCP service (not HTTP) on 80 and 8080",
                        "an internal Network Load Balancer with two TCP target groups (80 and 8080) holding both "
                                + "instances, and a TCP listener on each port forwarding to its group",
                        "an internal Application Load Balancer, only to show which listener protocols it takes")
                .asserts("nlb-tcp-listeners-forward-to-own-groups",
                        "The NLB has a TCP listener on 80 forwarding to the TCP target group of port 80 and one on 8080 "
                                + "forwarding to the group of port 8080, and each group holds both instances")
                .asserts("alb-refuses-tcp-listener",
                        "An Application Load Balancer refuses a TCP listener (ValidationError) and accepts the same "
                                + "listener with HTTP: it is layer 7 only")
                .asserts("nlb-refuses-http-listener",
                        "A Network Load Balancer refuses an HTTP listener (ValidationError) and accepts the same "
                                + "listener with TCP: it is layer 4 only")
                .asserts("tcp-health-check-defaults",
                        "A TCP target group created with only protocol and port checks health over TCP on the traffic "
                                + "port every 30 s with a 10 s timeout, 5 successes to be healthy and 2 failures to be "
                                + "unhealthy, and has no HTTP path or matcher")
                .asserts("running-target-healthy",
                        "A registered, running instance that accepts TCP connections is healthy in the target group")
                .asserts("stopped-target-invalid-state",
                        "A registered instance that is stopped is unused with reason Target.InvalidState, while the "
                                + "running one stays healthy")
                .asserts("deregistered-target-not-registered",
                        "An instance deregistered from the port-8080 group is unused there with reason "
                                + "Target.NotRegistered, while it stays healthy in the port-80 group")
                .asserts("duplicate-listener-port-refused",
                        "A second listener on a port the NLB already listens on is refused (DuplicateListener)")
                .asserts("listener-and-target-group-protocols-match",
                        "A TCP listener cannot forward to an HTTP target group (IncompatibleProtocols), while it "
                                + "forwards to a TCP one")
                .asserts("alb-needs-two-zones",
                        "An Application Load Balancer with a subnet in only one Availability Zone is refused "
                                + "(ValidationError); with subnets in two zones it is created")
                .asserts("nlb-arn-says-net",
                        "A Network Load Balancer's ARN has loadbalancer/net/, an Application Load Balancer's loadbalancer/app/")
                .awsOnly("duplicate-listener-port-refused",
                        "moto accepts a second listener on a port already in use: it looks the port up among the "
                                + "listeners keyed by ARN, so never finds it (moto/elbv2/models.py create_listener, "
                                + "'if port in balancer.listeners', moto 5.2.5)")
                .awsOnly("listener-and-target-group-protocols-match",
                        "moto does not compare a listener's protocol with its target group's: a TCP listener forwarding "
                                + "to an HTTP group is accepted (moto/elbv2/models.py _validate_actions checks only that "
                                + "the group exists, moto 5.2.5)")
                .awsOnly("alb-needs-two-zones",
                        "moto creates an Application Load Balancer with a single subnet (moto/elbv2/models.py "
                                + "create_load_balancer counts no Availability Zones, moto 5.2.5)")
                .awsOnly("nlb-arn-says-net",
                        "moto builds every load balancer ARN with loadbalancer/app/, a Network Load Balancer's too "
                                + "(moto/elbv2/utils.py make_arn_for_load_balancer, moto 5.2.5)")
                .note("Health is real only on AWS: moto answers healthy for any registered running instance without a "
                        + "health check (moto/elbv2/models.py FakeTargetGroup.health_for), so on moto the health "
                        + "assertions show the states and reason codes AWS documents, not that a check ran. On AWS a "
                        + "new target is initial (Elb.RegistrationInProgress, then Elb.InitialHealthChecking) for about "
                        + "2.5 minutes with the TCP defaults (5 checks 30 s apart, once the NLB is active): the lab waits "
                        + "for each state through the kit's Wait, up to 10 minutes, and says so as it waits.")
                .note("Both target groups have deregistration_delay.timeout_seconds set to 0, so a deregistered target "
                        + "leaves draining at once (the default is 300 s); health check settings stay the defaults.")
                .note("The Classic Load Balancer, which the question's wording may come from, has TCP and HTTP "
                        + "listeners on one balancer; for new designs AWS recommends the NLB for TCP "
                        + "(docs.aws.amazon.com/elasticloadbalancing/latest/userguide/how-elastic-load-balancing-works.html).")
                .source("https://docs.aws.amazon.com/elasticloadbalancing/latest/network/load-balancer-listeners.html")
                .source("https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-listeners.html")
                .source("https://docs.aws.amazon.com/elasticloadbalancing/latest/network/target-group-health-checks.html")
                .source("https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_CreateTargetGroup.html")
                .source("https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_TargetHealth.html")
                .source("https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_CreateListener.html")
                .source("https://docs.aws.amazon.com/elasticloadbalancing/latest/application/application-load-balancers.html")
                .source("https://docs.aws.amazon.com/service-authorization/latest/reference/list_awselasticloadbalancingv2.html");
    }

    @Override
    public void provision(LabContext ctx) throws Exception {
        network = LegacyNetwork.create(ctx);
        firstInstance = LegacyNetwork.launch(ctx, network, "first");
        secondInstance = LegacyNetwork.launch(ctx, network, "second");
        nlb = LoadBalancer.create(ctx, "nlb", LoadBalancerTypeEnum.NETWORK, network.subnetIds());
        alb = LoadBalancer.create(ctx, "alb", LoadBalancerTypeEnum.APPLICATION, network.subnetIds());
        group80 = LegacyTargetGroups.create(ctx, network.vpcId(), 80);
        group8080 = LegacyTargetGroups.create(ctx, network.vpcId(), 8080);
        LegacyListeners.create(ctx, nlb.arn(), group80, group8080);
        LegacyTargetGroups.register(ctx, group80, firstInstance, secondInstance);
        LegacyTargetGroups.register(ctx, group8080, firstInstance, secondInstance);
    }

    @Override
    public void verify(LabContext ctx, Checks check) {
        ElasticLoadBalancingV2Client elb = ctx.client(ElasticLoadBalancingV2Client.class);
        Ec2Client ec2 = ctx.client(Ec2Client.class);

        check.that("nlb-tcp-listeners-forward-to-own-groups", p -> {
            DescribeListenersResponse listeners = elb.describeListeners(r -> r.loadBalancerArn(nlb.arn()));
            p.call("elasticloadbalancing:DescribeListeners", listeners);
            Map<Integer, String> byPort = new TreeMap<>();
            listeners.listeners().forEach(l -> byPort.put(l.port(), l.protocolAsString() + " -> "
                    + l.defaultActions().stream().map(a -> a.typeAsString() + " " + a.targetGroupArn())
                    .collect(Collectors.joining(", "))));
            p.evidence("listeners", byPort);
            p.equal("listener on 80", "TCP -> forward " + group80.arn(), byPort.get(80));
            p.equal("listener on 8080", "TCP -> forward " + group8080.arn(), byPort.get(8080));
            for (TargetGroup.Handle group : List.of(group80, group8080)) {
                Set<String> targets = elb.describeTargetHealth(r -> r.targetGroupArn(group.arn()))
                        .targetHealthDescriptions().stream().map(d -> d.target().id()).collect(Collectors.toSet());
                p.equal("instances registered in the group of port " + group.port(),
                        Set.of(firstInstance, secondInstance), targets);
            }
        });

        check.that("alb-refuses-tcp-listener", p -> {
            ElasticLoadBalancingV2Exception refused = p.throwsA("CreateListener TCP:" + SPARE_PORT + " on the ALB",
                    ElasticLoadBalancingV2Exception.class,
                    () -> elb.createListener(r -> r.loadBalancerArn(alb.arn()).protocol(ProtocolEnum.TCP).port(SPARE_PORT)
                            .defaultActions(fixedResponse())));
            p.error("elasticloadbalancing:CreateListener(ALB, TCP)", refused);
            p.equal("error code", "ValidationError", refused.awsErrorDetails().errorCode());
            p.evidence("message", refused.awsErrorDetails().errorMessage());
            String accepted = Listener.create(ctx, alb.arn(), ProtocolEnum.HTTP, SPARE_PORT, fixedResponse());
            p.evidence("acceptedListener", accepted);
            p.equal("protocol of the listener the ALB accepted on the same port", ProtocolEnum.HTTP,
                    elb.describeListeners(r -> r.listenerArns(accepted)).listeners().get(0).protocol());
        });

        check.that("nlb-refuses-http-listener", p -> {
            ElasticLoadBalancingV2Exception refused = p.throwsA("CreateListener HTTP:" + SPARE_PORT + " on the NLB",
                    ElasticLoadBalancingV2Exception.class,
                    () -> elb.createListener(r -> r.loadBalancerArn(nlb.arn()).protocol(ProtocolEnum.HTTP).port(SPARE_PORT)
                            .defaultActions(forwardTo(group80.arn()))));
            p.error("elasticloadbalancing:CreateListener(NLB, HTTP)", refused);
            p.equal("error code", "ValidationError", refused.awsErrorDetails().errorCode());
            p.evidence("message", refused.awsErrorDetails().errorMessage());
            String accepted = Listener.forward(ctx, nlb.arn(), ProtocolEnum.TCP, SPARE_PORT, group80.arn());
            p.evidence("acceptedListener", accepted);
            p.equal("protocol of the listener the NLB accepted on the same port", ProtocolEnum.TCP,
                    elb.describeListeners(r -> r.listenerArns(accepted)).listeners().get(0).protocol());
        });

        check.that("tcp-health-check-defaults", p -> {
            var described = elb.describeTargetGroups(r -> r.targetGroupArns(group80.arn()));
            p.call("elasticloadbalancing:DescribeTargetGroups", described);
            var group = described.targetGroups().get(0);
            p.equal("HealthCheckProtocol", ProtocolEnum.TCP, group.healthCheckProtocol());
            p.equal("HealthCheckPort", "traffic-port", group.healthCheckPort());
            p.equal("HealthCheckIntervalSeconds", 30, group.healthCheckIntervalSeconds());
            p.equal("HealthCheckTimeoutSeconds", 10, group.healthCheckTimeoutSeconds());
            p.equal("HealthyThresholdCount", 5, group.healthyThresholdCount());
            p.equal("UnhealthyThresholdCount", 2, group.unhealthyThresholdCount());
            p.equal("HealthCheckPath", null, group.healthCheckPath());
            p.equal("Matcher", null, group.matcher());
        });

        check.that("running-target-healthy", p -> {
            TargetHealthDescription first = TargetHealthProbe.awaitState(ctx.waits(), elb, group80.arn(), firstInstance,
                    TargetHealthStateEnum.HEALTHY, TargetHealthProbe.HEALTHY_WITHIN);
            p.evidence("target", firstInstance + ":" + first.target().port());
            p.evidence("healthCheckPort", first.healthCheckPort());
            p.equal("health of the running instance in the group of port 80", "healthy",
                    TargetHealthProbe.describe(first));
        });

        check.that("stopped-target-invalid-state", p -> {
            p.call("ec2:StopInstances", ec2.stopInstances(r -> r.instanceIds(secondInstance)));
            InstanceStateName stopped = ctx.waits().until(TeardownWords.phrase("wait.stopped", secondInstance), STOPPED_WITHIN, POLL_EVERY,
                    () -> LegacyNetwork.stateOf(ec2, secondInstance), s -> s == InstanceStateName.STOPPED);
            p.equal("state of the second instance", InstanceStateName.STOPPED, stopped);
            TargetHealthDescription second = TargetHealthProbe.awaitState(ctx.waits(), elb, group80.arn(), secondInstance,
                    TargetHealthStateEnum.UNUSED, TargetHealthProbe.SETTLED_WITHIN);
            p.evidence("description", second.targetHealth().description());
            p.equal("health of the stopped instance", "unused (Target.InvalidState)", TargetHealthProbe.describe(second));
            p.equal("health of the running instance, same group", "healthy",
                    TargetHealthProbe.describe(TargetHealthProbe.now(elb, group80.arn(), firstInstance)));
        });

        check.that("deregistered-target-not-registered", p -> {
            TargetHealthDescription before = TargetHealthProbe.now(elb, group8080.arn(), firstInstance);
            p.equal("before: the first instance is registered in the group of port 8080", false,
                    "Target.NotRegistered".equals(before.targetHealth().reasonAsString()));
            p.evidence("before", TargetHealthProbe.describe(before));
            p.call("elasticloadbalancing:DeregisterTargets", elb.deregisterTargets(r -> r.targetGroupArn(group8080.arn())
                    .targets(t -> t.id(firstInstance))));
            TargetHealthDescription after = TargetHealthProbe.awaitState(ctx.waits(), elb, group8080.arn(), firstInstance,
                    TargetHealthStateEnum.UNUSED, TargetHealthProbe.SETTLED_WITHIN);
            p.evidence("description", after.targetHealth().description());
            p.equal("health of the deregistered instance in the group of port 8080", "unused (Target.NotRegistered)",
                    TargetHealthProbe.describe(after));
            p.equal("health of the same instance in the group of port 80", "healthy",
                    TargetHealthProbe.describe(TargetHealthProbe.now(elb, group80.arn(), firstInstance)));
        });

        check.that("duplicate-listener-port-refused", p -> {
            ElasticLoadBalancingV2Exception refused = p.throwsA("a second CreateListener TCP:80 on the NLB",
                    ElasticLoadBalancingV2Exception.class,
                    () -> elb.createListener(r -> r.loadBalancerArn(nlb.arn()).protocol(ProtocolEnum.TCP).port(80)
                            .defaultActions(forwardTo(group8080.arn()))));
            p.error("elasticloadbalancing:CreateListener(duplicate port)", refused);
            p.equal("error code", "DuplicateListener", refused.awsErrorDetails().errorCode());
        });

        check.that("listener-and-target-group-protocols-match", p -> {
            TargetGroup.Handle http = TargetGroup.create(ctx, "http8081", ProtocolEnum.HTTP, 8081, network.vpcId(), r -> { });
            ElasticLoadBalancingV2Exception refused = p.throwsA("CreateListener TCP:8081 on the NLB forwarding to an HTTP group",
                    ElasticLoadBalancingV2Exception.class,
                    () -> elb.createListener(r -> r.loadBalancerArn(nlb.arn()).protocol(ProtocolEnum.TCP).port(8081)
                            .defaultActions(forwardTo(http.arn()))));
            p.error("elasticloadbalancing:CreateListener(protocol mismatch)", refused);
            p.isTrue("error code is one CreateListener documents for a configuration its protocol does not allow",
                    Set.of("IncompatibleProtocols", "InvalidConfigurationRequest", "ValidationError")
                            .contains(refused.awsErrorDetails().errorCode()), refused.awsErrorDetails().errorCode());
            p.evidence("message", refused.awsErrorDetails().errorMessage());
            String accepted = Listener.forward(ctx, nlb.arn(), ProtocolEnum.TCP, 8081, group8080.arn());
            p.evidence("acceptedListener", accepted);
        });

        check.that("alb-needs-two-zones", p -> {
            ElasticLoadBalancingV2Exception refused = p.throwsA("CreateLoadBalancer application with one subnet",
                    ElasticLoadBalancingV2Exception.class,
                    () -> LoadBalancer.create(ctx, "alb-one-zone", LoadBalancerTypeEnum.APPLICATION,
                            List.of(network.first().id())));
            p.error("elasticloadbalancing:CreateLoadBalancer(one zone)", refused);
            p.equal("error code", "ValidationError", refused.awsErrorDetails().errorCode());
            p.evidence("message", refused.awsErrorDetails().errorMessage());
            p.equal("zones of the ALB created with two subnets", 2, elb.describeLoadBalancers(r -> r.loadBalancerArns(
                    alb.arn())).loadBalancers().get(0).availabilityZones().size());
        });

        check.that("nlb-arn-says-net", p -> {
            p.evidence("nlbArn", nlb.arn()).evidence("albArn", alb.arn());
            p.isTrue("the NLB's ARN has loadbalancer/net/", nlb.arn().contains(":loadbalancer/net/"), nlb.arn());
            p.isTrue("the ALB's ARN has loadbalancer/app/", alb.arn().contains(":loadbalancer/app/"), alb.arn());
        });
    }

    private static Action forwardTo(String groupArn) {
        return Action.builder().type(ActionTypeEnum.FORWARD).targetGroupArn(groupArn).build();
    }

    /** An HTTP listener that needs no target group: it answers every request itself. */
    private static Action fixedResponse() {
        return Action.builder().type(ActionTypeEnum.FIXED_RESPONSE)
                .fixedResponseConfig(f -> f.statusCode("200").contentType("text/plain").messageBody("layer 7")).build();
    }
}
