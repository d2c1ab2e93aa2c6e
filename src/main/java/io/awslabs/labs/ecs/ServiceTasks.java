package io.awslabs.labs.ecs;

import java.util.List;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Container;
import software.amazon.awssdk.services.ecs.model.NetworkBinding;

/** The service's tasks as ECS describes them: where each runs and which host port its container got. */
final class ServiceTasks {
    record RunningTask(String taskArn, String lastStatus, String containerInstanceArn, Integer hostPort, String runtimeId) { }

    private ServiceTasks() { }

    static List<RunningTask> of(EcsClient ecs, String clusterArn, String serviceArn) {
        List<String> arns = ecs.listTasks(r -> r.cluster(clusterArn).serviceName(serviceArn)).taskArns();
        if (arns.isEmpty()) {
            return List.of();
        }
        return ecs.describeTasks(r -> r.cluster(clusterArn).tasks(arns)).tasks().stream().map(t -> {
            Container web = t.containers().stream().filter(c -> WebTask.CONTAINER.equals(c.name())).findFirst().orElseThrow();
            Integer hostPort = web.networkBindings().stream().filter(b -> b.containerPort() == WebTask.CONTAINER_PORT)
                    .map(NetworkBinding::hostPort).findFirst().orElse(null);
            return new RunningTask(t.taskArn(), t.lastStatus(), t.containerInstanceArn(), hostPort, web.runtimeId());
        }).toList();
    }
}
