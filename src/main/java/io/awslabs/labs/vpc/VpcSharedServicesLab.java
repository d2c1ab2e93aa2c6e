package io.awslabs.labs.vpc;

import static io.awslabs.targets.EmulatorKind.LOCALSTACK;
import static io.awslabs.targets.EmulatorKind.MOTO;

import io.awslabs.lab.Checks;
import io.awslabs.lab.ExamDomain;
import io.awslabs.lab.Lab;
import io.awslabs.lab.LabContext;
import io.awslabs.lab.LabInfo;
import io.awslabs.lab.Symptom;
import io.awslabs.resources.ec2.NetworkInsightsPath;
import io.awslabs.resources.ec2.NetworkInterface;
import io.awslabs.resources.ec2.PeeringConnection;
import io.awslabs.resources.ec2.Route;
import io.awslabs.resources.ec2.RouteTable;
import io.awslabs.resources.ec2.SecurityGroup;
import io.awslabs.resources.ec2.Subnet;
import io.awslabs.resources.ec2.TransitGateway;
import io.awslabs.resources.ec2.TransitGatewayAttachment;
import io.awslabs.resources.ec2.TransitGatewayRouteTable;
import io.awslabs.resources.ec2.Vpc;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.AcceptVpcPeeringConnectionResponse;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.TransitGatewayRoute;
import software.amazon.awssdk.services.ec2.model.VpcPeeringConnectionStateReasonCode;

/**
 * A shared-services VPC that two application VPCs use, connected twice: first by VPC peering
 * (a request the accepter must accept, routes each VPC adds for itself, no transit through the
 * shared VPC, no overlapping ranges), then by a transit gateway, one hub whose route table joins
 * all three and can drop a range on purpose with a blackhole route.
 */
public final class VpcSharedServicesLab implements Lab {
    static final String SHARED_CIDR = "10.0.0.0/16";
    static final String APP_A_CIDR = "10.1.0.0/16";
    static final String APP_B_CIDR = "10.2.0.0/16";
    /** A range nobody may reach any more (a decommissioned network): dropped at the transit gateway. */
    static final String QUARANTINED_CIDR = "10.99.0.0/16";
    private static final int SERVICE_PORT = 443;
    private static final Duration PEERING_SETTLES = Duration.ofMinutes(2);
    private static final Duration POLL_EVERY = Duration.ofSeconds(5);
    private static final Set<VpcPeeringConnectionStateReasonCode> SETTLING = Set.of(
            VpcPeeringConnectionStateReasonCode.INITIATING_REQUEST, VpcPeeringConnectionStateReasonCode.PROVISIONING);

    private LabVpc shared;
    private LabVpc appA;
    private LabVpc appB;
    private LabVpc newcomer;
    private String eniShared;
    private String eniA;
    private String eniB;
    private String sharedToA;
    private String sharedToB;
    private String aToB;
    private String transitGateway;
    private String transitRouteTable;
    private Map<String, String> attachmentOfVpc;

