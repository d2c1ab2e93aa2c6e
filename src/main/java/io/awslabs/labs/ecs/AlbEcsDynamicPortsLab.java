package io.awslabs.labs.ecs;

import io.awslabs.lab.Checks;
import io.awslabs.lab.ExamDomain;
import io.awslabs.lab.Lab;
import io.awslabs.lab.LabContext;
import io.awslabs.lab.LabInfo;
import io.awslabs.resources.ec2.Ec2Instance;
import io.awslabs.resources.ec2.SecurityGroup;
import io.awslabs.resources.ecs.EcsCluster;
import io.awslabs.resources.ecs.EcsService;
import io.awslabs.resources.ecs.EcsTaskDefinition;
import io.awslabs.resources.elbv2.Listener;
import io.awslabs.resources.elbv2.LoadBalancer;
import io.awslabs.resources.elbv2.TargetGroup;
import io.awslabs.resources.iam.IamRole;
import io.awslabs.resources.iam.InstanceProfile;
import io.awslabs.resources.iam.InstanceProfileRole;
import io.awslabs.resources.iam.RolePolicyAttachment;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.PortMapping;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancerSchemeEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancerTypeEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ProtocolEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthDescription;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthStateEnum;

/**
 * Dynamic host port mapping: an ECS service on EC2 whose task definition maps container port 8080
 * to host port 0 runs several copies of the task on one instance, each on a host port Docker picks
 * from the ephemeral range, and registers each copy in the ALB's target group as that instance and
 * port; the ALB spreads requests across them. On emulators only the configuration can be shown.
 */
public final class AlbEcsDynamicPortsLab implements Lab {
    static final String ID = "alb-ecs-dynamic-ports";
    /** The range AWS tells you to open from the ALB to container instances for dynamic ports. */
    static final int EPHEMERAL_FROM = 32768;
    static final int EPHEMERAL_TO = 65535;
    private static final Duration TASKS_WITHIN = Duration.ofMinutes(10);
    private static final Duration ASK_EVERY = Duration.ofSeconds(15);
    private static final int REQUESTS = 30;

    private String clusterArn;
    private String taskDefinitionArn;
    private String instanceId;
    private String albGroupId;
    private LoadBalancer.Handle alb;
    private TargetGroup.Handle group;
    private String listenerArn;
    private String serviceArn;

