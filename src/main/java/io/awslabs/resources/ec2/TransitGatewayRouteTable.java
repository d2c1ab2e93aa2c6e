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
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.TransitGatewayAssociationState;
import software.amazon.awssdk.services.ec2.model.TransitGatewayRouteTableAssociation;
import software.amazon.awssdk.services.ec2.model.TransitGatewayRouteTableState;

/**
 * A route table of a lab transit gateway, tagged at creation. EC2 deletes a transit gateway route
 * table only once no attachment is associated with it, so deleting first disassociates its
 * attachments (and waits for that on AWS); its static routes go with it.
 */
public final class TransitGatewayRouteTable implements ResourceKind {
    public static final TransitGatewayRouteTable KIND = new TransitGatewayRouteTable();

    private TransitGatewayRouteTable() { }

    /** Creates the route table and waits until it is available; returns its id. */
    public static String create(Provisioning p, String transitGatewayId, String suffix) throws Exception {
        Ec2Client ec2 = p.client(Ec2Client.class);
        String id = p.create(KIND, () -> ec2.createTransitGatewayRouteTable(r -> r.transitGatewayId(transitGatewayId)
                        .tagSpecifications(Ec2Tags.of(p, ResourceType.TRANSIT_GATEWAY_ROUTE_TABLE, p.name(suffix))))
                .transitGatewayRouteTable().transitGatewayRouteTableId());
        TransitGatewayRouteTableState state = p.waits().until(TeardownWords.phrase("wait.available", id), TransitGateway.STATE_CHANGE,
                TransitGateway.POLL_EVERY, () -> stateOf(ec2, id), s -> s == TransitGatewayRouteTableState.AVAILABLE);
        if (state != TransitGatewayRouteTableState.AVAILABLE) {
            throw new IllegalStateException(id + " still " + state);
        }
        return id;
    }

    /** Associates the attachment with the route table and waits until the association is in force. */
    public static void associate(Provisioning p, String routeTableId, String attachmentId) throws Exception {
        Ec2Client ec2 = p.client(Ec2Client.class);
        ec2.associateTransitGatewayRouteTable(r -> r.transitGatewayRouteTableId(routeTableId)
                .transitGatewayAttachmentId(attachmentId));
        p.waits().until(TeardownWords.phrase("wait.associated", attachmentId, routeTableId), TransitGateway.STATE_CHANGE,
                TransitGateway.POLL_EVERY, () -> associations(ec2, routeTableId).stream()
                        .filter(a -> attachmentId.equals(a.transitGatewayAttachmentId())).map(a -> a.state())
                        .findFirst().orElse(null),
                s -> s == TransitGatewayAssociationState.ASSOCIATED);
    }

    public static List<TransitGatewayRouteTableAssociation> associations(Ec2Client ec2, String routeTableId) {
        return ec2.getTransitGatewayRouteTableAssociationsPaginator(r -> r.transitGatewayRouteTableId(routeTableId))
                .associations().stream().toList();
    }

    static TransitGatewayRouteTableState stateOf(Ec2Client ec2, String id) {
        return ec2.describeTransitGatewayRouteTables(r -> r.transitGatewayRouteTableIds(id))
                .transitGatewayRouteTables().stream().map(t -> t.state()).findFirst()
                .orElse(TransitGatewayRouteTableState.DELETED);
    }

    @Override
    public String type() {
        return "EC2 transit gateway route table";
    }

    @Override
    public List<String> actions() {
        return List.of("ec2:CreateTransitGatewayRouteTable", "ec2:CreateTags", "ec2:AssociateTransitGatewayRouteTable",
                "ec2:GetTransitGatewayRouteTableAssociations", "ec2:DescribeTransitGatewayRouteTables",
                "ec2:DeleteTransitGatewayRouteTable", "ec2:DisassociateTransitGatewayRouteTable");
    }

    @Override
    public List<String> sweepActions() {
        return List.of("ec2:DescribeTransitGatewayRouteTables");
    }

    @Override
    public void delete(Teardown env, String idOrArn) throws Exception {
        Ec2Client ec2 = env.target().client(Ec2Client.class);
        String id = canonicalId(idOrArn);
        for (TransitGatewayRouteTableAssociation association : associations(ec2, id)) {
            ec2.disassociateTransitGatewayRouteTable(r -> r.transitGatewayRouteTableId(id)
                    .transitGatewayAttachmentId(association.transitGatewayAttachmentId()));
        }
        env.waits().until(TeardownWords.phrase("wait.noAssociations", id), TransitGateway.STATE_CHANGE, TransitGateway.POLL_EVERY,
                () -> associations(ec2, id).size(), n -> n == 0);
        ec2.deleteTransitGatewayRouteTable(r -> r.transitGatewayRouteTableId(id));
    }

    @Override
    public boolean isGone(Target target, String idOrArn) {
        TransitGatewayRouteTableState state = stateOf(target.client(Ec2Client.class), canonicalId(idOrArn));
        return state == TransitGatewayRouteTableState.DELETED || state == TransitGatewayRouteTableState.DELETING;
    }

    @Override
    public boolean owns(Arn arn) {
        return Ids.is(arn, "ec2", "transit-gateway-route-table");
    }

    @Override
    public List<Found> find(Target target, RunMatcher runs) {
        return target.client(Ec2Client.class).describeTransitGatewayRouteTablesPaginator(r -> r.filters(
                        RunTagged.filter())).transitGatewayRouteTables().stream()
                .flatMap(t -> RunTagged.found(t.tags(), t.transitGatewayRouteTableId(), runs).stream())
                .toList();
    }
}
