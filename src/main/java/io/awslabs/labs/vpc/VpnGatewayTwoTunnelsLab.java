package io.awslabs.labs.vpc;

import static io.awslabs.targets.EmulatorKind.LOCALSTACK;
import static io.awslabs.targets.EmulatorKind.MOTO;

import io.awslabs.lab.Checks;
import io.awslabs.lab.ExamDomain;
import io.awslabs.lab.Lab;
import io.awslabs.lab.LabContext;
import io.awslabs.lab.LabInfo;
import io.awslabs.lab.Symptom;
import io.awslabs.resources.ec2.CustomerGateway;
import io.awslabs.resources.ec2.Route;
import io.awslabs.resources.ec2.RouteTable;
import io.awslabs.resources.ec2.Subnet;
import io.awslabs.resources.ec2.Vpc;
import io.awslabs.resources.ec2.VpnConnection;
import io.awslabs.resources.ec2.VpnGateway;
import io.awslabs.resources.ec2.VpnGatewayAttachment;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.AttachmentStatus;
import software.amazon.awssdk.services.ec2.model.VpnState;
import software.amazon.awssdk.services.ec2.model.VpnStaticRoute;

/**
 * A Site-to-Site VPN from a VPC to an on-premises network: a virtual private gateway attached to
 * the VPC (the AWS side), a customer gateway (AWS's record of the on-premises device: public IP
 * and BGP ASN), and a VPN connection between them, which is two IPsec tunnels ending at two
 * different AWS endpoints, so that one endpoint's maintenance or failure leaves the other tunnel
 * up. The VPC reaches the on-premises range through the gateway by a static route or by route
 * propagation.
 */
public final class VpnGatewayTwoTunnelsLab implements Lab {
    static final String VPC_CIDR = "10.20.0.0/16";
    static final String ON_PREMISES_CIDR = "192.168.0.0/16";
    /** A documentation address (RFC 5737) standing for the on-premises device's public IP. */
    static final String DEVICE_PUBLIC_IP = "203.0.113.12";
    static final int DEVICE_BGP_ASN = 65000;
    /** The default Amazon-side ASN of a virtual private gateway, from the private range. */
    static final long AMAZON_SIDE_ASN = 64512;

    private LabVpc vpc;
    private String customerGateway;
    private String vpnGateway;
    private String vpnConnection;

