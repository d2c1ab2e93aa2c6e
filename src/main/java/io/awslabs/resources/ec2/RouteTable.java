package io.awslabs.resources.ec2;

import io.awslabs.resources.Ids;
import io.awslabs.resources.Provisioning;
import io.awslabs.resources.ResourceKind;
import io.awslabs.resources.RunMatcher;
import io.awslabs.resources.Teardown;
import io.awslabs.targets.Target;
import java.util.List;
import software.amazon.awssdk.arns.Arn;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.RouteTableAssociation;

/**
 * A route table of the lab's own in a lab VPC, tagged at creation (the VPC's main table goes with
 * the VPC). EC2 refuses to delete a table that a subnet is still associated with, so deleting
 * first removes its subnet associations; its routes and route propagations go with it.
 */
public final class RouteTable implements ResourceKind {
    public static final RouteTable KIND = new RouteTable();

    private RouteTable() { }

    /** Creates {@code labs-<lab>-<run>-<suffix>} in the VPC and associates it with the subnet; returns its id. */
    public static String createFor(Provisioning p, String vpcId, String subnetId, String suffix) throws Exception {
        Ec2Client ec2 = p.client(Ec2Client.class);
        String id = p.create(KIND, () -> ec2.createRouteTable(r -> r.vpcId(vpcId)
                .tagSpecifications(Ec2Tags.of(p, ResourceType.ROUTE_TABLE, p.name(suffix)))).routeTable().routeTableId());
        ec2.associateRouteTable(r -> r.routeTableId(id).subnetId(subnetId));
        return id;
    }

    /** The table as EC2 describes it now: its routes, associations and propagating gateways. */
    public static software.amazon.awssdk.services.ec2.model.RouteTable describe(Ec2Client ec2, String routeTableId) {
        return ec2.describeRouteTables(r -> r.routeTableIds(routeTableId)).routeTables().get(0);
    }

    @Override
    public String type() {
        return "EC2 route table";
    }

    @Override
    public List<String> actions() {
        return List.of("ec2:CreateRouteTable", "ec2:CreateTags", "ec2:AssociateRouteTable", "ec2:DescribeRouteTables",
                "ec2:DisassociateRouteTable", "ec2:DeleteRouteTable");
    }

    @Override
    public List<String> sweepActions() {
        return List.of("ec2:DescribeRouteTables");
    }

    @Override
    public void delete(Teardown env, String idOrArn) throws Exception {
        Ec2Client ec2 = env.target().client(Ec2Client.class);
        String id = canonicalId(idOrArn);
        for (RouteTableAssociation association : describe(ec2, id).associations()) {
            if (!Boolean.TRUE.equals(association.main())) {
                ec2.disassociateRouteTable(r -> r.associationId(association.routeTableAssociationId()));
            }
        }
        ec2.deleteRouteTable(r -> r.routeTableId(id));
    }

    @Override
    public boolean owns(Arn arn) {
        return Ids.is(arn, "ec2", "route-table");
    }

    @Override
    public List<Found> find(Target target, RunMatcher runs) {
        return target.client(Ec2Client.class).describeRouteTablesPaginator(r -> r.filters(RunTagged.filter()))
                .routeTables().stream()
                .flatMap(t -> RunTagged.found(t.tags(), t.routeTableId(), runs).stream())
                .toList();
    }
}
