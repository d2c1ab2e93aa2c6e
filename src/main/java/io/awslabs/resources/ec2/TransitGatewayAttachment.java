package io.awslabs.resources.ec2;

import io.awslabs.resources.Ids;
import io.awslabs.resources.Provisioning;
import io.awslabs.resources.ResourceKind;
import io.awslabs.resources.RunMatcher;
import io.awslabs.resources.Teardown;
import io.awslabs.resources.TeardownWords;
import io.awslabs.targets.Target;
import java.util.List;
import software.amazon.awssdk.arns.Arn;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.TransitGatewayAttachmentState;

/**
 * A VPC attachment of a lab transit gateway, tagged at creation: the gateway places a network
 * interface in each of its subnets, so the subnets and the VPC can be deleted only once the
 * attachment is deleted, which takes minutes on AWS, as becoming available does.
 */
public final class TransitGatewayAttachment implements ResourceKind {
    public static final TransitGatewayAttachment KIND = new TransitGatewayAttachment();

    private TransitGatewayAttachment() { }

    /** Attaches the VPC through these subnets and waits until the attachment is available; returns its id. */
    public static String attachVpc(Provisioning p, String transitGatewayId, String vpcId, List<String> subnetIds,
                                   String suffix) throws Exception {
        Ec2Client ec2 = p.client(Ec2Client.class);
        String id = p.create(KIND, () -> ec2.createTransitGatewayVpcAttachment(r -> r.transitGatewayId(transitGatewayId)
                        .vpcId(vpcId).subnetIds(subnetIds)
                        .tagSpecifications(Ec2Tags.of(p, ResourceType.TRANSIT_GATEWAY_ATTACHMENT, p.name(suffix))))
                .transitGatewayVpcAttachment().transitGatewayAttachmentId());
        TransitGatewayAttachmentState state = p.waits().until(TeardownWords.phrase("wait.available", id), TransitGateway.STATE_CHANGE,
                TransitGateway.POLL_EVERY, () -> stateOf(ec2, id), s -> s == TransitGatewayAttachmentState.AVAILABLE);
        if (state != TransitGatewayAttachmentState.AVAILABLE) {
            throw new IllegalStateException(id + " still " + state + " after "
                    + TransitGateway.STATE_CHANGE.toMinutes() + " min");
        }
        return id;
    }

    static TransitGatewayAttachmentState stateOf(Ec2Client ec2, String id) {
        return ec2.describeTransitGatewayVpcAttachments(r -> r.transitGatewayAttachmentIds(id))
                .transitGatewayVpcAttachments().stream().map(a -> a.state()).findFirst()
                .orElse(TransitGatewayAttachmentState.DELETED);
    }

    @Override
    public String type() {
        return "EC2 transit gateway VPC attachment";
    }

    @Override
    public List<String> actions() {
        return List.of("ec2:CreateTransitGatewayVpcAttachment", "ec2:CreateTags",
                "ec2:DescribeTransitGatewayVpcAttachments", "ec2:DeleteTransitGatewayVpcAttachment");
    }

    @Override
    public List<String> sweepActions() {
        return List.of("ec2:DescribeTransitGateways", "ec2:DescribeTransitGatewayVpcAttachments");
    }

    @Override
    public void delete(Teardown env, String idOrArn) throws Exception {
        Ec2Client ec2 = env.target().client(Ec2Client.class);
        String id = canonicalId(idOrArn);
        ec2.deleteTransitGatewayVpcAttachment(r -> r.transitGatewayAttachmentId(id));
        env.waits().until(TeardownWords.phrase("wait.deleted", id), TransitGateway.STATE_CHANGE, TransitGateway.POLL_EVERY,
                () -> stateOf(ec2, id), s -> s == TransitGatewayAttachmentState.DELETED);
    }

    @Override
    public boolean isGone(Target target, String idOrArn) {
        TransitGatewayAttachmentState state = stateOf(target.client(Ec2Client.class), canonicalId(idOrArn));
        return state == TransitGatewayAttachmentState.DELETED || state == TransitGatewayAttachmentState.DELETING;
    }

    @Override
    public boolean owns(Arn arn) {
        return Ids.is(arn, "ec2", "transit-gateway-attachment");
    }

    /**
     * The VPC attachments of the run's transit gateways: moto drops an attachment's tags (it reads
     * the TagSpecifications of a transit gateway route table instead), so the gateway's tag is
     * what ties an attachment to its run.
     */
    @Override
    public List<Found> find(Target target, RunMatcher runs) {
        Ec2Client ec2 = target.client(Ec2Client.class);
        return TransitGateway.KIND.find(target, runs).stream()
                .flatMap(gateway -> ec2.describeTransitGatewayVpcAttachmentsPaginator(r -> r.filters(Filter.builder()
                                .name("transit-gateway-id").values(gateway.id()).build()))
                        .transitGatewayVpcAttachments().stream()
                        .filter(a -> gateway.id().equals(a.transitGatewayId()))
                        .map(a -> new Found(gateway.runId(), a.transitGatewayAttachmentId())))
                .toList();
    }
}
