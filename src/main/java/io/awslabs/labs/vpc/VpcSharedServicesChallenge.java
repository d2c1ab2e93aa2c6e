package io.awslabs.labs.vpc;

import io.awslabs.lab.Challenge;
import io.awslabs.lab.ChallengeChecks;
import io.awslabs.lab.ChallengeInfo;
import io.awslabs.lab.LabContext;
import io.awslabs.lab.Scaffold;
import io.awslabs.resources.ec2.PeeringConnection;
import io.awslabs.resources.ec2.Route;
import io.awslabs.resources.ec2.RouteTable;
import io.awslabs.resources.ec2.Vpc;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.VpcPeeringConnection;
import software.amazon.awssdk.services.ec2.model.VpcPeeringConnectionStateReasonCode;

/**
 * The learner connects app A to the shared-services VPC by peering: the request, its acceptance,
 * and a route on each side; app B stays out of A's reach. The checks read the peering connection
 * between the two VPCs and both route tables, as the network would use them.
 */
public final class VpcSharedServicesChallenge implements Challenge {
    static final String SHARED = "shared-vpc";
    static final String APP_A = "app-a-vpc";
    static final String APP_B = "app-b-vpc";
    static final String SHARED_TABLE = "shared-route-table";
    static final String APP_A_TABLE = "app-a-route-table";
    static final String RUN_ID = "run-id";

    @Override
    public String labId() {
        return "vpc-shared-services";
    }

    @Override
    public ChallengeInfo info() {
        return ChallengeInfo.goal("App A (" + VpcSharedServicesLab.APP_A_CIDR + ") uses the shared-services VPC ("
                        + VpcSharedServicesLab.SHARED_CIDR + "): the two VPCs are joined by an active VPC peering "
                        + "connection, the shared VPC's route table sends app A's range through it and app A's route "
                        + "table sends the shared range through it. App B (" + VpcSharedServicesLab.APP_B_CIDR + ") "
                        + "must stay out of app A's reach. Tag what you create with labs:run-id (see 'run-id' below).")
                .creates("three VPCs tagged with the run id: shared services " + VpcSharedServicesLab.SHARED_CIDR
                        + ", app A " + VpcSharedServicesLab.APP_A_CIDR + " and app B " + VpcSharedServicesLab.APP_B_CIDR
                        + ", each with a /24 subnet associated with a route table of its own")
                .resource(SHARED, "the shared-services VPC, {0}")
                .resource(APP_A, "app A's VPC, {0}")
                .resource(APP_B, "app B's VPC, {0}")
                .resource(SHARED_TABLE, "the route table of the shared VPC's subnet")
                .resource(APP_A_TABLE, "the route table of app A's subnet")
                .check("peering-active",
                        "An active VPC peering connection joins the shared-services VPC and app A")
                .check("routes-both-ways",
                        "The shared VPC's route table sends app A's CIDR, and app A's route table sends the shared "
                                + "CIDR, through that peering connection")
                .check("app-a-has-no-route-to-app-b",
                        "App A's route table reaches the shared VPC but has no route to app B's CIDR, and no active "
                                + "peering connection joins A and B")
                .hints("VPC peering: one VPC requests, the other accepts, and each VPC's route table needs a route to "
                                + "the other's CIDR through the peering connection; peering is not transitive.",
                        "The EC2 API calls CreateVpcPeeringConnection (VpcId: the shared VPC, PeerVpcId: app A), "
                                + "AcceptVpcPeeringConnection, and CreateRoute (VpcPeeringConnectionId) in each of the "
                                + "two route tables.");
    }

