package io.awslabs.resources.ec2;

import io.awslabs.resources.Ids;
import io.awslabs.resources.Provisioning;
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
import software.amazon.awssdk.services.ec2.model.ResourceType;

/**
 * A subnet of a lab VPC, tagged at creation. The network interfaces a deleted directory or
 * instance leaves in it take minutes to be released, so deleting retries while EC2 answers
 * DependencyViolation.
 */
public final class Subnet implements ResourceKind {
    public static final Subnet KIND = new Subnet();
    private static final Duration RELEASE_TIMEOUT = Duration.ofMinutes(10);
    private static final Duration RETRY_EVERY = Duration.ofSeconds(15);

    /** A lab subnet: its id, its CIDR block and its Availability Zone. */
    public record Handle(String id, String cidr, String availabilityZone) { }

    private Subnet() { }

    public static Handle create(Provisioning p, String vpcId, String cidr, String availabilityZone, String suffix)
            throws Exception {
        Ec2Client ec2 = p.client(Ec2Client.class);
        return p.create(KIND, () -> {
            software.amazon.awssdk.services.ec2.model.Subnet s = ec2.createSubnet(r -> r.vpcId(vpcId).cidrBlock(cidr)
                    .availabilityZone(availabilityZone)
                    .tagSpecifications(Ec2Tags.of(p, ResourceType.SUBNET, p.name(suffix)))).subnet();
            return new Handle(s.subnetId(), s.cidrBlock(), s.availabilityZone());
        }, Handle::id);
    }

    @Override
    public String type() {
        return "EC2 subnet";
    }

    @Override
    public List<String> actions() {
        return List.of("ec2:CreateSubnet", "ec2:CreateTags", "ec2:DeleteSubnet");
    }

    @Override
    public List<String> sweepActions() {
        return List.of("ec2:DescribeSubnets");
    }

    @Override
    public void delete(Teardown env, String idOrArn) throws Exception {
        Ec2Client ec2 = env.target().client(Ec2Client.class);
        String subnetId = canonicalId(idOrArn);
        env.waits().retrying(TeardownWords.phrase("wait.subnetReleased", subnetId), RELEASE_TIMEOUT, RETRY_EVERY,
                () -> ec2.deleteSubnet(r -> r.subnetId(subnetId)), Vpc::stillInUse);
    }

    @Override
    public boolean owns(Arn arn) {
        return Ids.is(arn, "ec2", "subnet");
    }

    @Override
    public List<Found> find(Target target, RunMatcher runs) {
        return target.client(Ec2Client.class).describeSubnetsPaginator(r -> r.filters(Filter.builder()
                        .name("tag-key").values(Vpc.RUN_ID_TAG).build())).subnets().stream()
                .flatMap(s -> s.tags().stream().filter(t -> Vpc.RUN_ID_TAG.equals(t.key()) && runs.includes(t.value()))
                        .map(t -> new Found(t.value(), s.subnetId())))
                .toList();
    }
}
