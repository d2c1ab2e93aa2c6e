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
import software.amazon.awssdk.services.ec2.model.InternetGatewayAttachment;
import software.amazon.awssdk.services.ec2.model.ResourceType;

/**
 * An internet gateway attached to a lab VPC, with the default route (0.0.0.0/0) of the VPC's main
 * route table through it: what makes a subnet public. The route goes with the VPC's main route
 * table; deleting the gateway detaches it first, which AWS refuses (DependencyViolation) while an
 * instance of the VPC still holds a public address, so it retries until the instances are gone.
 */
public final class InternetGateway implements ResourceKind {
    public static final InternetGateway KIND = new InternetGateway();
    private static final Duration RELEASE_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration RETRY_EVERY = Duration.ofSeconds(10);

    private InternetGateway() { }

    /** Creates the gateway, attaches it to the VPC and routes the VPC's main route table through it. */
    public static String createFor(Provisioning p, String vpcId, String suffix) throws Exception {
        Ec2Client ec2 = p.client(Ec2Client.class);
        String gatewayId = p.create(KIND, () -> ec2.createInternetGateway(r -> r
                .tagSpecifications(Ec2Tags.of(p, ResourceType.INTERNET_GATEWAY, p.name(suffix))))
                .internetGateway().internetGatewayId());
        ec2.attachInternetGateway(r -> r.internetGatewayId(gatewayId).vpcId(vpcId));
        String mainTable = ec2.describeRouteTables(r -> r.filters(
                        Filter.builder().name("vpc-id").values(vpcId).build(),
                        Filter.builder().name("association.main").values("true").build()))
                .routeTables().get(0).routeTableId();
        ec2.createRoute(r -> r.routeTableId(mainTable).destinationCidrBlock("0.0.0.0/0").gatewayId(gatewayId));
        return gatewayId;
    }

    @Override
    public String type() {
        return "EC2 internet gateway";
    }

    @Override
    public List<String> actions() {
        return List.of("ec2:CreateInternetGateway", "ec2:CreateTags", "ec2:AttachInternetGateway", "ec2:CreateRoute",
                "ec2:DescribeRouteTables", "ec2:DeleteInternetGateway", "ec2:DescribeInternetGateways",
                "ec2:DetachInternetGateway");
    }

    @Override
    public List<String> sweepActions() {
        return List.of("ec2:DescribeInternetGateways");
    }

    @Override
    public void delete(Teardown env, String idOrArn) throws Exception {
        Ec2Client ec2 = env.target().client(Ec2Client.class);
        String gatewayId = canonicalId(idOrArn);
        List<InternetGatewayAttachment> attachments = ec2.describeInternetGateways(r -> r.internetGatewayIds(gatewayId))
                .internetGateways().get(0).attachments();
        for (InternetGatewayAttachment attachment : attachments) {
            env.waits().retrying(TeardownWords.phrase("wait.gatewayDetachable", gatewayId, attachment.vpcId()),
                    RELEASE_TIMEOUT, RETRY_EVERY,
                    () -> ec2.detachInternetGateway(r -> r.internetGatewayId(gatewayId).vpcId(attachment.vpcId())),
                    Vpc::stillInUse);
        }
        ec2.deleteInternetGateway(r -> r.internetGatewayId(gatewayId));
    }

    @Override
    public boolean owns(Arn arn) {
        return Ids.is(arn, "ec2", "internet-gateway");
    }

    @Override
    public List<Found> find(Target target, RunMatcher runs) {
        return target.client(Ec2Client.class).describeInternetGatewaysPaginator(r -> r.filters(Filter.builder()
                        .name("tag-key").values(Vpc.RUN_ID_TAG).build())).internetGateways().stream()
                .flatMap(g -> g.tags().stream().filter(t -> Vpc.RUN_ID_TAG.equals(t.key()) && runs.includes(t.value()))
                        .map(t -> new Found(t.value(), g.internetGatewayId())))
                .toList();
    }
}