    @Override
    public LabInfo info() {
        return LabInfo.of("vpn-gateway-two-tunnels", "Site-to-Site VPN: a virtual private gateway and its two tunnels")
                .exam(ExamDomain.SECURE, "1.2 Design secure workloads and applications")
                .concept("A virtual private gateway (VGW) is the AWS end of a Site-to-Site VPN, attached to one "
                        + "VPC. A customer gateway is only AWS's record of the on-premises device: its public IP "
                        + "address and its BGP ASN. A VPN connection between the two is two IPsec tunnels, each "
                        + "ending at its own AWS endpoint with its own public address: when AWS updates one "
                        + "endpoint or it fails, traffic moves to the other tunnel, so a device that keeps both "
                        + "tunnels up stays connected. The VPC reaches the on-premises range through the VGW by a static route in "
                        + "its route table, or by route propagation, which copies the VPN's routes (static or BGP) "
                        + "into the table.")
                .examAngle("What is a virtual private gateway, and why does it have two endpoints (redundancy: two "
                        + "tunnels to two AWS endpoints, configure both)? What must the customer gateway know (public "
                        + "IP, BGP ASN or static routing)? How does the VPC route to on-premises (a route to the VGW, "
                        + "or route propagation)? VPN (encrypted, over the internet, minutes to set up, up to 1.25 "
                        + "Gbps a tunnel) versus Direct Connect.")
                .services("ec2")
                .costPerRunUsd(0.02, "the VPN connection costs about $0.05 an hour while it exists, and a run keeps "
                        + "it for minutes (its deletion takes minutes on AWS too); the virtual private gateway, the "
                        + "customer gateway and the VPC cost nothing (aws.amazon.com/vpn/site-to-site-vpn-pricing)")
                .provisions(CustomerGateway.KIND, Route.KIND, RouteTable.KIND, Subnet.KIND, Vpc.KIND,
                        VpnConnection.KIND, VpnGateway.KIND, VpnGatewayAttachment.KIND)
                .calls("ec2:CreateVpnConnectionRoute", "ec2:DescribeAvailabilityZones", "ec2:EnableVgwRoutePropagation")
                .creates("a VPC " + VPC_CIDR + " tagged with the run id, with a subnet and a route table of its own",
                        "a customer gateway for the device at " + DEVICE_PUBLIC_IP + " (BGP ASN " + DEVICE_BGP_ASN + ")",
                        "a virtual private gateway (Amazon-side ASN " + AMAZON_SIDE_ASN + ") attached to the VPC",
                        "a VPN connection with static routing between the two gateways, a static route for "
                                + ON_PREMISES_CIDR + ", a route to the VGW in the route table, and route propagation "
                                + "from the VGW")
                .asserts("vgw-attached-to-vpc",
                        "A virtual private gateway of type ipsec.1 with the Amazon-side ASN asked for is attached to "
                                + "the VPC (attachment state attached)")
                .asserts("customer-gateway-records-device",
                        "A customer gateway records the on-premises device: type ipsec.1, its public IP address and "
                                + "its BGP ASN, state available")
                .asserts("vpn-connection-has-two-tunnels",
                        "The VPN connection between the customer gateway and the VGW comes with a configuration for "
                                + "the device that describes two IPsec tunnels, each to the device's public IP")
                .asserts("tunnels-end-at-two-aws-endpoints",
                        "The two tunnels end at two different AWS endpoints: their AWS outside addresses differ")
                .asserts("vpn-static-route-to-on-premises",
                        "With static routing, the VPN connection sends the on-premises range only once a static "
                                + "route for it is added: CreateVpnConnectionRoute lists it with source Static")
                .asserts("route-table-sends-on-premises-to-vgw",
                        "The VPC's route table sends the on-premises range to the virtual private gateway "
                                + "(a route whose GatewayId is the VGW, state active)")
                .asserts("route-propagation-from-vgw",
                        "With route propagation enabled, the route table lists the VGW among its propagating "
                                + "gateways, so the VPN's routes appear in it without a static route")
                .gap(MOTO, "tunnels-end-at-two-aws-endpoints",
                        Symptom.checkFails("AWS outside addresses of the tunnels differ", "52.2.144.13, 52.2.144.13"),
                        "moto's VPN configuration holds two identical tunnels, both to the AWS address 52.2.144.13",
                        "moto/ec2/models/vpn_connections.py _CUSTOMER_GATEWAY_CONFIGURATION repeats one fixed "
                                + "<ipsec_tunnel> twice (moto 5.2.5)")
                .gap(LOCALSTACK, "tunnels-end-at-two-aws-endpoints",
                        Symptom.checkFails("AWS outside addresses of the tunnels differ", "52.2.144.13, 52.2.144.13"),
                        "LocalStack's EC2 is moto's: its VPN configuration holds two identical tunnels, both to the AWS "
                                + "address 52.2.144.13",
                        "moto/ec2/responses/vpn_connections.py CUSTOMER_GATEWAY_CONFIGURATION_TEMPLATE repeats one fixed "
                                + "<ipsec_tunnel> twice (moto-ext 5.1.24 in localstack-core 4.14.0)")
                .gap(MOTO, "vpn-static-route-to-on-premises", Symptom.throwsError("500"),
                        "moto has no CreateVpnConnectionRoute: the call answers HTTP 500",
                        "moto/ec2/responses/vpn_connections.py defines no create_vpn_connection_route, and "
                                + "moto/core/responses.py raises NotImplementedError (moto 5.2.5)")
                .gap(LOCALSTACK, "vpn-static-route-to-on-premises", Symptom.throwsError("501"),
                        "LocalStack's EC2 has no CreateVpnConnectionRoute: the call answers HTTP 501",
                        "moto/ec2/responses/vpn_connections.py defines no create_vpn_connection_route (moto-ext "
                                + "5.1.24), which localstack/aws/handlers/service.py answers as 501 (localstack-core "
                                + "4.14.0)")
                .gap(MOTO, "route-propagation-from-vgw", Symptom.throwsError("500"),
                        "moto has no EnableVgwRoutePropagation: the call answers HTTP 500",
                        "moto/ec2/responses/route_tables.py defines no enable_vgw_route_propagation, and "
                                + "moto/core/responses.py raises NotImplementedError (moto 5.2.5)")
                .gap(LOCALSTACK, "route-propagation-from-vgw", Symptom.throwsError("501"),
                        "LocalStack's EC2 has no EnableVgwRoutePropagation: the call answers HTTP 501",
                        "moto/ec2/responses/route_tables.py defines no enable_vgw_route_propagation (moto-ext 5.1.24), "
                                + "which localstack/aws/handlers/service.py answers as 501 (localstack-core 4.14.0)")
                .note("Each tunnel has its own pre-shared key in the configuration: the lab reads only the "
                        + "addresses, and the keys never reach a report.")
                .note("On AWS a new VPN connection is pending for several minutes before it is available; the lab "
                        + "does not wait for that, since its configuration and tunnel addresses exist from the start. "
                        + "Deleting it takes minutes: teardown waits for deleted before it detaches and deletes the "
                        + "VGW, which AWS refuses while a VPN connection uses it.")
                .note(DEVICE_PUBLIC_IP + " is a documentation address: no device answers there, so on AWS the tunnels "
                        + "stay DOWN; the lab proves the configuration, not traffic.")
                .source("https://docs.aws.amazon.com/vpn/latest/s2svpn/how_it_works.html")
                .source("https://docs.aws.amazon.com/vpn/latest/s2svpn/VPNTunnels.html")
                .source("https://docs.aws.amazon.com/vpn/latest/s2svpn/vpn-redundant-connection.html")
                .source("https://docs.aws.amazon.com/vpn/latest/s2svpn/VPNRoutingTypes.html")
                .source("https://docs.aws.amazon.com/vpn/latest/s2svpn/SetUpVPNConnections.html")
                .source("https://docs.aws.amazon.com/vpn/latest/s2svpn/your-cgw.html")
                .source("https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateVpnConnectionRoute.html")
                .source("https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_EnableVgwRoutePropagation.html");
    }

