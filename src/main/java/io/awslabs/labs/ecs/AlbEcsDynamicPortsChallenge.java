package io.awslabs.labs.ecs;

import static io.awslabs.targets.EmulatorKind.MOTO;

import io.awslabs.lab.Challenge;
import io.awslabs.lab.ChallengeChecks;
import io.awslabs.lab.ChallengeInfo;
import io.awslabs.lab.CheckProof;
import io.awslabs.lab.LabContext;
import io.awslabs.lab.Scaffold;
import io.awslabs.lab.Symptom;
import io.awslabs.resources.ec2.Ec2Instance;
import io.awslabs.resources.ec2.SecurityGroup;
import io.awslabs.resources.ecs.EcsCluster;
import io.awslabs.resources.ecs.EcsTaskDefinition;
import io.awslabs.resources.elbv2.Listener;
import io.awslabs.resources.elbv2.LoadBalancer;
import io.awslabs.resources.elbv2.TargetGroup;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancerSchemeEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancerTypeEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ProtocolEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthDescription;

/**
 * Dynamic port mapping by hand: the cluster has one instance, the ALB a target group, and the task
 * definition publishes the container on the fixed host port 8080, which lets only one copy run per
 * instance. The learner runs three copies on that instance behind the target group.
 */
public final class AlbEcsDynamicPortsChallenge implements Challenge {
    static final String CLUSTER = "cluster";
    static final String INSTANCE = "instance";
    static final String TASK_DEFINITION = "task-definition";
    static final String GROUP = "target-group";
    static final String ALB = "alb";
    static final int FIXED_HOST_PORT = 8080;

    @Override
    public String labId() {
        return AlbEcsDynamicPortsLab.ID;
    }

    @Override
    public ChallengeInfo info() {
        return ChallengeInfo.goal("The cluster 'cluster' has one EC2 instance. Run 3 copies of the web container "
                        + "('web', port 8080, from the task definition's family) as an ECS service on that instance, "
                        + "behind the ALB: the service puts the web container's port 8080 in the target group "
                        + "'target-group'. The task definition as it stands publishes port 8080 on host port 8080, so "
                        + "only one copy fits on the instance: the copies need host ports that do not collide.")
                .creates("in the default VPC: a security group for the ALB, and one for the instance letting TCP "
                                + "32768-65535 in from the ALB's group",
                        "an ECS instance role in an instance profile, an ECS cluster and a t3.micro ECS-optimized "
                                + "instance that joins it",
                        "a task definition (bridge mode, container port 8080 on host port 8080)",
                        "an internet-facing ALB with an HTTP:80 listener forwarding to an HTTP target group")
                .resource(CLUSTER, "the ECS cluster, one instance in it")
                .resource(INSTANCE, "the cluster's container instance")
                .resource(TASK_DEFINITION, "the web task: container port 8080 on host port 8080")
                .resource(ALB, "the ALB, http://{0}/")
                .resource(GROUP, "the ALB's HTTP target group, no target yet")
                .check("service-runs-three-tasks-on-ec2",
                        "An active ECS service of the cluster, EC2 launch type, wants 3 tasks")
                .check("copies-share-the-instance",
                        "The service's task definition uses bridge mode and publishes container port 8080 on a dynamic "
                                + "host port (0 or none)")
                .check("service-behind-the-target-group",
                        "The service puts container 'web' port 8080 in the target group")
                .check("targets-are-the-tasks-ports",
                        "The service's tasks are the target group's targets: one per task, all on the cluster's "
                                + "instance, each on its own port in 32768-65535")
                .hints("ECS dynamic host port mapping: in bridge mode a hostPort of 0 lets Docker choose a free "
                                + "ephemeral port for each task, and an ECS service with a load balancer registers each "
                                + "task in the target group as instance:port.",
                        "ECS RegisterTaskDefinition (a new revision of the family with portMappings containerPort 8080, "
                                + "hostPort 0), then CreateService with launchType EC2, desiredCount 3 and loadBalancers "
                                + "targetGroupArn, containerName web, containerPort 8080.")
                .gap(MOTO, "targets-are-the-tasks-ports", Symptom.checkFails("targets in the group", "0"),
                        "moto runs no task for a service and never registers one in its target group",
                        "moto/ecs/models.py create_service (no task placement, no elbv2 call), moto 5.2.5");
    }