    @Override
    public LabInfo info() {
        return LabInfo.of(ID, "ALB and ECS dynamic host ports: many tasks per instance behind one target group")
                .exam(ExamDomain.RESILIENT, "2.1 Design scalable and loosely coupled architectures")
                .concept("In bridge network mode a container port is published on a host port. With a fixed host "
                        + "port only one copy of a task fits on an instance; with hostPort 0 (or none) Docker picks a "
                        + "free port from the instance's ephemeral range for each copy, so several copies share one "
                        + "instance. An ECS service with a load balancer registers each task in the target group as "
                        + "the instance and that task's host port, and deregisters it when the task stops; the ALB "
                        + "health-checks each target on its own port (traffic-port) and spreads requests over them. The "
                        + "instances' security group must let the ALB in on the whole ephemeral range (32768-65535).")
                .examAngle("Several copies of a containerised service on each EC2 instance behind one load balancer, "
                        + "without port conflicts: dynamic host port mapping (hostPort 0) with an Application Load "
                        + "Balancer, whose target group holds instance:port pairs (a Classic Load Balancer cannot: one "
                        + "port per instance). Traps: a fixed hostPort limits a service to one task per instance; the "
                        + "instance security group must allow the ephemeral range from the ALB's security group; "
                        + "awsvpc mode gives each task its own ENI and uses ip targets instead.")
                .services("ecs", "elbv2", "ec2", "iam", "ssm")
                .costPerRunUsd(0.05, "about 20 minutes of an ALB ($0.0225 an hour plus LCUs), one t3.micro ($0.0104 "
                        + "an hour) with its 30 GB gp3 volume, and three public IPv4 addresses ($0.005 an hour each), "
                        + "us-east-1 on-demand prices; ECS itself costs nothing on EC2 "
                        + "(aws.amazon.com/elasticloadbalancing/pricing, aws.amazon.com/ec2/pricing/on-demand, "
                        + "aws.amazon.com/vpc/pricing)")
                .provisions(Ec2Instance.KIND, SecurityGroup.KIND, EcsCluster.KIND, EcsService.KIND,
                        EcsTaskDefinition.KIND, Listener.KIND, LoadBalancer.KIND, TargetGroup.KIND, IamRole.KIND,
                        InstanceProfile.KIND, InstanceProfileRole.KIND, RolePolicyAttachment.KIND)
                .calls("ec2:AuthorizeSecurityGroupIngress", "ec2:DescribeInstanceTypeOfferings", "ec2:DescribeSubnets",
                        "ec2:DescribeVpcs", "ec2:RunInstances", "ecs:DescribeContainerInstances", "ecs:DescribeTasks",
                        "ecs:ListTasks", "elasticloadbalancing:DescribeTargetHealth",
                        "elasticloadbalancing:ModifyTargetGroupAttributes", "iam:CreateServiceLinkedRole",
                        "iam:PassRole", "ssm:GetParameter")
                .creates("in the default VPC: a security group for the ALB, and one for the instance letting TCP "
                                + "32768-65535 in from the ALB's group only",
                        "an ECS instance role (AmazonEC2ContainerServiceforEC2Role) in an instance profile",
                        "an ECS cluster and a t3.micro instance of the ECS-optimized Amazon Linux 2023 AMI that joins it",
                        "a task definition (bridge mode, container port 8080 on host port 0, a Python web server)",
                        "an internet-facing ALB with an HTTP:80 listener forwarding to an HTTP target group, and an ECS "
                                + "service of 3 tasks behind it",
                        "on AWS, during the distribution assertion only: an inbound rule on the ALB's group for port 80 "
                                + "from this machine's public address (checkip.amazonaws.com), nobody else's")
                .asserts("task-definition-asks-for-a-dynamic-host-port",
                        "The task definition uses bridge networking and maps container port 8080 to host port 0, which "
                                + "asks Docker for a free host port per task")
                .asserts("target-group-checks-each-target-on-its-own-port",
                        "The ALB's HTTP:80 listener forwards to an HTTP target group of instance targets whose health "
                                + "checks go to each target's own port (traffic-port), not to a fixed one")
                .asserts("service-registers-its-container-port",
                        "The ECS service (EC2 launch type, 3 tasks) names the target group, the container and its port "
                                + "8080: ECS registers the tasks' host ports, nobody lists them")
                .asserts("several-tasks-share-one-instance",
                        "The service runs its 3 tasks on the cluster's one instance, which a fixed host port would not allow")
                .asserts("each-task-registered-on-its-own-ephemeral-port",
                        "Each task got its own host port in 32768-65535, and the target group holds exactly those "
                                + "instance:port pairs, each healthy")
                .asserts("alb-spreads-requests-across-tasks",
                        "Requests to the ALB's DNS name are answered by more than one of the tasks, each answer naming a "
                                + "container of the service")
                .awsOnly("several-tasks-share-one-instance",
                        "on an emulator no ECS agent runs tasks: moto creates the service without starting or placing a "
                                + "task (moto/ecs/models.py create_service only counts them), and would treat hostPort 0 "
                                + "as a literal port, one task per instance (_calculate_task_resource_requirements)")
                .awsOnly("each-task-registered-on-its-own-ephemeral-port",
                        "moto never registers a service's tasks in its target group: DescribeTargetHealth stays empty "
                                + "(moto/ecs/models.py create_service does not call elbv2, moto 5.2.5)")
                .awsOnly("alb-spreads-requests-across-tasks",
                        "an emulator's load balancer has no DNS name that answers and no tasks to answer")
                .note("On AWS the lab waits, through the kit's Wait and saying so, for the service's 3 tasks to run (the "
                        + "instance boots, its agent registers it, the image is pulled) and for their targets to pass "
                        + "health checks: several minutes. The plan warns of this before the run starts.")
                .note("Docker takes the ports from the instance's ip_local_port_range; AWS documents 32768-65535 as the "
                        + "range to open to the load balancer, and asks not to give a fixed hostPort inside it "
                        + "(docs.aws.amazon.com/AmazonECS/latest/APIReference/API_PortMapping.html).")
                .note("The target group's deregistration delay is 0, so deleting the service does not wait 300 s for "
                        + "connections to drain.")
                .source("https://docs.aws.amazon.com/AmazonECS/latest/developerguide/alb.html")
                .source("https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_PortMapping.html")
                .source("https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-load-balancing.html")
                .source("https://docs.aws.amazon.com/AmazonECS/latest/developerguide/retrieve-ecs-optimized_AMI.html")
                .source("https://docs.aws.amazon.com/AmazonECS/latest/developerguide/instance_IAM_role.html")
                .source("https://docs.aws.amazon.com/AmazonECS/latest/developerguide/launch_container_instance.html")
                .source("https://docs.aws.amazon.com/elasticloadbalancing/latest/application/target-group-health-checks.html")
                .source("https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-networking-bridge.html");
    }

