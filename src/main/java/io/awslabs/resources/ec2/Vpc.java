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
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;

/**
 * A VPC of the lab's own, tagged at creation. EC2 deletes a VPC only when nothing is left in it
 * (DependencyViolation): its subnets are deleted first as ledger entries of their own, and any
 * security group still in it is deleted here, since everything in a lab's VPC is the lab's
 * (a directory's controllers group that AWS did not remove, say).
 */
public final class Vpc implements ResourceKind {
    public static final Vpc KIND = new Vpc();
    static final String RUN_ID_TAG = "labs:run-id";
    private static final Duration RELEASE_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration RETRY_EVERY = Duration.ofSeconds(10);

    private Vpc() { }

    /** Creates a VPC with this CIDR block, tagged and named {@code labs-<lab>-<run>-<suffix>}; returns its id. */
    public static String create(Provisioning p, String cidr, String suffix) throws Exception {
        Ec2Client ec2 = p.client(Ec2Client.class);
        return p.create(KIND, () -> ec2.createVpc(r -> r.cidrBlock(cidr)
                .tagSpecifications(Ec2Tags.of(p, ResourceType.VPC, p.name(suffix)))).vpc().vpcId());
    }

    @Override
    public String type() {
        return "EC2 VPC";
    }

    @Override
    public List<String> actions() {
        return List.of("ec2:CreateVpc", "ec2:CreateTags", "ec2:DeleteVpc", "ec2:DescribeSecurityGroups",
                "ec2:DeleteSecurityGroup");
    }

    @Override
    public List<String> sweepActions() {
        return List.of("ec2:DescribeVpcs");
    }

    @Override
    public void delete(Teardown env, String idOrArn) throws Exception {
        Ec2Client ec2 = env.target().client(Ec2Client.class);
        String vpcId = canonicalId(idOrArn);
        for (SecurityGroup group : ec2.describeSecurityGroupsPaginator(r -> r.filters(
                Filter.builder().name("vpc-id").values(vpcId).build())).securityGroups()) {
            if (!"default".equals(group.groupName())) {
                env.waits().retrying(TeardownWords.phrase("wait.vpcGroupReleased", group.groupId(), vpcId),
                        RELEASE_TIMEOUT, RETRY_EVERY, () -> ec2.deleteSecurityGroup(r -> r.groupId(group.groupId())),
                        Vpc::stillInUse);
            }
        }
        env.waits().retrying(TeardownWords.phrase("wait.vpcEmpty", vpcId), RELEASE_TIMEOUT, RETRY_EVERY,
                () -> ec2.deleteVpc(r -> r.vpcId(vpcId)), Vpc::stillInUse);
    }

    static boolean stillInUse(Exception e) {
        return e instanceof Ec2Exception ec2 && ec2.awsErrorDetails() != null
                && "DependencyViolation".equals(ec2.awsErrorDetails().errorCode());
    }

    @Override
    public boolean owns(Arn arn) {
        return Ids.is(arn, "ec2", "vpc");
    }

    @Override
    public List<Found> find(Target target, RunMatcher runs) {
        return target.client(Ec2Client.class).describeVpcsPaginator(r -> r.filters(Filter.builder()
                        .name("tag-key").values(RUN_ID_TAG).build())).vpcs().stream()
                .flatMap(v -> v.tags().stream().filter(t -> RUN_ID_TAG.equals(t.key()) && runs.includes(t.value()))
                        .map(t -> new Found(t.value(), v.vpcId())))
                .toList();
    }
}
