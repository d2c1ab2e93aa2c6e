package io.awslabs.resources.ec2;

import io.awslabs.resources.Gone;
import io.awslabs.resources.Ids;
import io.awslabs.resources.Provisioning;
import io.awslabs.resources.ResourceKind;
import io.awslabs.resources.RunMatcher;
import io.awslabs.resources.Teardown;
import io.awslabs.targets.Target;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.arns.Arn;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.VpcPeeringConnection;
import software.amazon.awssdk.services.ec2.model.VpcPeeringConnectionStateReasonCode;

/**
 * A VPC peering connection requested by a lab VPC, tagged at creation. A connection that was
 * rejected, failed or expired cannot be deleted (EC2 keeps it listed for a while, then drops it):
 * for teardown and the sweep it is already gone.
 */
public final class PeeringConnection implements ResourceKind {
    public static final PeeringConnection KIND = new PeeringConnection();
    private static final Set<VpcPeeringConnectionStateReasonCode> ENDED = Set.of(
            VpcPeeringConnectionStateReasonCode.DELETED, VpcPeeringConnectionStateReasonCode.DELETING,
            VpcPeeringConnectionStateReasonCode.REJECTED, VpcPeeringConnectionStateReasonCode.FAILED,
            VpcPeeringConnectionStateReasonCode.EXPIRED);

    private PeeringConnection() { }

    /** Requests peering from {@code requesterVpcId} to {@code accepterVpcId} (same account and Region); returns its id. */
    public static String request(Provisioning p, String requesterVpcId, String accepterVpcId, String suffix)
            throws Exception {
        Ec2Client ec2 = p.client(Ec2Client.class);
        return p.create(KIND, () -> ec2.createVpcPeeringConnection(r -> r.vpcId(requesterVpcId).peerVpcId(accepterVpcId)
                        .tagSpecifications(Ec2Tags.of(p, ResourceType.VPC_PEERING_CONNECTION, p.name(suffix))))
                .vpcPeeringConnection().vpcPeeringConnectionId());
    }

    public static VpcPeeringConnection describe(Ec2Client ec2, String id) {
        return ec2.describeVpcPeeringConnections(r -> r.vpcPeeringConnectionIds(id)).vpcPeeringConnections().get(0);
    }

    public static VpcPeeringConnectionStateReasonCode stateOf(Ec2Client ec2, String id) {
        return describe(ec2, id).status().code();
    }

    @Override
    public String type() {
        return "EC2 VPC peering connection";
    }

    @Override
    public List<String> actions() {
        return List.of("ec2:CreateVpcPeeringConnection", "ec2:CreateTags", "ec2:DescribeVpcPeeringConnections",
                "ec2:DeleteVpcPeeringConnection");
    }

    @Override
    public List<String> sweepActions() {
        return List.of("ec2:DescribeVpcPeeringConnections");
    }

    @Override
    public void delete(Teardown env, String idOrArn) throws Exception {
        String id = canonicalId(idOrArn);
        if (isGone(env.target(), id)) {
            throw new Gone("gone.inState", stateOf(env.target().client(Ec2Client.class), id));
        }
        env.target().client(Ec2Client.class).deleteVpcPeeringConnection(r -> r.vpcPeeringConnectionId(id));
    }

    @Override
    public boolean isGone(Target target, String idOrArn) {
        return ENDED.contains(stateOf(target.client(Ec2Client.class), canonicalId(idOrArn)));
    }

    @Override
    public boolean owns(Arn arn) {
        return Ids.is(arn, "ec2", "vpc-peering-connection");
    }

    @Override
    public List<Found> find(Target target, RunMatcher runs) {
        return target.client(Ec2Client.class).describeVpcPeeringConnectionsPaginator(r -> r.filters(RunTagged.filter()))
                .vpcPeeringConnections().stream()
                .flatMap(c -> RunTagged.found(c.tags(), c.vpcPeeringConnectionId(), runs).stream())
                .toList();
    }
}