    @Override
    public void provision(LabContext ctx) throws Exception {
        Ec2Client ec2 = ctx.client(Ec2Client.class);
        DefaultPlacement placement = DefaultPlacement.of(ec2, ctx.target().region(), ContainerInstance.INSTANCE_TYPE);
        albGroupId = SecurityGroup.create(ctx, placement.vpcId(), "alb", "The ALB: port 80 from the lab runner only, added on AWS");
        String instanceGroupId = SecurityGroup.create(ctx, placement.vpcId(), "instance",
                "Dynamic host ports 32768-65535 from the ALB's security group only");
        ec2.authorizeSecurityGroupIngress(r -> r.groupId(instanceGroupId).ipPermissions(i -> i.ipProtocol("tcp")
                .fromPort(EPHEMERAL_FROM).toPort(EPHEMERAL_TO).userIdGroupPairs(g -> g.groupId(albGroupId))));
        String profileArn = EcsInstanceRole.create(ctx);
        EcsCluster.Handle cluster = EcsCluster.create(ctx, "cluster");
        clusterArn = cluster.arn();
        taskDefinitionArn = WebTask.register(ctx);
        instanceId = ContainerInstance.launch(ctx, placement.subnetIds().get(0), instanceGroupId, profileArn, cluster.name());
        alb = LoadBalancer.create(ctx, "alb", LoadBalancerTypeEnum.APPLICATION, placement.subnetIds(),
                r -> r.scheme(LoadBalancerSchemeEnum.INTERNET_FACING).securityGroups(albGroupId));
        group = WebTargetGroup.create(ctx, placement.vpcId());
        listenerArn = Listener.forward(ctx, alb.arn(), ProtocolEnum.HTTP, 80, group.arn());
        serviceArn = DynamicPortService.create(ctx, clusterArn, taskDefinitionArn, group.arn());
    }

