package io.awslabs.labs.ssm;

import io.awslabs.lab.LabContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.HttpTokensState;
import software.amazon.awssdk.services.ec2.model.InstanceTypeOffering;
import software.amazon.awssdk.services.ec2.model.LocationType;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;
import software.amazon.awssdk.services.ec2.model.Vpc;
import software.amazon.awssdk.services.ec2.waiters.Ec2Waiter;

/**
 * The lab's EC2 side: one instance in the default VPC behind a security group with no inbound
 * rule and no key pair, so Systems Manager is the only way in.
 */
final class LabInstance {
    static final String INSTANCE_TYPE = "t3.micro";
    private static final Duration RUNNING_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration TERMINATED_TIMEOUT = Duration.ofMinutes(10);
    /** IAM is eventually consistent: a new instance profile can be unknown to EC2 for a few seconds. */
    private static final Duration PROFILE_PROPAGATION_TIMEOUT = Duration.ofMinutes(2);
    /** A terminated instance's network interface can hold its security group for a little while. */
    private static final Duration GROUP_RELEASE_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration RETRY_PAUSE = Duration.ofSeconds(10);

    /** Where the instance goes: a default subnet of the default VPC in a zone that offers the type. */
    record Placement(String vpcId, String subnetId, String availabilityZone) { }

    private LabInstance() { }

    static Placement defaultPlacement(Ec2Client ec2, String region) {
        List<Vpc> vpcs = ec2.describeVpcs(r -> r.filters(filter("is-default", "true"))).vpcs();
        if (vpcs.isEmpty()) {
            throw new IllegalStateException("no default VPC in " + region
                    + ": create one (aws ec2 create-default-vpc) or run the lab in another region");
        }
        String vpcId = vpcs.get(0).vpcId();
        Set<String> zonesWithType = new HashSet<>();
        for (InstanceTypeOffering offering : ec2.describeInstanceTypeOfferingsPaginator(r -> r
                .locationType(LocationType.AVAILABILITY_ZONE)
                .filters(filter("instance-type", INSTANCE_TYPE))).instanceTypeOfferings()) {
            zonesWithType.add(offering.location());
        }
        List<Subnet> subnets = new ArrayList<>(ec2.describeSubnets(r -> r.filters(
                filter("vpc-id", vpcId), filter("default-for-az", "true"))).subnets());
        subnets.sort(Comparator.comparing(Subnet::availabilityZone));
        return subnets.stream()
                .filter(s -> zonesWithType.contains(s.availabilityZone()))
                .findFirst()
                .map(s -> new Placement(vpcId, s.subnetId(), s.availabilityZone()))
                .orElseThrow(() -> new IllegalStateException("no default subnet of " + vpcId
                        + " is in a zone that offers " + INSTANCE_TYPE));
    }

    /** A security group with no inbound rule; AWS adds its default allow-all outbound rule. */
    static String createSecurityGroup(LabContext ctx, String vpcId) throws Exception {
        Ec2Client ec2 = ctx.client(Ec2Client.class);
        return ctx.create("EC2 security group",
                () -> ec2.createSecurityGroup(r -> r.groupName(ctx.name("sg")).vpcId(vpcId)
                        .description("No inbound rule: the SSM agent only calls out over HTTPS")
                        .tagSpecifications(tagged(ctx, ResourceType.SECURITY_GROUP, ctx.name("sg"))))
                        .groupId(),
                groupId -> deleteSecurityGroup(ctx, ec2, groupId));
    }

    /** Launches the instance, registers it, and waits until EC2 reports it running. */
    static String launch(LabContext ctx, String imageId, Placement placement, String groupId,
                         String profileArn) throws Exception {
        Ec2Client ec2 = ctx.client(Ec2Client.class);
        String instanceId = ctx.create("EC2 instance",
                () -> runInstance(ctx, ec2, imageId, placement, groupId, profileArn),
                id -> terminate(ctx, ec2, id));
        ctx.progress("waiting for " + instanceId + " to be running (up to " + RUNNING_TIMEOUT.toMinutes() + " min)");
        try (Ec2Waiter waiter = ec2.waiter()) {
            waiter.waitUntilInstanceRunning(r -> r.instanceIds(instanceId), o -> o.waitTimeout(RUNNING_TIMEOUT));
        }
        return instanceId;
    }