    @Override
    public void scaffold(LabContext ctx, Scaffold.Builder scaffold) throws Exception {
        Ec2Client ec2 = ctx.client(Ec2Client.class);
        DefaultPlacement placement = DefaultPlacement.of(ec2, ctx.target().region(), ContainerInstance.INSTANCE_TYPE);
        String albGroupId = SecurityGroup.create(ctx, placement.vpcId(), "alb", "The ALB of the challenge");
        String instanceGroupId = SecurityGroup.create(ctx, placement.vpcId(), "instance",
                "Dynamic host ports 32768-65535 from the ALB's security group only");
        ec2.authorizeSecurityGroupIngress(r -> r.groupId(instanceGroupId).ipPermissions(i -> i.ipProtocol("tcp")
                .fromPort(AlbEcsDynamicPortsLab.EPHEMERAL_FROM).toPort(AlbEcsDynamicPortsLab.EPHEMERAL_TO)
                .userIdGroupPairs(g -> g.groupId(albGroupId))));
        String profileArn = EcsInstanceRole.create(ctx);
        EcsCluster.Handle cluster = EcsCluster.create(ctx, "cluster");
        String taskDefinition = WebTask.register(ctx, FIXED_HOST_PORT);
        String instance = ContainerInstance.launch(ctx, placement.subnetIds().get(0), instanceGroupId, profileArn,
                cluster.name());
        LoadBalancer.Handle alb = LoadBalancer.create(ctx, "alb", LoadBalancerTypeEnum.APPLICATION, placement.subnetIds(),
                r -> r.scheme(LoadBalancerSchemeEnum.INTERNET_FACING).securityGroups(albGroupId));
        TargetGroup.Handle group = WebTargetGroup.create(ctx, placement.vpcId());
        Listener.forward(ctx, alb.arn(), ProtocolEnum.HTTP, 80, group.arn());
        scaffold.item(CLUSTER, EcsCluster.KIND.type(), cluster.name(), cluster.arn())
                .item(INSTANCE, Ec2Instance.KIND.type(), instance, null)
                .item(TASK_DEFINITION, EcsTaskDefinition.KIND.type(), taskDefinition, taskDefinition)
                .item(ALB, LoadBalancer.KIND.type(), alb.name(), alb.arn(), alb.dnsName())
                .item(GROUP, TargetGroup.KIND.type(), group.name(), group.arn());
    }

