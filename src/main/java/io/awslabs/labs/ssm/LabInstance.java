package io.awslabs.labs.ssm;

import io.awslabs.lab.LabContext;
import io.awslabs.resources.TeardownWords;
import io.awslabs.resources.ec2.Ec2Instance;
import io.awslabs.resources.ec2.Ec2Tags;
import io.awslabs.resources.ec2.SecurityGroup;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.HttpTokensState;
import software.amazon.awssdk.services.ec2.model.InstanceStateName;
import software.amazon.awssdk.services.ec2.model.InstanceTypeOffering;
import software.amazon.awssdk.services.ec2.model.LocationType;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.ec2.model.Vpc;

/**
 * The lab's EC2 side: one instance in the default VPC behind a security group with no inbound
 * rule and no key pair, so Systems Manager is the only way in.
 */
final class LabInstance {
    static final String INSTANCE_TYPE = "t3.micro";
    private static final Duration RUNNING_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration POLL_EVERY = Duration.ofSeconds(5);
    private static final Duration PROFILE_PROPAGATION_TIMEOUT = Duration.ofMinutes(2);
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
        return SecurityGroup.create(ctx, vpcId, "sg", "No inbound rule: the SSM agent only calls out over HTTPS");
    }

    /** Launches the instance, registers it, and waits until EC2 reports it running. */
    static String launch(LabContext ctx, String imageId, Placement placement, String groupId,
                         String profileArn) throws Exception {
        Ec2Client ec2 = ctx.client(Ec2Client.class);
        String instanceId = ctx.create(Ec2Instance.KIND, () -> runInstance(ctx, ec2, imageId, placement, groupId, profileArn));
        InstanceStateName state = ctx.waits().until(TeardownWords.phrase("wait.running", instanceId), RUNNING_TIMEOUT, POLL_EVERY,
                () -> ec2.describeInstances(r -> r.instanceIds(instanceId)).reservations().get(0).instances().get(0)
                        .state().name(),
                s -> s == InstanceStateName.RUNNING);
        if (state != InstanceStateName.RUNNING) {
            throw new IllegalStateException(instanceId + " is " + state + ", not running, after "
                    + RUNNING_TIMEOUT.toMinutes() + " min");
        }
        return instanceId;
    }

    /** IAM is eventually consistent: a new instance profile can be unknown to EC2 for a few seconds. */
    private static String runInstance(LabContext ctx, Ec2Client ec2, String imageId, Placement placement,
                                      String groupId, String profileArn) throws Exception {
        return ctx.waits().retrying(TeardownWords.phrase("wait.profileVisible"), PROFILE_PROPAGATION_TIMEOUT,
                RETRY_PAUSE, () -> ec2.runInstances(r -> r.imageId(imageId).instanceType(INSTANCE_TYPE)
                        .minCount(1).maxCount(1)
                        .subnetId(placement.subnetId())
                        .securityGroupIds(groupId)
                        .iamInstanceProfile(p -> p.arn(profileArn))
                        // IMDSv2 only: the agent supports it, and it is the setting to teach.
                        .metadataOptions(m -> m.httpTokens(HttpTokensState.REQUIRED))
                        // Standard credits: a short burst at boot must not turn into surplus-credit charges.
                        .creditSpecification(c -> c.cpuCredits("standard"))
                        .instanceInitiatedShutdownBehavior("terminate")
                        .tagSpecifications(Ec2Tags.of(ctx, ResourceType.INSTANCE, ctx.name()),
                                Ec2Tags.of(ctx, ResourceType.VOLUME, ctx.name())))
                        .instances().get(0).instanceId(),
                LabInstance::isProfileNotYetVisible);
    }

    private static boolean isProfileNotYetVisible(Exception e) {
        return e instanceof Ec2Exception ec2 && ec2.awsErrorDetails() != null
                && "InvalidParameterValue".equals(ec2.awsErrorDetails().errorCode())
                && String.valueOf(ec2.awsErrorDetails().errorMessage()).contains("iamInstanceProfile");
    }

    static Filter filter(String name, String... values) {
        return Filter.builder().name(name).values(values).build();
    }
}
