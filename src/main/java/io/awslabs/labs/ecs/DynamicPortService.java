package io.awslabs.labs.ecs;

import io.awslabs.resources.Provisioning;
import io.awslabs.resources.ecs.EcsService;
import software.amazon.awssdk.services.ecs.model.LaunchType;

/**
 * The step the question is about: an ECS service on EC2 whose tasks ECS registers in the ALB's
 * target group itself, each as the instance and the host port Docker gave the task's container
 * port. Nothing names a host port: the target group learns each one from ECS.
 */
final class DynamicPortService {
    static final int TASKS = 3;

    private DynamicPortService() { }

    /** Its ARN. */
    static String create(Provisioning p, String clusterArn, String taskDefinitionArn, String targetGroupArn)
            throws Exception {
        return EcsService.create(p, clusterArn, "web", r -> r.taskDefinition(taskDefinitionArn).desiredCount(TASKS)
                .launchType(LaunchType.EC2)
                .loadBalancers(l -> l.targetGroupArn(targetGroupArn).containerName(WebTask.CONTAINER)
                        .containerPort(WebTask.CONTAINER_PORT)));
    }
}
