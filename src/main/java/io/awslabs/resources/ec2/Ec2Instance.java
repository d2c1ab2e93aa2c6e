package io.awslabs.resources.ec2;

import io.awslabs.resources.Gone;
import io.awslabs.resources.Ids;
import io.awslabs.resources.ResourceKind;
import io.awslabs.resources.RunMatcher;
import io.awslabs.resources.Teardown;
import io.awslabs.resources.TeardownWords;
import io.awslabs.targets.Target;
import java.time.Duration;
import java.util.List;
import software.amazon.awssdk.arns.Arn;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.InstanceStateName;

/**
 * An EC2 instance. Deleting it terminates it and waits until EC2 says terminated, so that what
 * it held (its security group, its instance profile) can be deleted next.
 */
public final class Ec2Instance implements ResourceKind {
    public static final Ec2Instance KIND = new Ec2Instance();
    static final Duration TERMINATED_TIMEOUT = Duration.ofMinutes(10);
    static final Duration POLL_EVERY = Duration.ofSeconds(5);
    static final String RUN_ID_TAG = "labs:run-id";

    private Ec2Instance() { }

    @Override
    public String type() {
        return "EC2 instance";
    }

    @Override
    public List<String> actions() {
        return List.of("ec2:TerminateInstances", "ec2:DescribeInstances");
    }

    @Override
    public List<String> sweepActions() {
        return List.of("ec2:DescribeInstances");
    }

    @Override
    public void delete(Teardown env, String idOrArn) throws Exception {
        Ec2Client ec2 = env.target().client(Ec2Client.class);
        String id = canonicalId(idOrArn);
        if (isGone(env.target(), id)) {
            throw new Gone("gone.terminated");
        }
        ec2.terminateInstances(r -> r.instanceIds(id));
        InstanceStateName state = env.waits().until(TeardownWords.phrase("wait.terminated", id), TERMINATED_TIMEOUT, POLL_EVERY,
                () -> stateOf(ec2, id), s -> s == InstanceStateName.TERMINATED);
        if (state != InstanceStateName.TERMINATED) {
            throw new IllegalStateException(id + " still " + state + " after " + TERMINATED_TIMEOUT.toMinutes() + " min");
        }
    }

    private static InstanceStateName stateOf(Ec2Client ec2, String id) {
        return ec2.describeInstances(r -> r.instanceIds(id)).reservations().stream()
                .flatMap(r -> r.instances().stream()).map(i -> i.state().name())
                .findFirst().orElse(InstanceStateName.TERMINATED);
    }

    @Override
    public boolean owns(Arn arn) {
        return Ids.is(arn, "ec2", "instance");
    }

    /** Lab instances carry the run's {@code labs:run-id} tag from RunInstances on. */
    @Override
    public List<Found> find(Target target, RunMatcher runs) {
        return target.client(Ec2Client.class).describeInstancesPaginator(r -> r.filters(Filter.builder()
                        .name("tag-key").values(RUN_ID_TAG).build())).reservations().stream()
                .flatMap(r -> r.instances().stream())
                .flatMap(i -> i.tags().stream().filter(t -> RUN_ID_TAG.equals(t.key()) && runs.includes(t.value()))
                        .map(t -> new Found(t.value(), i.instanceId())))
                .toList();
    }

    /** A terminated instance stays visible, tags included, for a while after termination. */
    @Override
    public boolean isGone(Target target, String idOrArn) {
        return stateOf(target.client(Ec2Client.class), canonicalId(idOrArn)) == InstanceStateName.TERMINATED;
    }
}