    @Override
    public LabInfo info() {
        return LabInfo.of("vpc-shared-services", "A shared-services VPC: peering versus a transit gateway")
                .exam(ExamDomain.SECURE, "1.2 Design secure workloads and applications")
                .concept("A shared-services VPC holds what every application needs once (directory, logging, "
                        + "monitoring, security tools), and the application VPCs connect to it. VPC peering connects "
                        + "two VPCs: the accepter must accept the request, each side adds its own routes, the ranges "
                        + "may not overlap, and a peering is not transitive: app A peered with shared services and "
                        + "shared services peered with app B does not connect A to B. A transit gateway is a regional "
                        + "hub: each VPC attaches once, and the hub's route tables decide who reaches whom, with "
                        + "static routes and blackhole routes that drop a range.")
                .examAngle("Many VPCs must use central services: peering (no transit, a full mesh of n(n-1)/2 "
                        + "connections to join everyone, no overlapping CIDRs, no data-processing charge) or a transit "
                        + "gateway (hub and spoke, transitive by its route tables, per-attachment hourly and per-GB "
                        + "charges)? Why can A not reach B through the shared VPC? What does a peering request look "
                        + "like before it is accepted?")
                .services("ec2")
                .costPerRunUsd(0.35, "two Reachability Analyzer analyses at $0.10 each; three transit gateway VPC "
                        + "attachments at about $0.05 an hour each for the quarter of an hour a run takes (the "
                        + "attachments and the gateway take minutes to become available and to be deleted); VPCs, "
                        + "subnets, route tables, network interfaces and peering connections cost nothing without "
                        + "traffic (aws.amazon.com/transit-gateway/pricing, aws.amazon.com/vpc/pricing)")
                .provisions(NetworkInsightsPath.KIND, NetworkInterface.KIND, PeeringConnection.KIND, Route.KIND,
                        RouteTable.KIND, SecurityGroup.KIND, Subnet.KIND, TransitGateway.KIND,
                        TransitGatewayAttachment.KIND, TransitGatewayRouteTable.KIND, Vpc.KIND)
                .calls("ec2:AcceptVpcPeeringConnection", "ec2:AuthorizeSecurityGroupIngress",
                        "ec2:CreateTransitGatewayRoute", "ec2:DescribeAvailabilityZones",
                        "ec2:RejectVpcPeeringConnection", "ec2:SearchTransitGatewayRoutes",
                        "ec2:StartNetworkInsightsAnalysis")
                .creates("four VPCs tagged with the run id: shared services " + SHARED_CIDR + ", app A " + APP_A_CIDR
                                + ", app B " + APP_B_CIDR + ", and a newcomer that reuses " + APP_A_CIDR + ", each with "
                                + "a /24 subnet and a route table of its own",
                        "a security group allowing TCP " + SERVICE_PORT + " from 10.0.0.0/8 and a network interface in "
                                + "the shared, A and B subnets (the end points of the reachability analyses)",
                        "peering requests shared->A and shared->B (accepted), A->B (rejected) and newcomer->A "
                                + "(overlapping)",
                        "a transit gateway without default route table, its three VPC attachments, one route table "
                                + "associated with all three, a static route to each VPC and a blackhole route for "
                                + QUARANTINED_CIDR,
                        "on AWS only: two Reachability Analyzer paths and their analyses")
                .asserts("peering-pending-until-accepted",
                        "A peering request shared->A is pending-acceptance until the accepter accepts it; then it is "
                                + "active")
                .asserts("rejected-peering-cannot-be-accepted",
                        "A peering request A->B that the accepter rejects is rejected and can no longer be accepted "
                                + "(InvalidStateTransition), while the pending request shared->B is accepted")
                .asserts("peering-routes-per-vpc",
                        "An active peering adds no route: each VPC routes the other's CIDR through the peering "
                                + "connection only once a route is added to its own table, and A gets no route to B")
                .asserts("peering-not-transitive",
                        "Peering is not transitive: Reachability Analyzer finds a path from A's network interface to "
                                + "the shared VPC's, and none from A's to B's through the shared VPC")
                .asserts("overlapping-cidrs-cannot-peer",
                        "A peering request between VPCs whose CIDR blocks overlap ends failed, where the request "
                                + "between non-overlapping VPCs did not")
                .asserts("transit-gateway-joins-all-three",
                        "One transit gateway route table associated with the three VPC attachments, with a static "
                                + "route to each VPC's CIDR (SearchTransitGatewayRoutes: active), connects every VPC "
                                + "to every other: A's and B's route tables send each other's CIDR to the transit "
                                + "gateway")
                .asserts("transit-gateway-routes-name-their-attachment",
                        "Each static route of the transit gateway route table names the attachment it sends the "
                                + "VPC's CIDR to: that VPC's own attachment")
                .asserts("transit-gateway-blackhole-route",
                        "A blackhole static route drops a range at the transit gateway: SearchTransitGatewayRoutes "
                                + "shows it in state blackhole next to the active static routes, and the filter "
                                + "state=blackhole finds it alone")
                .awsOnly("peering-not-transitive", "no emulator has Reachability Analyzer (moto/ec2/responses has no "
                        + "network insights handler in moto 5.2.5 nor in LocalStack's moto-ext 5.1.24), and none "
                        + "forwards packets; the route tables of peering-routes-per-vpc show what A may route")
                .gap(MOTO, "overlapping-cidrs-cannot-peer",
                        Symptom.checkFails("state of the overlapping request", "pending-acceptance"),
                        "moto accepts a peering request between overlapping CIDR blocks as pending-acceptance; AWS "
                                + "ends it failed",
                        "moto/ec2/models/vpc_peering_connections.py create_vpc_peering_connection calls "
                                + "_status.pending() without comparing CIDR blocks (moto 5.2.5)")
                .gap(LOCALSTACK, "overlapping-cidrs-cannot-peer",
                        Symptom.checkFails("state of the overlapping request", "pending-acceptance"),
                        "LocalStack's EC2 is moto's: the overlapping request is pending-acceptance; AWS ends it failed",
                        "moto/ec2/models/vpc_peering_connections.py create_vpc_peering_connection (moto-ext 5.1.24 "
                                + "in localstack-core 4.14.0)")
                .gap(MOTO, "transit-gateway-routes-name-their-attachment",
                        Symptom.checkFails("attachment of each static route", "none"),
                        "moto's SearchTransitGatewayRoutes returns static routes without their TransitGatewayAttachments",
                        "moto/ec2/models/transit_gateway_route_tables.py create_transit_gateway_route stores "
                                + "transitGatewayAttachments as one dict where the API has a list, which "
                                + "responses/transit_gateway_route_tables.py search_transit_gateway_routes serializes "
                                + "as nothing (moto 5.2.5)")
                .gap(LOCALSTACK, "transit-gateway-routes-name-their-attachment",
                        Symptom.checkFails("attachment of each static route", "none"),
                        "LocalStack's EC2 is moto's: SearchTransitGatewayRoutes returns static routes without their "
                                + "TransitGatewayAttachments",
                        "moto/ec2/models/transit_gateway_route_tables.py create_transit_gateway_route (moto-ext 5.1.24 "
                                + "in localstack-core 4.14.0)")
                .note("On AWS the transit gateway and each attachment take minutes to become available, and "
                        + "minutes to be deleted: provisioning and teardown wait for them (the kit's Wait, every 15 s, "
                        + "up to 15 min each); on an emulator they are available at once.")
                .note("Reachability Analyzer costs $0.10 per analysis; the lab runs two on AWS "
                        + "(aws.amazon.com/vpc/pricing).")
                .note("The transit gateway is created with default route table association and propagation "
                        + "disabled, so that the one route table the lab makes is the only one the attachments use.")
                .note("A rejected peering request stays listed for a while and cannot be deleted; a failed one "
                        + "likewise (docs.aws.amazon.com/vpc/latest/peering/vpc-peering-basics.html).")
                .source("https://docs.aws.amazon.com/vpc/latest/peering/vpc-peering-basics.html")
                .source("https://docs.aws.amazon.com/vpc/latest/peering/invalid-peering-configurations.html")
                .source("https://docs.aws.amazon.com/vpc/latest/peering/vpc-peering-routing.html")
                .source("https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateVpcPeeringConnection.html")
                .source("https://docs.aws.amazon.com/vpc/latest/tgw/tgw-route-tables.html")
                .source("https://docs.aws.amazon.com/vpc/latest/tgw/tgw-transit-gateways.html")
                .source("https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_SearchTransitGatewayRoutes.html")
                .source("https://docs.aws.amazon.com/vpc/latest/reachability/what-is-reachability-analyzer.html")
                .source("https://docs.aws.amazon.com/whitepapers/latest/building-scalable-secure-multi-vpc-network-infrastructure/centralized-access-to-vpc-private-endpoints.html");
    }