    @Override
    public void verify(LabContext ctx, Checks check) {
        EcsClient ecs = ctx.client(EcsClient.class);
        ElasticLoadBalancingV2Client elb = ctx.client(ElasticLoadBalancingV2Client.class);

        check.that("task-definition-asks-for-a-dynamic-host-port", p -> {
            var described = ecs.describeTaskDefinition(r -> r.taskDefinition(taskDefinitionArn));
            p.call("ecs:DescribeTaskDefinition", described);
            p.equal("networkMode", "bridge", described.taskDefinition().networkModeAsString());
            ContainerDefinition web = described.taskDefinition().containerDefinitions().stream()
                    .filter(c -> WebTask.CONTAINER.equals(c.name())).findFirst().orElseThrow();
            List<String> mappings = web.portMappings().stream().map(AlbEcsDynamicPortsLab::mapping).toList();
            p.equal("port mappings of the web container", List.of("container 8080 -> host 0 (tcp)"), mappings);
        });

        check.that("target-group-checks-each-target-on-its-own-port", p -> {
            var described = elb.describeTargetGroups(r -> r.targetGroupArns(group.arn()));
            p.call("elasticloadbalancing:DescribeTargetGroups", described);
            var tg = described.targetGroups().get(0);
            p.equal("TargetType", "instance", tg.targetTypeAsString());
            p.equal("Protocol", ProtocolEnum.HTTP, tg.protocol());
            p.equal("HealthCheckPort", "traffic-port", tg.healthCheckPort());
            var listener = elb.describeListeners(r -> r.listenerArns(listenerArn)).listeners().get(0);
            p.equal("ALB listener", "HTTP:80 -> forward " + group.arn(), listener.protocolAsString() + ":" + listener.port()
                    + " -> " + listener.defaultActions().get(0).typeAsString() + " " + listener.defaultActions().get(0).targetGroupArn());
        });

        check.that("service-registers-its-container-port", p -> {
            var described = ecs.describeServices(r -> r.cluster(clusterArn).services(serviceArn));
            p.call("ecs:DescribeServices", described);
            Service service = described.services().get(0);
            p.equal("launchType", "EC2", service.launchTypeAsString());
            p.equal("desiredCount", DynamicPortService.TASKS, service.desiredCount());
            p.equal("loadBalancers", List.of(group.arn() + " <- " + WebTask.CONTAINER + ":" + WebTask.CONTAINER_PORT),
                    service.loadBalancers().stream().map(l -> l.targetGroupArn() + " <- " + l.containerName() + ":"
                            + l.containerPort()).toList());
        });

        check.that("several-tasks-share-one-instance", p -> {
            List<ServiceTasks.RunningTask> tasks = awaitRunningTasks(ctx, ecs);
            p.evidence("tasks", tasks);
            p.equal("RUNNING tasks of the service", DynamicPortService.TASKS,
                    (int) tasks.stream().filter(t -> "RUNNING".equals(t.lastStatus())).count());
            Set<String> instances = tasks.stream().map(ServiceTasks.RunningTask::containerInstanceArn).collect(Collectors.toSet());
            p.equal("container instances the tasks run on", 1, instances.size());
            String ec2Id = ecs.describeContainerInstances(r -> r.cluster(clusterArn).containerInstances(instances))
                    .containerInstances().get(0).ec2InstanceId();
            p.equal("EC2 instance behind that container instance", instanceId, ec2Id);
        });

        check.that("each-task-registered-on-its-own-ephemeral-port", p -> {
            List<ServiceTasks.RunningTask> tasks = awaitRunningTasks(ctx, ecs);
            List<Integer> ports = tasks.stream().map(ServiceTasks.RunningTask::hostPort).toList();
            p.evidence("hostPorts", ports);
            p.equal("distinct host ports", DynamicPortService.TASKS, new HashSet<>(ports).size());
            p.isTrue("every host port in " + EPHEMERAL_FROM + "-" + EPHEMERAL_TO, ports.stream().allMatch(port -> port != null
                    && port >= EPHEMERAL_FROM && port <= EPHEMERAL_TO), ports);
            Set<String> fromTasks = ports.stream().map(port -> instanceId + ":" + port).collect(Collectors.toSet());
            List<TargetHealthDescription> targets = ctx.waits().until(ctx.words("wait.targetsHealthy"), TASKS_WITHIN,
                    ASK_EVERY, () -> elb.describeTargetHealth(r -> r.targetGroupArn(group.arn())).targetHealthDescriptions(),
                    t -> t.size() == DynamicPortService.TASKS && t.stream().allMatch(d ->
                            d.targetHealth().state() == TargetHealthStateEnum.HEALTHY), AlbEcsDynamicPortsLab::targets);
            p.evidence("targets", targets(targets));
            p.equal("instance:port pairs in the target group", fromTasks, targets.stream()
                    .map(d -> d.target().id() + ":" + d.target().port()).collect(Collectors.toSet()));
            p.isTrue("every target healthy", targets.stream().allMatch(d -> d.targetHealth().state()
                    == TargetHealthStateEnum.HEALTHY), targets(targets));
        });

        check.that("alb-spreads-requests-across-tasks", p -> {
            List<ServiceTasks.RunningTask> tasks = awaitRunningTasks(ctx, ecs);
            String callerIp = ThisMachine.publicIpv4();
            ctx.client(Ec2Client.class).authorizeSecurityGroupIngress(r -> r.groupId(albGroupId).ipPermissions(i -> i
                    .ipProtocol("tcp").fromPort(80).toPort(80).ipRanges(range -> range.cidrIp(callerIp + "/32")
                            .description("the lab runner, for the distribution assertion"))));
            AlbAnswers answers = new AlbAnswers(alb.dnsName());
            p.evidence("url", answers.url());
            String first = ctx.waits().until(ctx.words("wait.albAnswers", answers.url()), TASKS_WITHIN, ASK_EVERY,
                    answers::status, "200"::equals, s -> s);
            p.equal("status of the first answer", "200", first);
            Map<String, Integer> answeredBy = new LinkedHashMap<>();
            for (int i = 0; i < REQUESTS; i++) {
                HttpResponse<String> answer = answers.get();
                answeredBy.merge(answer.statusCode() + " " + answer.body().strip(), 1, Integer::sum);
            }
            p.evidence("answers", answeredBy);
            Set<String> containers = tasks.stream().map(ServiceTasks.RunningTask::runtimeId).collect(Collectors.toSet());
            p.isTrue("every answer is a 200 from a container of the service", answeredBy.keySet().stream().allMatch(a ->
                    a.startsWith("200 ") && containers.stream().anyMatch(c -> c != null && c.startsWith(a.substring(4)))),
                    answeredBy.keySet());
            p.isTrue("tasks that answered", answeredBy.size() > 1, answeredBy.size());
        });
    }

    private List<ServiceTasks.RunningTask> awaitRunningTasks(LabContext ctx, EcsClient ecs) throws Exception {
        return ctx.waits().until(ctx.words("wait.tasksRunning", DynamicPortService.TASKS), TASKS_WITHIN,
                ASK_EVERY, () -> ServiceTasks.of(ecs, clusterArn, serviceArn),
                t -> t.stream().filter(x -> "RUNNING".equals(x.lastStatus())).count() == DynamicPortService.TASKS,
                t -> t.stream().map(ServiceTasks.RunningTask::lastStatus).toList().toString());
    }

    private static String mapping(PortMapping m) {
        return "container " + m.containerPort() + " -> host " + m.hostPort() + " (" + m.protocolAsString() + ")";
    }

    private static String targets(List<TargetHealthDescription> targets) {
        return targets.stream().map(d -> d.target().id() + ":" + d.target().port() + " " + d.targetHealth().stateAsString())
                .toList().toString();
    }
}