    @Override
    public void scaffold(LabContext ctx, Scaffold.Builder scaffold) throws Exception {
        String zone = LabVpc.firstZone(ctx.client(Ec2Client.class));
        LabVpc shared = LabVpc.create(ctx, "shared", VpcSharedServicesLab.SHARED_CIDR, zone);
        LabVpc appA = LabVpc.create(ctx, "app-a", VpcSharedServicesLab.APP_A_CIDR, zone);
        LabVpc appB = LabVpc.create(ctx, "app-b", VpcSharedServicesLab.APP_B_CIDR, zone);
        scaffold.item(SHARED, Vpc.KIND.type(), shared.vpcId(), null, VpcSharedServicesLab.SHARED_CIDR)
                .item(APP_A, Vpc.KIND.type(), appA.vpcId(), null, VpcSharedServicesLab.APP_A_CIDR)
                .item(APP_B, Vpc.KIND.type(), appB.vpcId(), null, VpcSharedServicesLab.APP_B_CIDR)
                .item(SHARED_TABLE, RouteTable.KIND.type(), shared.routeTableId(), null)
                .item(APP_A_TABLE, RouteTable.KIND.type(), appA.routeTableId(), null)
                .value(RUN_ID, ctx.runId());
    }

    @Override
    public void check(LabContext ctx, Scaffold scaffold, ChallengeChecks check) {
        Ec2Client ec2 = ctx.client(Ec2Client.class);
        String shared = scaffold.id(SHARED);
        String appA = scaffold.id(APP_A);
        String appB = scaffold.id(APP_B);

        check.that("peering-active", p -> {
            Optional<VpcPeeringConnection> peering = peeringBetween(ec2, shared, appA);
            p.evidence("peeringConnections", describeAll(ec2, shared, appA));
            p.isTrue("a peering connection joins the two VPCs", peering.isPresent(), "none",
                    ctx.words("fail.sharedNoPeering", shared, appA));
            p.equal("its state", VpcPeeringConnectionStateReasonCode.ACTIVE, peering.get().status().code(),
                    ctx.words("fail.sharedPeeringNotActive", peering.get().vpcPeeringConnectionId(),
                            peering.get().status().codeAsString()));
        });

        check.that("routes-both-ways", p -> {
            String peering = peeringBetween(ec2, shared, appA).map(VpcPeeringConnection::vpcPeeringConnectionId)
                    .orElse("none");
            String toA = peeringRoute(ec2, scaffold.id(SHARED_TABLE), VpcSharedServicesLab.APP_A_CIDR);
            String toShared = peeringRoute(ec2, scaffold.id(APP_A_TABLE), VpcSharedServicesLab.SHARED_CIDR);
            p.evidence("peeringConnection", peering).evidence("sharedToA", toA).evidence("aToShared", toShared);
            p.equal("shared route table: " + VpcSharedServicesLab.APP_A_CIDR, peering, toA,
                    ctx.words("fail.sharedNoRouteToA", VpcSharedServicesLab.APP_A_CIDR, toA));
            p.equal("app A route table: " + VpcSharedServicesLab.SHARED_CIDR, peering, toShared,
                    ctx.words("fail.sharedNoRouteFromA", VpcSharedServicesLab.SHARED_CIDR, toShared));
        });

        check.that("app-a-has-no-route-to-app-b", p -> {
            String toShared = peeringRoute(ec2, scaffold.id(APP_A_TABLE), VpcSharedServicesLab.SHARED_CIDR);
            String toB = peeringRoute(ec2, scaffold.id(APP_A_TABLE), VpcSharedServicesLab.APP_B_CIDR);
            p.evidence("aToShared", toShared).evidence("aToB", toB);
            p.isTrue("app A routes the shared range", !"no route".equals(toShared), toShared,
                    ctx.words("fail.sharedNothingToIsolate"));
            p.equal("app A route table: " + VpcSharedServicesLab.APP_B_CIDR, "no route", toB,
                    ctx.words("fail.sharedRouteToB", toB));
            Optional<VpcPeeringConnection> aToB = peeringBetween(ec2, appA, appB)
                    .filter(c -> c.status().code() == VpcPeeringConnectionStateReasonCode.ACTIVE);
            p.isTrue("no active peering joins A and B", aToB.isEmpty(), aToB.map(c -> c.vpcPeeringConnectionId()),
                    ctx.words("fail.sharedPeeringAToB"));
        });
    }