    @Override
    public void provision(LabContext ctx) throws Exception {
        Ec2Client ec2 = ctx.client(Ec2Client.class);
        String zone = LabVpc.firstZone(ec2);
        shared = LabVpc.create(ctx, "shared", SHARED_CIDR, zone);
        appA = LabVpc.create(ctx, "app-a", APP_A_CIDR, zone);
        appB = LabVpc.create(ctx, "app-b", APP_B_CIDR, zone);
        newcomer = LabVpc.create(ctx, "newcomer", APP_A_CIDR, zone);
        eniShared = serviceEndpoint(ctx, shared);
        eniA = serviceEndpoint(ctx, appA);
        eniB = serviceEndpoint(ctx, appB);

        sharedToA = PeeringConnection.request(ctx, shared.vpcId(), appA.vpcId(), "shared-to-a");
        sharedToB = PeeringConnection.request(ctx, shared.vpcId(), appB.vpcId(), "shared-to-b");
        aToB = PeeringConnection.request(ctx, appA.vpcId(), appB.vpcId(), "a-to-b");

        transitGateway = TransitGateway.create(ctx, "hub");
        attachmentOfVpc = new TreeMap<>();
        for (LabVpc vpc : List.of(shared, appA, appB)) {
            attachmentOfVpc.put(vpc.vpcId(), TransitGatewayAttachment.attachVpc(ctx, transitGateway, vpc.vpcId(),
                    List.of(vpc.subnetId()), vpc.role()));
        }
        transitRouteTable = TransitGatewayRouteTable.create(ctx, transitGateway, "hub");
        for (LabVpc vpc : List.of(shared, appA, appB)) {
            String attachment = attachmentOfVpc.get(vpc.vpcId());
            TransitGatewayRouteTable.associate(ctx, transitRouteTable, attachment);
            ec2.createTransitGatewayRoute(r -> r.transitGatewayRouteTableId(transitRouteTable)
                    .destinationCidrBlock(vpc.cidr()).transitGatewayAttachmentId(attachment));
        }
        ec2.createTransitGatewayRoute(r -> r.transitGatewayRouteTableId(transitRouteTable)
                .destinationCidrBlock(QUARANTINED_CIDR).blackhole(true));
    }

