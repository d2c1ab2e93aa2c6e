package io.awslabs.resources.elbv2;

import io.awslabs.resources.Ids;
import io.awslabs.resources.Provisioning;
import io.awslabs.resources.ResourceKind;
import io.awslabs.resources.RunMatcher;
import io.awslabs.resources.Teardown;
import io.awslabs.resources.TeardownWords;
import io.awslabs.targets.Target;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import software.amazon.awssdk.arns.Arn;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.CreateTargetGroupRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ElasticLoadBalancingV2Exception;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ProtocolEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetTypeEnum;

/**
 * An ELBv2 target group, tagged at creation. A target group that a listener or rule still
 * forwards to cannot be deleted (ResourceInUse), even for a while after its load balancer is
 * deleted, so deleting retries until it is released. Registered targets do not hold it.
 */
public final class TargetGroup implements ResourceKind {
    public static final TargetGroup KIND = new TargetGroup();
    private static final Duration RELEASE_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration RETRY_EVERY = Duration.ofSeconds(10);

    /** A lab target group: its ARN, name, protocol and port. */
    public record Handle(String arn, String name, ProtocolEnum protocol, int port) { }

    private TargetGroup() { }

    /**
     * An instance target group in the VPC with only protocol and port given, so every health check
     * setting is the AWS default for that protocol, unless {@code more} sets it.
     */
    public static Handle create(Provisioning p, String suffix, ProtocolEnum protocol, int port, String vpcId,
                                Consumer<CreateTargetGroupRequest.Builder> more) throws Exception {
        ElasticLoadBalancingV2Client elb = p.client(ElasticLoadBalancingV2Client.class);
        String name = ElbTags.shortName(p, suffix);
        return p.create(KIND, () -> {
            var group = elb.createTargetGroup(r -> {
                r.name(name).protocol(protocol).port(port).vpcId(vpcId).targetType(TargetTypeEnum.INSTANCE)
                        .tags(ElbTags.of(p));
                more.accept(r);
            }).targetGroups().get(0);
            return new Handle(group.targetGroupArn(), group.targetGroupName(), group.protocol(), group.port());
        }, Handle::arn);
    }

    @Override
    public String type() {
        return "ELB target group";
    }

    @Override
    public List<String> actions() {
        return List.of("elasticloadbalancing:CreateTargetGroup", "elasticloadbalancing:AddTags",
                "elasticloadbalancing:DeleteTargetGroup");
    }

    @Override
    public List<String> sweepActions() {
        return List.of("elasticloadbalancing:DescribeTargetGroups", "elasticloadbalancing:DescribeTags");
    }

    @Override
    public void delete(Teardown env, String arn) throws Exception {
        ElasticLoadBalancingV2Client elb = env.target().client(ElasticLoadBalancingV2Client.class);
        env.waits().retrying(TeardownWords.phrase("wait.targetGroupReleased", Ids.lastSegment(arn)), RELEASE_TIMEOUT, RETRY_EVERY,
                () -> elb.deleteTargetGroup(r -> r.targetGroupArn(arn)), TargetGroup::stillInUse);
    }

    private static boolean stillInUse(Exception e) {
        return e instanceof ElasticLoadBalancingV2Exception elb && elb.awsErrorDetails() != null
                && "ResourceInUse".equals(elb.awsErrorDetails().errorCode());
    }

    @Override
    public boolean owns(Arn arn) {
        return Ids.is(arn, "elasticloadbalancing", "targetgroup");
    }

    @Override
    public String canonicalId(String idOrArn) {
        return idOrArn;
    }

    @Override
    public List<Found> find(Target target, RunMatcher runs) {
        ElasticLoadBalancingV2Client elb = target.client(ElasticLoadBalancingV2Client.class);
        List<String> arns = elb.describeTargetGroupsPaginator(r -> { }).targetGroups().stream()
                .map(software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroup::targetGroupArn).toList();
        return ElbTags.ofRuns(elb, arns, runs);
    }
}