    /** The lab's own steps: its peering request, the accepter's acceptance, and a route on each side. */
    @Override
    public void solve(LabContext ctx, Scaffold scaffold) throws Exception {
        Ec2Client ec2 = ctx.client(Ec2Client.class);
        String peering = PeeringConnection.request(ctx, scaffold.id(SHARED), scaffold.id(APP_A), "shared-to-a");
        ec2.acceptVpcPeeringConnection(r -> r.vpcPeeringConnectionId(peering));
        Route.create(ctx, scaffold.id(SHARED_TABLE), VpcSharedServicesLab.APP_A_CIDR,
                r -> r.vpcPeeringConnectionId(peering));
        Route.create(ctx, scaffold.id(APP_A_TABLE), VpcSharedServicesLab.SHARED_CIDR,
                r -> r.vpcPeeringConnectionId(peering));
    }

    @Override
    public List<String> commands(Scaffold scaffold) {
        String peering = "\"$(aws ec2 describe-vpc-peering-connections --filters Name=requester-vpc-info.vpc-id,Values="
                + scaffold.id(SHARED) + " Name=accepter-vpc-info.vpc-id,Values=" + scaffold.id(APP_A)
                + " Name=tag:labs:run-id,Values=" + scaffold.value(RUN_ID)
                + " --query 'VpcPeeringConnections[0].VpcPeeringConnectionId' --output text)\"";
        return List.of("aws ec2 create-vpc-peering-connection --vpc-id " + scaffold.id(SHARED) + " --peer-vpc-id "
                        + scaffold.id(APP_A) + " --tag-specifications 'ResourceType=vpc-peering-connection,Tags=[{Key="
                        + "labs:run-id,Value=" + scaffold.value(RUN_ID) + "}]'",
                "aws ec2 accept-vpc-peering-connection --vpc-peering-connection-id " + peering,
                "aws ec2 create-route --route-table-id " + scaffold.id(SHARED_TABLE) + " --destination-cidr-block "
                        + VpcSharedServicesLab.APP_A_CIDR + " --vpc-peering-connection-id " + peering,
                "aws ec2 create-route --route-table-id " + scaffold.id(APP_A_TABLE) + " --destination-cidr-block "
                        + VpcSharedServicesLab.SHARED_CIDR + " --vpc-peering-connection-id " + peering);
    }

    /** The peering connection between the two VPCs, in either direction, preferring an active one. */
    private static Optional<VpcPeeringConnection> peeringBetween(Ec2Client ec2, String one, String other) {
        return ec2.describeVpcPeeringConnectionsPaginator(r -> { }).vpcPeeringConnections().stream()
                .filter(c -> joins(c, one, other))
                .filter(c -> c.status().code() != VpcPeeringConnectionStateReasonCode.DELETED
                        && c.status().code() != VpcPeeringConnectionStateReasonCode.REJECTED
                        && c.status().code() != VpcPeeringConnectionStateReasonCode.FAILED)
                .min((x, y) -> Boolean.compare(x.status().code() != VpcPeeringConnectionStateReasonCode.ACTIVE,
                        y.status().code() != VpcPeeringConnectionStateReasonCode.ACTIVE));
    }

    private static List<String> describeAll(Ec2Client ec2, String one, String other) {
        return ec2.describeVpcPeeringConnectionsPaginator(r -> { }).vpcPeeringConnections().stream()
                .filter(c -> joins(c, one, other))
                .map(c -> c.vpcPeeringConnectionId() + " " + c.status().codeAsString()).toList();
    }

    private static boolean joins(VpcPeeringConnection c, String one, String other) {
        String requester = c.requesterVpcInfo().vpcId();
        String accepter = c.accepterVpcInfo().vpcId();
        return (one.equals(requester) && other.equals(accepter)) || (other.equals(requester) && one.equals(accepter));
    }

    /** The peering connection a table's route to {@code cidr} uses, what else it uses, or "no route". */
    private static String peeringRoute(Ec2Client ec2, String routeTableId, String cidr) {
        return RouteTable.describe(ec2, routeTableId).routes().stream()
                .filter(r -> cidr.equals(r.destinationCidrBlock())).findFirst()
                .map(r -> r.vpcPeeringConnectionId() != null ? r.vpcPeeringConnectionId()
                        : "a route through " + (r.transitGatewayId() != null ? r.transitGatewayId() : r.gatewayId()))
                .orElse("no route");
    }
}
