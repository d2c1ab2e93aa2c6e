package io.awslabs.labs.vpc;

import io.awslabs.resources.Provisioning;
import io.awslabs.resources.ec2.RouteTable;
import io.awslabs.resources.ec2.Subnet;
import io.awslabs.resources.ec2.Vpc;
import java.util.Optional;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.AvailabilityZone;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Route;

/**
 * A VPC of a networking lab: its CIDR block, one subnet, and a route table of its own associated
 * with that subnet, where the lab's routes go (the VPC's main table stays as EC2 made it).
 */
record LabVpc(String role, String cidr, String vpcId, String subnetId, String routeTableId) {

    /** Creates the VPC {@code role} with {@code cidr}, a /24 subnet at its start in {@code zone}, and its route table. */
    static LabVpc create(Provisioning p, String role, String cidr, String zone) throws Exception {
        String vpcId = Vpc.create(p, cidr, role);
        Subnet.Handle subnet = Subnet.create(p, vpcId, firstSlash24(cidr), zone, role);
        String routeTableId = RouteTable.createFor(p, vpcId, subnet.id(), role);
        return new LabVpc(role, cidr, vpcId, subnet.id(), routeTableId);
    }

    /** The region's first available Availability Zone, where every lab subnet goes. */
    static String firstZone(Ec2Client ec2) {
        return ec2.describeAvailabilityZones(r -> r.filters(
                        Filter.builder().name("state").values("available").build(),
                        Filter.builder().name("zone-type").values("availability-zone").build()))
                .availabilityZones().stream().map(AvailabilityZone::zoneName).sorted().findFirst()
                .orElseThrow(() -> new IllegalStateException("the region lists no available Availability Zone"));
    }

    /** The route of this VPC's route table to exactly {@code destination}, if there is one. */
    Optional<Route> routeTo(Ec2Client ec2, String destination) {
        return RouteTable.describe(ec2, routeTableId).routes().stream()
                .filter(r -> destination.equals(r.destinationCidrBlock())).findFirst();
    }

    /** 10.1.0.0/16 gives 10.1.1.0/24. */
    static String firstSlash24(String cidr) {
        String[] octets = cidr.substring(0, cidr.indexOf('/')).split("\\.");
        return octets[0] + "." + octets[1] + "." + (Integer.parseInt(octets[2]) + 1) + ".0/24";
    }
}