    @Override
    public void check(LabContext ctx, Scaffold scaffold, ChallengeChecks check) {
        EcsClient ecs = ctx.client(EcsClient.class);
        ElasticLoadBalancingV2Client elb = ctx.client(ElasticLoadBalancingV2Client.class);
        String clusterArn = scaffold.arn(CLUSTER);

        check.that("service-runs-three-tasks-on-ec2", p -> {
            Service service = activeService(ctx, p, ecs, clusterArn);
            p.equal("launch type", "EC2", service.launchTypeAsString(),
                    ctx.words("fail.notOnEc2", service.launchTypeAsString()));
            p.equal("desired count", DynamicPortService.TASKS, service.desiredCount(),
                    ctx.words("fail.desiredCount", service.desiredCount()));
        });

        check.that("copies-share-the-instance", p -> {
            Service service = activeService(ctx, p, ecs, clusterArn);
            var definition = ecs.describeTaskDefinition(r -> r.taskDefinition(service.taskDefinition())).taskDefinition();
            p.evidence("taskDefinition", definition.taskDefinitionArn());
            p.equal("network mode", "bridge", definition.networkModeAsString(),
                    ctx.words("fail.notBridge", definition.networkModeAsString()));
            ContainerDefinition web = definition.containerDefinitions().stream()
                    .filter(c -> WebTask.CONTAINER.equals(c.name())).findFirst().orElse(null);
            p.isTrue("a container named web", web != null, definition.containerDefinitions().size() + " containers",
                    ctx.words("fail.noWebContainer"));
            Optional<Integer> hostPort = web.portMappings().stream().filter(m -> m.containerPort() == WebTask.CONTAINER_PORT)
                    .map(m -> m.hostPort() == null ? WebTask.DYNAMIC : m.hostPort()).findFirst();
            p.isTrue("a mapping of container port 8080", hostPort.isPresent(), web.portMappings().size() + " mappings",
                    ctx.words("fail.noPort8080"));
            p.equal("host port of container port 8080", WebTask.DYNAMIC, hostPort.get(),
                    ctx.words("fail.fixedHostPort", hostPort.get()));
        });

        check.that("service-behind-the-target-group", p -> {
            Service service = activeService(ctx, p, ecs, clusterArn);
            List<String> balancers = service.loadBalancers().stream().map(l -> l.targetGroupArn() + " <- "
                    + l.containerName() + ":" + l.containerPort()).toList();
            p.isTrue("target group, container and port", balancers.contains(scaffold.arn(GROUP) + " <- "
                            + WebTask.CONTAINER + ":" + WebTask.CONTAINER_PORT), balancers,
                    ctx.words("fail.notInTargetGroup", scaffold.id(GROUP)));
        });

        check.that("targets-are-the-tasks-ports", p -> {
            activeService(ctx, p, ecs, clusterArn);
            List<TargetHealthDescription> targets = elb.describeTargetHealth(r -> r.targetGroupArn(scaffold.arn(GROUP)))
                    .targetHealthDescriptions();
            List<String> pairs = targets.stream().map(d -> d.target().id() + ":" + d.target().port()).toList();
            p.evidence("targets", pairs);
            p.equal("targets in the group", DynamicPortService.TASKS, targets.size(),
                    ctx.words("fail.targetCount", targets.size()));
            p.isTrue("every target is the cluster's instance", targets.stream().allMatch(d ->
                    scaffold.id(INSTANCE).equals(d.target().id())), pairs,
                    ctx.words("fail.otherInstance", scaffold.id(INSTANCE)));
            Set<Integer> ports = targets.stream().map(d -> d.target().port()).collect(Collectors.toSet());
            p.isTrue("distinct ports in 32768-65535", ports.size() == targets.size() && ports.stream().allMatch(port ->
                    port >= AlbEcsDynamicPortsLab.EPHEMERAL_FROM && port <= AlbEcsDynamicPortsLab.EPHEMERAL_TO), ports,
                    ctx.words("fail.notEphemeralPorts", ports));
        });
    }

    private static Service activeService(LabContext ctx, CheckProof p, EcsClient ecs, String clusterArn) {
        List<String> arns = ecs.listServices(r -> r.cluster(clusterArn)).serviceArns();
        List<Service> active = arns.isEmpty() ? List.of() : ecs.describeServices(r -> r.cluster(clusterArn).services(arns))
                .services().stream().filter(s -> "ACTIVE".equals(s.status())).toList();
        p.evidence("services", active.stream().map(Service::serviceName).toList());
        p.isTrue("an active service in the cluster", !active.isEmpty(), active.size() + " active services",
                ctx.words("fail.noActiveService"));
        return active.get(0);
    }

    /** The lab's own steps: the task definition with host port 0, then the service behind the target group. */
    @Override
    public void solve(LabContext ctx, Scaffold scaffold) throws Exception {
        String taskDefinition = WebTask.register(ctx);
        DynamicPortService.create(ctx, scaffold.arn(CLUSTER), taskDefinition, scaffold.arn(GROUP));
    }

    @Override
    public List<String> commands(Scaffold scaffold) {
        String definition = scaffold.id(TASK_DEFINITION);
        String family = definition.substring(definition.lastIndexOf('/') + 1).split(":")[0];
        return List.of(
                "aws ecs register-task-definition --family " + family + " --network-mode bridge "
                        + "--requires-compatibilities EC2 --container-definitions '"
                        + WebTask.containerDefinitionsJson(WebTask.DYNAMIC) + "'",
                "aws ecs create-service --cluster " + scaffold.id(CLUSTER) + " --service-name " + family
                        + " --task-definition " + family + " --desired-count " + DynamicPortService.TASKS
                        + " --launch-type EC2 --load-balancers targetGroupArn=" + scaffold.arn(GROUP)
                        + ",containerName=" + WebTask.CONTAINER + ",containerPort=" + WebTask.CONTAINER_PORT);
    }
}