    private static String runInstance(LabContext ctx, Ec2Client ec2, String imageId, Placement placement,
                                      String groupId, String profileArn) throws Exception {
        Instant deadline = Instant.now().plus(PROFILE_PROPAGATION_TIMEOUT);
        while (true) {
            try {
                return ec2.runInstances(r -> r.imageId(imageId).instanceType(INSTANCE_TYPE)
                        .minCount(1).maxCount(1)
                        .subnetId(placement.subnetId())
                        .securityGroupIds(groupId)
                        .iamInstanceProfile(p -> p.arn(profileArn))
                        // IMDSv2 only: the agent supports it, and it is the setting to teach.
                        .metadataOptions(m -> m.httpTokens(HttpTokensState.REQUIRED))
                        // Standard credits: a short burst at boot must not turn into surplus-credit charges.
                        .creditSpecification(c -> c.cpuCredits("standard"))
                        .instanceInitiatedShutdownBehavior("terminate")
                        .tagSpecifications(tagged(ctx, ResourceType.INSTANCE, ctx.name()),
                                tagged(ctx, ResourceType.VOLUME, ctx.name())))
                        .instances().get(0).instanceId();
            } catch (Ec2Exception e) {
                if (!isProfileNotYetVisible(e) || Instant.now().isAfter(deadline)) {
                    throw e;
                }
                ctx.sleep(RETRY_PAUSE, "the new instance profile is not yet visible to EC2 (IAM is eventually consistent)");
            }
        }
    }

    private static boolean isProfileNotYetVisible(Ec2Exception e) {
        return e.awsErrorDetails() != null && "InvalidParameterValue".equals(e.awsErrorDetails().errorCode())
                && String.valueOf(e.awsErrorDetails().errorMessage()).contains("iamInstanceProfile");
    }

    /** Terminates and waits: the security group and the profile cannot go while the instance holds them. */
    private static void terminate(LabContext ctx, Ec2Client ec2, String instanceId) {
        ec2.terminateInstances(r -> r.instanceIds(instanceId));
        ctx.progress("waiting for " + instanceId + " to be terminated (up to " + TERMINATED_TIMEOUT.toMinutes() + " min)");
        try (Ec2Waiter waiter = ec2.waiter()) {
            waiter.waitUntilInstanceTerminated(r -> r.instanceIds(instanceId), o -> o.waitTimeout(TERMINATED_TIMEOUT));
        }
    }

    private static void deleteSecurityGroup(LabContext ctx, Ec2Client ec2, String groupId) throws InterruptedException {
        Instant deadline = Instant.now().plus(GROUP_RELEASE_TIMEOUT);
        while (true) {
            try {
                ec2.deleteSecurityGroup(r -> r.groupId(groupId));
                return;
            } catch (Ec2Exception e) {
                boolean stillInUse = e.awsErrorDetails() != null
                        && "DependencyViolation".equals(e.awsErrorDetails().errorCode());
                if (!stillInUse || Instant.now().isAfter(deadline)) {
                    throw e;
                }
                ctx.sleep(RETRY_PAUSE, groupId + " is still attached to a network interface of the terminated instance");
            }
        }
    }

    private static TagSpecification tagged(LabContext ctx, ResourceType type, String name) {
        List<Tag> tags = new ArrayList<>(ctx.tags((k, v) -> Tag.builder().key(k).value(v).build()));
        tags.add(Tag.builder().key("Name").value(name).build());
        return TagSpecification.builder().resourceType(type).tags(tags).build();
    }

    static Filter filter(String name, String... values) {
        return Filter.builder().name(name).values(values).build();
    }
}
