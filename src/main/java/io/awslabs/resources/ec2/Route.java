package io.awslabs.resources.ec2;

import io.awslabs.resources.Gone;
import io.awslabs.resources.Provisioning;
import io.awslabs.resources.Relation;
import io.awslabs.resources.ResourceKind;
import io.awslabs.resources.RunMatcher;
import io.awslabs.resources.Teardown;
import io.awslabs.targets.Target;
import java.util.List;
import java.util.function.Consumer;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.CreateRouteRequest;
import software.amazon.awssdk.services.ec2.model.RouteOrigin;

/**
 * A route a lab added to one of its route tables (to a peering connection, a transit gateway, a
 * virtual private gateway): recorded by table and destination, so that it can be deleted before
 * what it points to, and found again in the run's tagged tables.
 */
public final class Route implements ResourceKind {
    public static final Route KIND = new Route();

    /** What the ledger records: the table and the destination CIDR block of the route. */
    public record Destination(String routeTableId, String destinationCidrBlock) { }

    private Route() { }

    /** Adds the route to {@code cidr} through the target {@code via} sets (a gateway, a peering connection). */
    public static Destination create(Provisioning p, String routeTableId, String cidr,
                                     Consumer<CreateRouteRequest.Builder> via) throws Exception {
        Ec2Client ec2 = p.client(Ec2Client.class);
        Destination destination = new Destination(routeTableId, cidr);
        return p.create(KIND, () -> {
            ec2.createRoute(r -> {
                r.routeTableId(routeTableId).destinationCidrBlock(cidr);
                via.accept(r);
            });
            return destination;
        }, Relation::idOf);
    }

    @Override
    public String type() {
        return "EC2 route";
    }

    @Override
    public List<String> actions() {
        return List.of("ec2:CreateRoute", "ec2:DeleteRoute");
    }

    @Override
    public List<String> sweepActions() {
        return List.of("ec2:DescribeRouteTables");
    }

    @Override
    public void delete(Teardown env, String id) throws Exception {
        Destination route = Relation.parse(id, Destination.class);
        Ec2Client ec2 = env.target().client(Ec2Client.class);
        boolean present = RouteTable.describe(ec2, route.routeTableId()).routes().stream()
                .anyMatch(r -> route.destinationCidrBlock().equals(r.destinationCidrBlock()));
        if (!present) {
            throw new Gone("gone.route", route.destinationCidrBlock(), route.routeTableId());
        }
        ec2.deleteRoute(r -> r.routeTableId(route.routeTableId()).destinationCidrBlock(route.destinationCidrBlock()));
    }

    /** The recorded JSON is the id: a CIDR block's slash is not a path separator. */
    @Override
    public String canonicalId(String id) {
        return id;
    }

    @Override
    public List<Found> find(Target target, RunMatcher runs) {
        return target.client(Ec2Client.class).describeRouteTablesPaginator(r -> r.filters(RunTagged.filter()))
                .routeTables().stream()
                .flatMap(t -> RunTagged.found(t.tags(), t.routeTableId(), runs).stream()
                        .flatMap(table -> t.routes().stream()
                                .filter(r -> r.origin() == RouteOrigin.CREATE_ROUTE && r.destinationCidrBlock() != null)
                                .map(r -> new Found(table.runId(),
                                        Relation.idOf(new Destination(t.routeTableId(), r.destinationCidrBlock()))))))
                .toList();
    }
}
