package io.awslabs.resources.ecs;

import io.awslabs.resources.Gone;
import io.awslabs.resources.Ids;
import io.awslabs.resources.Provisioning;
import io.awslabs.resources.ResourceKind;
import io.awslabs.resources.RunMatcher;
import io.awslabs.resources.Teardown;
import io.awslabs.resources.TeardownWords;
import io.awslabs.targets.Target;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.arns.Arn;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Cluster;
import software.amazon.awssdk.services.ecs.model.ClusterContainsContainerInstancesException;
import software.amazon.awssdk.services.ecs.model.ClusterContainsServicesException;
import software.amazon.awssdk.services.ecs.model.ClusterContainsTasksException;
import software.amazon.awssdk.services.ecs.model.ClusterField;

/**
 * An ECS cluster, tagged at creation. ECS deletes a cluster only once no service, task or
 * container instance is left in it: a terminated instance is deregistered by ECS a little after
 * EC2 terminates it, and a deleted service drains first, so deleting retries meanwhile. A deleted
 * cluster stays visible as INACTIVE for a while.
 */
public final class EcsCluster implements ResourceKind {
    public static final EcsCluster KIND = new EcsCluster();
    private static final Duration EMPTY_TIMEOUT = Duration.ofMinutes(10);
    private static final Duration RETRY_EVERY = Duration.ofSeconds(15);
    static final String INACTIVE = "INACTIVE";

    /** A lab cluster: its name and ARN. */
    public record Handle(String name, String arn) { }

    private EcsCluster() { }

    /** A cluster named {@code labs-<lab>-<run>-<suffix>}. */
    public static Handle create(Provisioning p, String suffix) throws Exception {
        EcsClient ecs = p.client(EcsClient.class);
        String name = p.name(suffix);
        return p.create(KIND, () -> {
            Cluster c = ecs.createCluster(r -> r.clusterName(name).tags(EcsTags.of(p))).cluster();
            return new Handle(c.clusterName(), c.clusterArn());
        }, Handle::arn);
    }

    @Override
    public String type() {
        return "ECS cluster";
    }

    @Override
    public List<String> actions() {
        return List.of("ecs:CreateCluster", "ecs:TagResource", "ecs:DescribeClusters", "ecs:DeleteCluster");
    }

    @Override
    public List<String> sweepActions() {
        return List.of("ecs:ListClusters", "ecs:DescribeClusters");
    }

    @Override
    public void delete(Teardown env, String arn) throws Exception {
        if (isGone(env.target(), arn)) {
            throw new Gone("gone.inState", "INACTIVE");
        }
        EcsClient ecs = env.target().client(EcsClient.class);
        env.waits().retrying(TeardownWords.phrase("wait.clusterEmpty", Ids.lastSegment(arn)), EMPTY_TIMEOUT,
                RETRY_EVERY, () -> ecs.deleteCluster(r -> r.cluster(arn)), EcsCluster::stillHolds);
    }

    private static boolean stillHolds(Exception e) {
        return e instanceof ClusterContainsContainerInstancesException || e instanceof ClusterContainsServicesException
                || e instanceof ClusterContainsTasksException;
    }

    @Override
    public boolean owns(Arn arn) {
        return Ids.is(arn, "ecs", "cluster");
    }

    @Override
    public String canonicalId(String idOrArn) {
        return idOrArn;
    }

    @Override
    public boolean isGone(Target target, String arn) {
        List<Cluster> clusters = target.client(EcsClient.class).describeClusters(r -> r.clusters(arn)).clusters();
        return clusters.isEmpty() || INACTIVE.equals(clusters.get(0).status());
    }

    /** Active clusters whose run-id tag names a matched run. */
    @Override
    public List<Found> find(Target target, RunMatcher runs) {
        EcsClient ecs = target.client(EcsClient.class);
        List<String> arns = ecs.listClustersPaginator(r -> { }).clusterArns().stream().toList();
        List<Found> found = new ArrayList<>();
        for (int i = 0; i < arns.size(); i += 100) {
            List<String> batch = arns.subList(i, Math.min(arns.size(), i + 100));
            for (Cluster c : ecs.describeClusters(r -> r.clusters(batch).include(ClusterField.TAGS)).clusters()) {
                if (!INACTIVE.equals(c.status())) {
                    EcsTags.runOf(c.tags()).filter(runs::includes).ifPresent(run -> found.add(new Found(run, c.clusterArn())));
                }
            }
        }
        return found;
    }

    /** The active clusters' ARNs, for the kinds that live in a cluster. */
    static List<String> activeArns(EcsClient ecs) {
        List<String> arns = ecs.listClustersPaginator(r -> { }).clusterArns().stream().toList();
        return arns.isEmpty() ? List.of() : ecs.describeClusters(r -> r.clusters(arns)).clusters().stream()
                .filter(c -> !INACTIVE.equals(c.status())).map(Cluster::clusterArn).toList();
    }
}
