package io.awslabs.labs.vpc;

import static io.awslabs.targets.EmulatorKind.LOCALSTACK;
import static io.awslabs.targets.EmulatorKind.MOTO;

import io.awslabs.lab.Challenge;
import io.awslabs.lab.ChallengeChecks;
import io.awslabs.lab.ChallengeInfo;
import io.awslabs.lab.LabContext;
import io.awslabs.lab.Scaffold;
import io.awslabs.lab.Symptom;
import io.awslabs.resources.ec2.CustomerGateway;
import io.awslabs.resources.ec2.Route;
import io.awslabs.resources.ec2.RouteTable;
import io.awslabs.resources.ec2.VpnConnection;
import io.awslabs.resources.ec2.VpnGateway;
import io.awslabs.resources.ec2.VpnGatewayAttachment;
import io.awslabs.resources.ec2.Vpc;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.VpnState;

/**
 * The learner connects a VPC to the on-premises network: a VPN connection with static routing
 * between the customer gateway and the virtual private gateway already attached to the VPC, and a
 * route to the on-premises range through that gateway. The checks read the VPN connection (its
 * gateways, its two tunnels, its routing) and the VPC's route table.
 */
public final class VpnGatewayTwoTunnelsChallenge implements Challenge {
    static final String VPC = "vpc";
    static final String ROUTE_TABLE = "route-table";
    static final String CUSTOMER_GATEWAY = "customer-gateway";
    static final String VPN_GATEWAY = "vpn-gateway";
    static final String RUN_ID = "run-id";

    @Override
    public String labId() {
        return "vpn-gateway-two-tunnels";
    }

    @Override
    public ChallengeInfo info() {
        return ChallengeInfo.goal("The VPC reaches the on-premises network " + VpnGatewayTwoTunnelsLab.ON_PREMISES_CIDR
                        + " over a Site-to-Site VPN: a VPN connection with static routing (no BGP) joins the customer "
                        + "gateway and the virtual private gateway attached to the VPC, and the VPC's route table "
                        + "sends " + VpnGatewayTwoTunnelsLab.ON_PREMISES_CIDR + " to that gateway. Tag what you create "
                        + "with labs:run-id (see 'run-id' below).")
                .creates("a VPC " + VpnGatewayTwoTunnelsLab.VPC_CIDR + " with a subnet and its route table, tagged with "
                                + "the run id",
                        "a customer gateway for the device at " + VpnGatewayTwoTunnelsLab.DEVICE_PUBLIC_IP + " (BGP ASN "
                                + VpnGatewayTwoTunnelsLab.DEVICE_BGP_ASN + ")",
                        "a virtual private gateway attached to the VPC")
                .resource(VPC, "the VPC, {0}")
                .resource(ROUTE_TABLE, "the route table of its subnet")
                .resource(CUSTOMER_GATEWAY, "the on-premises device at {0}")
                .resource(VPN_GATEWAY, "the virtual private gateway attached to the VPC")
                .check("vpn-connection-has-two-tunnels",
                        "A VPN connection joins this customer gateway and this virtual private gateway, and its "
                                + "configuration describes two IPsec tunnels")
                .check("vpn-uses-static-routing",
                        "The VPN connection uses static routing (StaticRoutesOnly), as the device speaks no BGP")
                .check("route-to-vgw",
                        "The VPC's route table sends " + VpnGatewayTwoTunnelsLab.ON_PREMISES_CIDR
                                + " to the virtual private gateway")
                .hints("A Site-to-Site VPN connection between a customer gateway and a virtual private gateway; with "
                                + "static routing the VPC needs a route to the on-premises range through the gateway.",
                        "The EC2 API calls CreateVpnConnection (Type ipsec.1, CustomerGatewayId, VpnGatewayId, Options "
                                + "StaticRoutesOnly=true) and CreateRoute (GatewayId: the virtual private gateway).")
                .gap(MOTO, "vpn-uses-static-routing", Symptom.checkFails("StaticRoutesOnly", "null"),
                        "moto stores no VPN options: DescribeVpnConnections has no Options, so the routing type cannot "
                                + "be read back",
                        "moto/ec2/models/vpn_connections.py VPNConnection sets self.options = None and "
                                + "create_vpn_connection never reads Options (moto 5.2.5)")
                .gap(LOCALSTACK, "vpn-uses-static-routing", Symptom.checkFails("StaticRoutesOnly", "null"),
                        "LocalStack's EC2 is moto's: DescribeVpnConnections has no Options",
                        "moto/ec2/models/vpn_connections.py VPNConnection sets self.options = None (moto-ext 5.1.24 in "
                                + "localstack-core 4.14.0)");
    }

