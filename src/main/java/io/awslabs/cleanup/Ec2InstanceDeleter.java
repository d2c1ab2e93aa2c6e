package io.awslabs.cleanup;

import io.awslabs.lab.ResourceLedger;
import io.awslabs.targets.Target;
import java.time.Duration;
import software.amazon.awssdk.arns.Arn;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.InstanceStateName;
import software.amazon.awssdk.services.ec2.waiters.Ec2Waiter;

/**
 * Terminates and waits until EC2 says terminated, so that what the instance held (its security
 * group, its instance profile) can be deleted next.
 */
final class Ec2InstanceDeleter implements ResourceDeleter {
    private static final Duration TERMINATED_TIMEOUT = Duration.ofMinutes(10);

    @Override
    public String type() {
        return "EC2 instance";
    }

    @Override
    public void delete(Target target, String idOrArn) throws Exception {
        Ec2Client ec2 = target.client(Ec2Client.class);
        String id = canonicalId(idOrArn);
        if (isGone(target, id)) {
            throw new ResourceLedger.ResourceGone("already terminated");
        }
        ec2.terminateInstances(r -> r.instanceIds(id));
        try (Ec2Waiter waiter = ec2.waiter()) {
            waiter.waitUntilInstanceTerminated(r -> r.instanceIds(id), o -> o.waitTimeout(TERMINATED_TIMEOUT));
        }
    }

    @Override
    public boolean owns(Arn arn) {
        return Ids.is(arn, "ec2", "instance");
    }

    /** A terminated instance stays visible, tags included, for a while after termination. */
    @Override
    public boolean isGone(Target target, String idOrArn) {
        String id = canonicalId(idOrArn);
        return target.client(Ec2Client.class).describeInstances(r -> r.instanceIds(id)).reservations().stream()
                .flatMap(r -> r.instances().stream())
                .allMatch(i -> i.state().name() == InstanceStateName.TERMINATED);
    }
}
