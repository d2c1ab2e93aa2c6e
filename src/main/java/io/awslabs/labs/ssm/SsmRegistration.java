package io.awslabs.labs.ssm;

import io.awslabs.lab.LabContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.InstanceInformation;
import software.amazon.awssdk.services.ssm.model.InstanceInformationStringFilter;
import software.amazon.awssdk.services.ssm.model.PingStatus;

/**
 * Waits for an instance's SSM agent to register and report Online. The SDK has no waiter for
 * this, so it polls DescribeInstanceInformation, telling the person watching how long so far.
 */
final class SsmRegistration {
    private static final Duration POLL_EVERY = Duration.ofSeconds(10);

    private SsmRegistration() { }

    /** What Systems Manager last said about the instance: Online, or the last state before the timeout. */
    static Optional<InstanceInformation> awaitOnline(LabContext ctx, String instanceId, Duration timeout)
            throws InterruptedException {
        SsmClient ssm = ctx.client(SsmClient.class);
        Instant started = Instant.now();
        Instant deadline = started.plus(timeout);
        while (true) {
            List<InstanceInformation> listed = ssm.describeInstanceInformation(r -> r.filters(
                    InstanceInformationStringFilter.builder().key("InstanceIds").values(instanceId).build()))
                    .instanceInformationList();
            Optional<InstanceInformation> info = listed.stream().findFirst();
            if (info.map(i -> i.pingStatus() == PingStatus.ONLINE).orElse(false) || Instant.now().isAfter(deadline)) {
                return info;
            }
            long waited = Duration.between(started, Instant.now()).toSeconds();
            ctx.sleep(POLL_EVERY, "SSM registration of " + instanceId + ": "
                    + info.map(i -> "PingStatus " + i.pingStatusAsString()).orElse("not listed yet")
                    + " after " + waited + " s of " + timeout.toSeconds() + " s");
        }
    }
}
