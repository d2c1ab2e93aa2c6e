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
import java.util.Optional;
import java.util.function.Consumer;
import software.amazon.awssdk.arns.Arn;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.CreateServiceRequest;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.ServiceField;

/**
 * An ECS service, tagged at creation; recorded by its ARN. Deleting it with force stops its tasks
 * (which deregisters them from their target group) and waits until ECS says INACTIVE, so that the
 * cluster and the target group can go next. A service ARN names its cluster in the long format
 * (service/cluster/name), the default on AWS; in the short one (service/name) the cluster is
 * looked up.
 */
public final class EcsService implements ResourceKind {
    public static final EcsService KIND = new EcsService();
    private static final Duration DRAINED_TIMEOUT = Duration.ofMinutes(10);
    private static final Duration POLL_EVERY = Duration.ofSeconds(10);

    private EcsService() { }

    /** A service named {@code labs-<lab>-<run>-<suffix>} in the cluster; {@code more} sets the rest. */
    public static String create(Provisioning p, String clusterArn, String suffix, Consumer<CreateServiceRequest.Builder> more)
            throws Exception {
        EcsClient ecs = p.client(EcsClient.class);
        String name = p.name(suffix);
        return p.create(KIND, () -> ecs.createService(r -> {
            r.cluster(clusterArn).serviceName(name).tags(EcsTags.of(p));
            more.accept(r);
        }).service().serviceArn());
    }

    @Override
    public String type() {
        return "ECS service";
    }

    @Override
    public List<String> actions() {
        return List.of("ecs:CreateService", "ecs:TagResource", "ecs:DeleteService");
    }

    @Override
    public List<String> sweepActions() {
        return List.of("ecs:ListClusters", "ecs:DescribeClusters", "ecs:ListServices", "ecs:DescribeServices");
    }

    @Override
    public void delete(Teardown env, String arn) throws Exception {
        EcsClient ecs = env.target().client(EcsClient.class);
        Service service = find(ecs, arn).filter(s -> !EcsCluster.INACTIVE.equals(s.status()))
                .orElseThrow(() -> new Gone("gone.ecsService", arn));
        ecs.deleteService(r -> r.cluster(service.clusterArn()).service(arn).force(true));
        Optional<Service> last = env.waits().until(TeardownWords.phrase("wait.serviceDrained", Ids.lastSegment(arn)), DRAINED_TIMEOUT, POLL_EVERY,
                () -> find(ecs, arn), s -> s.map(x -> EcsCluster.INACTIVE.equals(x.status())).orElse(true),
                s -> s.map(Service::status).orElse("gone"));
        if (last.isPresent() && !EcsCluster.INACTIVE.equals(last.get().status())) {
            throw new IllegalStateException(arn + " still " + last.get().status() + " after " + DRAINED_TIMEOUT.toMinutes() + " min");
        }
    }

    /** The service of this ARN, in the cluster its ARN names or, for a short ARN, in whichever active cluster has it. */
    static Optional<Service> find(EcsClient ecs, String arn) {
        String resource = Arn.fromString(arn).resourceAsString();
        String[] parts = resource.split("/");
        List<String> clusters = parts.length == 3 ? List.of(parts[1]) : EcsCluster.activeArns(ecs);
        for (String cluster : clusters) {
            Optional<Service> found = ecs.describeServices(r -> r.cluster(cluster).services(arn)).services().stream()
                    .findFirst();
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    @Override
    public boolean owns(Arn arn) {
        return Ids.is(arn, "ecs", "service");
    }

    @Override
    public String canonicalId(String idOrArn) {
        return idOrArn;
    }

    @Override
    public boolean isGone(Target target, String arn) {
        return find(target.client(EcsClient.class), arn).map(s -> EcsCluster.INACTIVE.equals(s.status())).orElse(true);
    }

    /** Services of the active clusters whose run-id tag names a matched run, not yet INACTIVE. */
    @Override
    public List<Found> find(Target target, RunMatcher runs) {
        EcsClient ecs = target.client(EcsClient.class);
        List<Found> found = new ArrayList<>();
        for (String cluster : EcsCluster.activeArns(ecs)) {
            List<String> arns = ecs.listServicesPaginator(r -> r.cluster(cluster)).serviceArns().stream().toList();
            for (int i = 0; i < arns.size(); i += 10) {
                List<String> batch = arns.subList(i, Math.min(arns.size(), i + 10));
                for (Service s : ecs.describeServices(r -> r.cluster(cluster).services(batch).include(ServiceField.TAGS))
                        .services()) {
                    if (!EcsCluster.INACTIVE.equals(s.status())) {
                        EcsTags.runOf(s.tags()).filter(runs::includes).ifPresent(run -> found.add(new Found(run, s.serviceArn())));
                    }
                }
            }
        }
        return found;
    }
}
