package io.awslabs.labs.ec2;

import io.awslabs.lab.LabContext;
import io.awslabs.resources.TeardownWords;
import io.awslabs.resources.ec2.Ec2Instance;
import io.awslabs.resources.ec2.Ec2Tags;
import java.time.Duration;
import java.util.Comparator;
import java.util.function.Consumer;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceStateName;
import software.amazon.awssdk.services.ec2.model.InstanceTypeOffering;
import software.amazon.awssdk.services.ec2.model.LocationType;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.RunInstancesRequest;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * The cheapest instance EC2 offers, a t4g.nano (Graviton, $0.0042 an hour in us-east-1) from the
 * latest Amazon Linux 2023 arm64 AMI: the labs here look at what EC2 says about an instance, not
 * at what runs on it, so nothing bigger is needed. It starts with standard CPU credits, so a
 * burst at boot cannot turn into surplus-credit charges, and stops by terminating.
 */
final class NanoInstance {
    static final String TYPE = "t4g.nano";
    static final String AMI_PARAMETER = "/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-arm64";
    private static final Duration RUNNING_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration POLL_EVERY = Duration.ofSeconds(5);

    private NanoInstance() { }

    /** The first Availability Zone, in name order, that offers {@value #TYPE}. */
    static String zoneOffering(Ec2Client ec2, String region) {
        return ec2.describeInstanceTypeOfferingsPaginator(r -> r.locationType(LocationType.AVAILABILITY_ZONE)
                        .filters(Filter.builder().name("instance-type").values(TYPE).build()))
                .instanceTypeOfferings().stream().map(InstanceTypeOffering::location)
                .min(Comparator.naturalOrder())
                .orElseThrow(() -> new IllegalStateException("no Availability Zone of " + region + " offers " + TYPE));
    }

    static String latestImage(LabContext ctx) {
        return ctx.client(SsmClient.class).getParameter(r -> r.name(AMI_PARAMETER)).parameter().value();
    }

    /** Launches one instance into the subnet, registers it, and waits until EC2 reports it running. */
    static Instance launch(LabContext ctx, String imageId, String subnetId, String suffix,
                           Consumer<RunInstancesRequest.Builder> more) throws Exception {
        Ec2Client ec2 = ctx.client(Ec2Client.class);
        String instanceId = ctx.create(Ec2Instance.KIND, () -> ec2.runInstances(r -> {
            r.imageId(imageId).instanceType(TYPE).minCount(1).maxCount(1).subnetId(subnetId)
                    .creditSpecification(c -> c.cpuCredits("standard"))
                    .instanceInitiatedShutdownBehavior("terminate")
                    .tagSpecifications(Ec2Tags.of(ctx, ResourceType.INSTANCE, ctx.name(suffix)),
                            Ec2Tags.of(ctx, ResourceType.VOLUME, ctx.name(suffix)));
            more.accept(r);
        }).instances().get(0).instanceId());
        Instance running = ctx.waits().until(TeardownWords.phrase("wait.running", instanceId), RUNNING_TIMEOUT, POLL_EVERY,
                () -> describe(ec2, instanceId), i -> i.state().name() == InstanceStateName.RUNNING,
                i -> i.state().nameAsString());
        if (running.state().name() != InstanceStateName.RUNNING) {
            throw new IllegalStateException(instanceId + " is " + running.state().nameAsString() + ", not running, after "
                    + RUNNING_TIMEOUT.toMinutes() + " min");
        }
        return running;
    }

    static Instance launch(LabContext ctx, String imageId, String subnetId, String suffix) throws Exception {
        return launch(ctx, imageId, subnetId, suffix, r -> { });
    }

    static Instance describe(Ec2Client ec2, String instanceId) {
        return ec2.describeInstances(r -> r.instanceIds(instanceId)).reservations().get(0).instances().get(0);
    }
}