    @Override
    public void scaffold(LabContext ctx, Scaffold.Builder scaffold) throws Exception {
        LabVpc vpc = LabVpc.create(ctx, "cloud", VpnGatewayTwoTunnelsLab.VPC_CIDR,
                LabVpc.firstZone(ctx.client(Ec2Client.class)));
        String customerGateway = CustomerGateway.create(ctx, VpnGatewayTwoTunnelsLab.DEVICE_PUBLIC_IP,
                VpnGatewayTwoTunnelsLab.DEVICE_BGP_ASN, "on-premises");
        String vpnGateway = VpnGateway.create(ctx, VpnGatewayTwoTunnelsLab.AMAZON_SIDE_ASN, "cloud");
        VpnGatewayAttachment.attach(ctx, vpnGateway, vpc.vpcId());
        scaffold.item(VPC, Vpc.KIND.type(), vpc.vpcId(), null, VpnGatewayTwoTunnelsLab.VPC_CIDR)
                .item(ROUTE_TABLE, RouteTable.KIND.type(), vpc.routeTableId(), null)
                .item(CUSTOMER_GATEWAY, CustomerGateway.KIND.type(), customerGateway, null,
                        VpnGatewayTwoTunnelsLab.DEVICE_PUBLIC_IP)
                .item(VPN_GATEWAY, VpnGateway.KIND.type(), vpnGateway, null)
                .value(RUN_ID, ctx.runId());
    }

    @Override
    public void check(LabContext ctx, Scaffold scaffold, ChallengeChecks check) {
        Ec2Client ec2 = ctx.client(Ec2Client.class);
        String customerGateway = scaffold.id(CUSTOMER_GATEWAY);
        String vpnGateway = scaffold.id(VPN_GATEWAY);

        check.that("vpn-connection-has-two-tunnels", p -> {
            Optional<software.amazon.awssdk.services.ec2.model.VpnConnection> connection =
                    connectionBetween(ec2, customerGateway, vpnGateway);
            p.isTrue("a VPN connection joins the two gateways", connection.isPresent(), "none",
                    ctx.words("fail.vpnNoConnection", customerGateway, vpnGateway));
            TunnelConfiguration config = TunnelConfiguration.parse(connection.get().customerGatewayConfiguration());
            p.evidence("vpnConnection", connection.get().vpnConnectionId())
                    .evidence("state", connection.get().stateAsString());
            p.equal("IPsec tunnels in its configuration", 2, config.tunnels().size(),
                    ctx.words("fail.vpnTunnelCount", config.tunnels().size()));
        });

        check.that("vpn-uses-static-routing", p -> {
            Optional<software.amazon.awssdk.services.ec2.model.VpnConnection> connection =
                    connectionBetween(ec2, customerGateway, vpnGateway);
            p.isTrue("a VPN connection joins the two gateways", connection.isPresent(), "none",
                    ctx.words("fail.vpnNoConnection", customerGateway, vpnGateway));
            Boolean staticOnly = connection.get().options() == null ? null : connection.get().options().staticRoutesOnly();
            p.equal("StaticRoutesOnly", true, staticOnly,
                    ctx.words("fail.vpnExpectsBgp", connection.get().vpnConnectionId(), staticOnly));
        });

        check.that("route-to-vgw", p -> {
            String via = RouteTable.describe(ec2, scaffold.id(ROUTE_TABLE)).routes().stream()
                    .filter(r -> VpnGatewayTwoTunnelsLab.ON_PREMISES_CIDR.equals(r.destinationCidrBlock())).findFirst()
                    .map(r -> r.gatewayId() == null ? "another target" : r.gatewayId()).orElse("no route");
            p.evidence("route", via);
            p.equal("target of the route to " + VpnGatewayTwoTunnelsLab.ON_PREMISES_CIDR, vpnGateway, via,
                    ctx.words("fail.vpnNoRouteToVgw", VpnGatewayTwoTunnelsLab.ON_PREMISES_CIDR, vpnGateway, via));
        });
    }

    /** The lab's own steps: its VPN connection with static routing, and its route to the VGW. */
    @Override
    public void solve(LabContext ctx, Scaffold scaffold) throws Exception {
        VpnConnection.create(ctx, scaffold.id(CUSTOMER_GATEWAY), scaffold.id(VPN_GATEWAY), true, "to-on-premises");
        Route.create(ctx, scaffold.id(ROUTE_TABLE), VpnGatewayTwoTunnelsLab.ON_PREMISES_CIDR,
                r -> r.gatewayId(scaffold.id(VPN_GATEWAY)));
    }

    @Override
    public List<String> commands(Scaffold scaffold) {
        return List.of("aws ec2 create-vpn-connection --type ipsec.1 --customer-gateway-id "
                        + scaffold.id(CUSTOMER_GATEWAY) + " --vpn-gateway-id " + scaffold.id(VPN_GATEWAY)
                        + " --options StaticRoutesOnly=true --tag-specifications 'ResourceType=vpn-connection,Tags=[{Key="
                        + "labs:run-id,Value=" + scaffold.value(RUN_ID) + "}]'",
                "aws ec2 create-route --route-table-id " + scaffold.id(ROUTE_TABLE) + " --destination-cidr-block "
                        + VpnGatewayTwoTunnelsLab.ON_PREMISES_CIDR + " --gateway-id " + scaffold.id(VPN_GATEWAY));
    }

    private static Optional<software.amazon.awssdk.services.ec2.model.VpnConnection> connectionBetween(
            Ec2Client ec2, String customerGateway, String vpnGateway) {
        return ec2.describeVpnConnections(r -> r.filters(
                        Filter.builder().name("customer-gateway-id").values(customerGateway).build())).vpnConnections()
                .stream().filter(c -> vpnGateway.equals(c.vpnGatewayId()))
                .filter(c -> c.state() != VpnState.DELETED && c.state() != VpnState.DELETING).findFirst();
    }
}
