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
import software.amazon.awssdk.services.ec2.model.ResourceType;

/**
 * An EC2 security group. A terminated instance's network interface can hold its group for a few
 * minutes (DependencyViolation), so deleting retries until the group is released.
 */
public final class SecurityGroup implements ResourceKind {
    public static final SecurityGroup KIND = new SecurityGroup();
    static final Duration RELEASE_TIMEOUT = Duration.ofMinutes(3);
    static final Duration RETRY_EVERY = Duration.ofSeconds(10);

    private SecurityGroup() { }

    /** Creates {@code labs-<lab>-<run>-<suffix>} in the VPC, tagged; AWS adds its allow-all outbound rule. */
    public static String create(Provisioning p, String vpcId, String suffix, String description) throws Exception {
        Ec2Client ec2 = p.client(Ec2Client.class);
        String name = p.name(suffix);
        return p.create(KIND, () -> ec2.createSecurityGroup(r -> r.groupName(name).vpcId(vpcId).description(description)
                .tagSpecifications(Ec2Tags.of(p, ResourceType.SECURITY_GROUP, name))).groupId());
    }

    @Override
    public String type() {
        return "EC2 security group";
    }

    @Override
    public List<String> actions() {
        return List.of("ec2:CreateSecurityGroup", "ec2:CreateTags", "ec2:DeleteSecurityGroup");
    }

    @Override
    public List<String> sweepActions() {
        return List.of("ec2:DescribeSecurityGroups");
    }

    @Override
    public void delete(Teardown env, String idOrArn) throws Exception {
        Ec2Client ec2 = env.target().client(Ec2Client.class);
        String groupId = canonicalId(idOrArn);
        env.waits().retrying(TeardownWords.phrase("wait.groupReleased", groupId),
                RELEASE_TIMEOUT, RETRY_EVERY, () -> ec2.deleteSecurityGroup(r -> r.groupId(groupId)),
                SecurityGroup::stillInUse);
    }

    private static boolean stillInUse(Exception e) {
        return e instanceof Ec2Exception ec2 && ec2.awsErrorDetails() != null
                && "DependencyViolation".equals(ec2.awsErrorDetails().errorCode());
    }

    @Override
    public List<Found> find(Target target, RunMatcher runs) {
        return target.client(Ec2Client.class).describeSecurityGroupsPaginator(r -> { }).securityGroups().stream()
                .flatMap(g -> runs.runOf(g.groupName()).map(run -> new Found(run, g.groupId())).stream())
                .toList();
    }

    @Override
    public boolean owns(Arn arn) {
        return Ids.is(arn, "ec2", "security-group");
    }
}