    @Override
    public void provision(LabContext ctx) throws Exception {
        vpc = LabVpc.create(ctx, "cloud", VPC_CIDR, LabVpc.firstZone(ctx.client(Ec2Client.class)));
        customerGateway = CustomerGateway.create(ctx, DEVICE_PUBLIC_IP, DEVICE_BGP_ASN, "on-premises");
        vpnGateway = VpnGateway.create(ctx, AMAZON_SIDE_ASN, "cloud");
        VpnGatewayAttachment.attach(ctx, vpnGateway, vpc.vpcId());
        vpnConnection = VpnConnection.create(ctx, customerGateway, vpnGateway, true, "to-on-premises");
    }

    @Override
    public void verify(LabContext ctx, Checks check) {
        Ec2Client ec2 = ctx.client(Ec2Client.class);

        check.that("vgw-attached-to-vpc", p -> {
            var gateway = VpnGateway.describe(ec2, vpnGateway);
            p.evidence("vpnGateway", vpnGateway).evidence("vpcAttachments", gateway.vpcAttachments());
            p.equal("type", "ipsec.1", gateway.typeAsString());
            p.equal("AmazonSideAsn", AMAZON_SIDE_ASN, gateway.amazonSideAsn());
            p.equal("attachment to " + vpc.vpcId(), List.of(AttachmentStatus.ATTACHED), gateway.vpcAttachments()
                    .stream().filter(a -> vpc.vpcId().equals(a.vpcId())).map(a -> a.state()).toList());
        });

        check.that("customer-gateway-records-device", p -> {
            var gateway = CustomerGateway.describe(ec2, customerGateway);
            p.evidence("customerGateway", customerGateway);
            p.equal("type", "ipsec.1", gateway.type());
            p.equal("IpAddress", DEVICE_PUBLIC_IP, gateway.ipAddress());
            p.equal("BgpAsn", String.valueOf(DEVICE_BGP_ASN), gateway.bgpAsn());
            p.equal("state", "available", gateway.state());
        });

        check.that("vpn-connection-has-two-tunnels", p -> {
            var connection = VpnConnection.describe(ec2, vpnConnection);
            TunnelConfiguration config = TunnelConfiguration.parse(connection.customerGatewayConfiguration());
            p.evidence("vpnConnection", vpnConnection).evidence("state", connection.stateAsString())
                    .evidence("customerOutsideAddresses", config.tunnels().stream()
                            .map(TunnelConfiguration.Tunnel::customerOutsideAddress).toList());
            p.equal("gateways it joins", List.of(customerGateway, vpnGateway),
                    List.of(connection.customerGatewayId(), connection.vpnGatewayId()));
            p.isTrue("state is pending or available", connection.state() == VpnState.PENDING
                    || connection.state() == VpnState.AVAILABLE, connection.stateAsString());
            p.equal("IPsec tunnels in the configuration", 2, config.tunnels().size());
        });

        check.that("tunnels-end-at-two-aws-endpoints", p -> {
            TunnelConfiguration config = TunnelConfiguration.parse(
                    VpnConnection.describe(ec2, vpnConnection).customerGatewayConfiguration());
            List<String> aws = config.awsOutsideAddresses();
            p.evidence("awsOutsideAddresses", aws);
            p.equal("IPsec tunnels in the configuration", 2, aws.size());
            p.isTrue("AWS outside addresses of the tunnels differ", new HashSet<>(aws).size() == 2
                    && !aws.contains(null), String.join(", ", aws));
        });

        check.that("vpn-static-route-to-on-premises", p -> {
            p.isTrue("no static route before one is added", routesOf(ec2).isEmpty(), routesOf(ec2));
            p.call("ec2:CreateVpnConnectionRoute", ec2.createVpnConnectionRoute(r -> r.vpnConnectionId(vpnConnection)
                    .destinationCidrBlock(ON_PREMISES_CIDR)));
            List<String> routes = routesOf(ec2);
            p.evidence("routes", routes);
            p.isTrue("the connection's routes list " + ON_PREMISES_CIDR + " from source Static",
                    routes.stream().anyMatch(r -> r.startsWith(ON_PREMISES_CIDR + " Static")), routes);
        });

        check.that("route-table-sends-on-premises-to-vgw", p -> {
            p.isTrue("no route to " + ON_PREMISES_CIDR + " before one is added",
                    vpc.routeTo(ec2, ON_PREMISES_CIDR).isEmpty(), vpc.routeTo(ec2, ON_PREMISES_CIDR));
            Route.create(ctx, vpc.routeTableId(), ON_PREMISES_CIDR, r -> r.gatewayId(vpnGateway));
            p.equal("route to " + ON_PREMISES_CIDR, vpnGateway + " active", vpc.routeTo(ec2, ON_PREMISES_CIDR)
                    .map(r -> r.gatewayId() + " " + r.stateAsString()).orElse("no route"));
        });

        check.that("route-propagation-from-vgw", p -> {
            Set<String> before = propagating(ec2);
            p.isTrue("the VGW does not propagate before it is enabled", !before.contains(vpnGateway), before);
            p.call("ec2:EnableVgwRoutePropagation", ec2.enableVgwRoutePropagation(r -> r
                    .routeTableId(vpc.routeTableId()).gatewayId(vpnGateway)));
            Set<String> after = propagating(ec2);
            p.evidence("propagatingVgws", after);
            p.isTrue("the route table's propagating gateways include the VGW", after.contains(vpnGateway), after);
        });
    }

    /** The VPN connection's routes as "cidr source state". */
    private List<String> routesOf(Ec2Client ec2) {
        List<VpnStaticRoute> routes = VpnConnection.describe(ec2, vpnConnection).routes();
        return routes.stream().map(r -> r.destinationCidrBlock() + " " + r.sourceAsString() + " " + r.stateAsString())
                .toList();
    }

    private Set<String> propagating(Ec2Client ec2) {
        Set<String> gateways = new HashSet<>();
        RouteTable.describe(ec2, vpc.routeTableId()).propagatingVgws().forEach(g -> gateways.add(g.gatewayId()));
        return gateways;
    }
}