    /** A network interface in the VPC's subnet whose security group admits the service port from 10.0.0.0/8. */
    private static String serviceEndpoint(LabContext ctx, LabVpc vpc) throws Exception {
        Ec2Client ec2 = ctx.client(Ec2Client.class);
        String group = SecurityGroup.create(ctx, vpc.vpcId(), vpc.role() + "-service",
                "TCP " + SERVICE_PORT + " from the lab's private ranges");
        ec2.authorizeSecurityGroupIngress(r -> r.groupId(group).ipPermissions(p -> p.ipProtocol("tcp")
                .fromPort(SERVICE_PORT).toPort(SERVICE_PORT).ipRanges(i -> i.cidrIp("10.0.0.0/8"))));
        return NetworkInterface.create(ctx, vpc.subnetId(), List.of(group), vpc.role() + "-service");
    }

    @Override
    public void verify(LabContext ctx, Checks check) {
        Ec2Client ec2 = ctx.client(Ec2Client.class);

        check.that("peering-pending-until-accepted", p -> {
            VpcPeeringConnectionStateReasonCode before = settled(ctx, ec2, sharedToA);
            p.evidence("peeringConnection", sharedToA).evidence("requester", shared.vpcId() + " " + SHARED_CIDR)
                    .evidence("accepter", appA.vpcId() + " " + APP_A_CIDR);
            p.equal("state before the accepter acts", VpcPeeringConnectionStateReasonCode.PENDING_ACCEPTANCE, before);
            AcceptVpcPeeringConnectionResponse accepted = ec2.acceptVpcPeeringConnection(r -> r
                    .vpcPeeringConnectionId(sharedToA));
            p.call("ec2:AcceptVpcPeeringConnection", accepted);
            p.equal("state after AcceptVpcPeeringConnection", VpcPeeringConnectionStateReasonCode.ACTIVE,
                    settled(ctx, ec2, sharedToA));
        });

        check.that("rejected-peering-cannot-be-accepted", p -> {
            p.equal("state of the request shared->B", VpcPeeringConnectionStateReasonCode.PENDING_ACCEPTANCE,
                    settled(ctx, ec2, sharedToB));
            p.call("ec2:AcceptVpcPeeringConnection(shared->B)",
                    ec2.acceptVpcPeeringConnection(r -> r.vpcPeeringConnectionId(sharedToB)));
            p.equal("state of shared->B after accepting", VpcPeeringConnectionStateReasonCode.ACTIVE,
                    settled(ctx, ec2, sharedToB));
            p.equal("state of the request A->B", VpcPeeringConnectionStateReasonCode.PENDING_ACCEPTANCE,
                    settled(ctx, ec2, aToB));
            p.call("ec2:RejectVpcPeeringConnection(A->B)",
                    ec2.rejectVpcPeeringConnection(r -> r.vpcPeeringConnectionId(aToB)));
            p.equal("state of A->B after rejecting", VpcPeeringConnectionStateReasonCode.REJECTED,
                    settled(ctx, ec2, aToB));
            Ec2Exception refused = p.throwsA("accepting the rejected request A->B is refused", Ec2Exception.class,
                    () -> ec2.acceptVpcPeeringConnection(r -> r.vpcPeeringConnectionId(aToB)));
            p.error("ec2:AcceptVpcPeeringConnection(A->B)", refused);
            p.equal("error code", "InvalidStateTransition", refused.awsErrorDetails().errorCode());
        });

        check.that("peering-routes-per-vpc", p -> {
            p.isTrue("A's route table has no route to the shared VPC before one is added",
                    appA.routeTo(ec2, SHARED_CIDR).isEmpty(), appA.routeTo(ec2, SHARED_CIDR));
            Route.create(ctx, shared.routeTableId(), APP_A_CIDR, r -> r.vpcPeeringConnectionId(sharedToA));
            Route.create(ctx, appA.routeTableId(), SHARED_CIDR, r -> r.vpcPeeringConnectionId(sharedToA));
            Route.create(ctx, shared.routeTableId(), APP_B_CIDR, r -> r.vpcPeeringConnectionId(sharedToB));
            Route.create(ctx, appB.routeTableId(), SHARED_CIDR, r -> r.vpcPeeringConnectionId(sharedToB));
            Map<String, String> routes = Map.of(
                    "shared -> " + APP_A_CIDR, peeringOf(shared.routeTo(ec2, APP_A_CIDR)),
                    "shared -> " + APP_B_CIDR, peeringOf(shared.routeTo(ec2, APP_B_CIDR)),
                    "A -> " + SHARED_CIDR, peeringOf(appA.routeTo(ec2, SHARED_CIDR)),
                    "B -> " + SHARED_CIDR, peeringOf(appB.routeTo(ec2, SHARED_CIDR)));
            p.evidence("routes", new TreeMap<>(routes));
            p.equal("peering connection of each route", new TreeMap<>(Map.of(
                    "shared -> " + APP_A_CIDR, sharedToA + " active", "shared -> " + APP_B_CIDR, sharedToB + " active",
                    "A -> " + SHARED_CIDR, sharedToA + " active", "B -> " + SHARED_CIDR, sharedToB + " active")),
                    new TreeMap<>(routes));
            p.isTrue("A's route table has no route to B", appA.routeTo(ec2, APP_B_CIDR).isEmpty(),
                    appA.routeTo(ec2, APP_B_CIDR));
        });

        check.that("peering-not-transitive", p -> {
            ReachabilityAnalysis toShared = ReachabilityAnalysis.between(ctx, eniA, eniShared, SERVICE_PORT, "a-to-shared");
            ReachabilityAnalysis toB = ReachabilityAnalysis.between(ctx, eniA, eniB, SERVICE_PORT, "a-to-b");
            p.evidence("A -> shared", toShared).evidence("A -> B", toB);
            p.equal("A -> shared: NetworkPathFound", true, toShared.pathFound());
            p.equal("A -> B: analysis status", "succeeded", String.valueOf(toB.status()));
            p.equal("A -> B: NetworkPathFound", false, toB.pathFound());
        });

        check.that("overlapping-cidrs-cannot-peer", p -> {
            p.evidence("newcomer", newcomer.vpcId() + " " + newcomer.cidr()).evidence("appA", appA.vpcId() + " "
                    + appA.cidr());
            String overlapping = PeeringConnection.request(ctx, newcomer.vpcId(), appA.vpcId(), "newcomer-to-a");
            VpcPeeringConnectionStateReasonCode control = PeeringConnection.stateOf(ec2, sharedToA);
            p.evidence("peeringConnection", overlapping)
                    .evidence("statusMessage", PeeringConnection.describe(ec2, overlapping).status().message());
            p.isTrue("the non-overlapping request shared->A did not fail",
                    control != VpcPeeringConnectionStateReasonCode.FAILED, control);
            p.equal("state of the overlapping request", VpcPeeringConnectionStateReasonCode.FAILED,
                    settled(ctx, ec2, overlapping));
        });

        check.that("transit-gateway-joins-all-three", p -> {
            Map<String, String> associated = TransitGatewayRouteTable.associations(ec2, transitRouteTable).stream()
                    .collect(Collectors.toMap(a -> a.resourceId(), a -> a.transitGatewayAttachmentId() + " "
                            + a.state(), (x, y) -> x + ", " + y, TreeMap::new));
            p.evidence("transitGateway", transitGateway).evidence("routeTable", transitRouteTable);
            p.equal("attachments associated with the route table, by VPC", expectedAssociations(), associated);
            p.equal("state of the static route to each VPC", statesOfVpcRoutes("active"),
                    statesOfVpcRoutes(searchRoutes(ec2, "type", "static")));
            Route.create(ctx, appA.routeTableId(), APP_B_CIDR, r -> r.transitGatewayId(transitGateway));
            Route.create(ctx, appB.routeTableId(), APP_A_CIDR, r -> r.transitGatewayId(transitGateway));
            p.equal("A's route to B", transitGateway + " active", transitOf(appA.routeTo(ec2, APP_B_CIDR)));
            p.equal("B's route to A", transitGateway + " active", transitOf(appB.routeTo(ec2, APP_A_CIDR)));
        });

        check.that("transit-gateway-routes-name-their-attachment", p -> {
            Map<String, String> staticRoutes = routesByCidr(searchRoutes(ec2, "type", "static"));
            p.evidence("staticRoutes", staticRoutes);
            p.equal("attachment of each static route", expectedVpcRoutes(), new TreeMap<>(staticRoutes.entrySet()
                    .stream().filter(e -> !e.getKey().equals(QUARANTINED_CIDR))
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue))));
        });

        check.that("transit-gateway-blackhole-route", p -> {
            Map<String, String> states = statesOfRoutes(searchRoutes(ec2, "type", "static"));
            p.evidence("staticRouteStates", states);
            p.equal("state of the route to " + QUARANTINED_CIDR, "blackhole", states.get(QUARANTINED_CIDR));
            p.equal("the active static routes next to it", expectedVpcRoutes().keySet(),
                    states.entrySet().stream().filter(e -> "active".equals(e.getValue())).map(Map.Entry::getKey)
                            .collect(Collectors.toCollection(TreeSet::new)));
            p.equal("routes found with the filter state=blackhole", List.of(QUARANTINED_CIDR),
                    searchRoutes(ec2, "state", "blackhole").stream().map(TransitGatewayRoute::destinationCidrBlock)
                            .toList());
        });
    }

    /** The state once EC2 is done initiating or provisioning it (at once on an emulator, seconds on AWS). */
    private static VpcPeeringConnectionStateReasonCode settled(LabContext ctx, Ec2Client ec2, String peering)
            throws Exception {
        return ctx.waits().until(ctx.words("wait.peeringSettles", peering), PEERING_SETTLES, POLL_EVERY,
                () -> PeeringConnection.stateOf(ec2, peering), s -> !SETTLING.contains(s));
    }

    private List<TransitGatewayRoute> searchRoutes(Ec2Client ec2, String filter, String value) {
        return ec2.searchTransitGatewayRoutes(r -> r.transitGatewayRouteTableId(transitRouteTable)
                .filters(Filter.builder().name(filter).values(value).build())).routes();
    }

    /** "state via attachment" by destination CIDR. */
    private static Map<String, String> routesByCidr(List<TransitGatewayRoute> routes) {
        return routes.stream().collect(Collectors.toMap(TransitGatewayRoute::destinationCidrBlock,
                r -> r.stateAsString() + " via " + (r.transitGatewayAttachments().isEmpty() ? "none"
                        : r.transitGatewayAttachments().get(0).transitGatewayAttachmentId()),
                (x, y) -> x, TreeMap::new));
    }

    private Map<String, String> expectedAssociations() {
        Map<String, String> expected = new TreeMap<>();
        attachmentOfVpc.forEach((vpc, attachment) -> expected.put(vpc, attachment + " associated"));
        return expected;
    }

    /** The state of the route to each VPC's CIDR: as found, or all {@code state} for the expectation. */
    private static Map<String, String> statesOfVpcRoutes(String state) {
        Map<String, String> states = new TreeMap<>();
        List.of(SHARED_CIDR, APP_A_CIDR, APP_B_CIDR).forEach(cidr -> states.put(cidr, state));
        return states;
    }

    private static Map<String, String> statesOfVpcRoutes(List<TransitGatewayRoute> routes) {
        Map<String, String> states = statesOfRoutes(routes);
        states.remove(QUARANTINED_CIDR);
        return states;
    }

    private static Map<String, String> statesOfRoutes(List<TransitGatewayRoute> routes) {
        Map<String, String> states = new TreeMap<>();
        routes.forEach(r -> states.put(r.destinationCidrBlock(), r.stateAsString()));
        return states;
    }

    private Map<String, String> expectedVpcRoutes() {
        Map<String, String> expected = new TreeMap<>();
        for (LabVpc vpc : List.of(shared, appA, appB)) {
            expected.put(vpc.cidr(), "active via " + attachmentOfVpc.get(vpc.vpcId()));
        }
        return expected;
    }

    private static String peeringOf(Optional<software.amazon.awssdk.services.ec2.model.Route> route) {
        return route.map(r -> r.vpcPeeringConnectionId() + " " + r.stateAsString()).orElse("no route");
    }

    private static String transitOf(Optional<software.amazon.awssdk.services.ec2.model.Route> route) {
        return route.map(r -> r.transitGatewayId() + " " + r.stateAsString()).orElse("no route");
    }
}
