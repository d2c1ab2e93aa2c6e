package io.awslabs.resources.ecs;

import io.awslabs.resources.Gone;
import io.awslabs.resources.Ids;
import io.awslabs.resources.Provisioning;
import io.awslabs.resources.ResourceKind;
import io.awslabs.resources.RunMatcher;
import io.awslabs.resources.Teardown;
import io.awslabs.targets.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import software.amazon.awssdk.arns.Arn;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ClientException;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionRequest;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionStatus;

/**
 * A revision of an ECS task definition, its family named {@code labs-<lab>-<run>-<suffix>} and
 * tagged. Deleting deregisters it (INACTIVE) and then deletes it (DeleteTaskDefinitions accepts
 * only INACTIVE revisions); a deleted revision is DELETE_IN_PROGRESS until ECS removes it.
 */
public final class EcsTaskDefinition implements ResourceKind {
    public static final EcsTaskDefinition KIND = new EcsTaskDefinition();

    private EcsTaskDefinition() { }

    /** Registers a revision of the family {@code labs-<lab>-<run>-<suffix>}; {@code more} sets the rest. Its ARN. */
    public static String register(Provisioning p, String suffix, Consumer<RegisterTaskDefinitionRequest.Builder> more)
            throws Exception {
        EcsClient ecs = p.client(EcsClient.class);
        String family = p.name(suffix);
        return p.create(KIND, () -> ecs.registerTaskDefinition(r -> {
            r.family(family).tags(EcsTags.of(p));
            more.accept(r);
        }).taskDefinition().taskDefinitionArn());
    }

    @Override
    public String type() {
        return "ECS task definition";
    }

    @Override
    public List<String> actions() {
        return List.of("ecs:RegisterTaskDefinition", "ecs:TagResource", "ecs:DescribeTaskDefinition",
                "ecs:DeregisterTaskDefinition", "ecs:DeleteTaskDefinitions");
    }

    @Override
    public List<String> sweepActions() {
        return List.of("ecs:ListTaskDefinitions");
    }

    @Override
    public void delete(Teardown env, String arn) throws Exception {
        EcsClient ecs = env.target().client(EcsClient.class);
        TaskDefinitionStatus status = statusOf(ecs, arn);
        if (status == null || status == TaskDefinitionStatus.DELETE_IN_PROGRESS) {
            throw new Gone("gone.deleted");
        }
        if (status == TaskDefinitionStatus.ACTIVE) {
            ecs.deregisterTaskDefinition(r -> r.taskDefinition(arn));
        }
        var deleted = ecs.deleteTaskDefinitions(r -> r.taskDefinitions(arn));
        if (!deleted.failures().isEmpty()) {
            throw new IllegalStateException("DeleteTaskDefinitions refused " + arn + ": " + deleted.failures().get(0).reason());
        }
    }

    /** Null when ECS no longer knows the revision. */
    private static TaskDefinitionStatus statusOf(EcsClient ecs, String arn) {
        try {
            return ecs.describeTaskDefinition(r -> r.taskDefinition(arn)).taskDefinition().status();
        } catch (ClientException e) {
            return null;
        }
    }

    @Override
    public boolean owns(Arn arn) {
        return Ids.is(arn, "ecs", "task-definition");
    }

    @Override
    public String canonicalId(String idOrArn) {
        return idOrArn;
    }

    @Override
    public boolean isGone(Target target, String arn) {
        return statusOf(target.client(EcsClient.class), arn) != TaskDefinitionStatus.ACTIVE;
    }

    /** Active revisions whose family names a matched run. */
    @Override
    public List<Found> find(Target target, RunMatcher runs) {
        List<Found> found = new ArrayList<>();
        for (String arn : target.client(EcsClient.class).listTaskDefinitionsPaginator(r -> { }).taskDefinitionArns()) {
            String family = Ids.lastSegment(arn).split(":")[0];
            runs.runOf(family).ifPresent(run -> found.add(new Found(run, arn)));
        }
        return found;
    }
}
