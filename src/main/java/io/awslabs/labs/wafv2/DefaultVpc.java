package io.awslabs.labs.wafv2;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.ec2.model.Vpc;

/**
 * The Region's default VPC and one of its default subnets in each of two Availability Zones: an
 * internet-facing load balancer needs two zones and a VPC with an internet gateway, which the
 * default VPC has. Nothing here is created, so nothing here is torn down.
 */
record DefaultVpc(String vpcId, List<String> subnetIds) {

    static DefaultVpc of(Ec2Client ec2) {
        List<Vpc> vpcs = ec2.describeVpcs(r -> r.filters(f -> f.name("is-default").values("true"))).vpcs();
        if (vpcs.isEmpty()) {
            throw new IllegalStateException("this Region has no default VPC, which the lab's load balancers use: "
                    + "create one with 'aws ec2 create-default-vpc' or run in another Region");
        }
        String vpcId = vpcs.get(0).vpcId();
        Map<String, String> byZone = new LinkedHashMap<>();
        for (Subnet s : ec2.describeSubnets(r -> r.filters(f -> f.name("vpc-id").values(vpcId),
                f -> f.name("default-for-az").values("true"))).subnets()) {
            byZone.putIfAbsent(s.availabilityZone(), s.subnetId());
        }
        if (byZone.size() < 2) {
            throw new IllegalStateException("the default VPC " + vpcId + " has default subnets in " + byZone.size()
                    + " Availability Zone(s); a load balancer needs two");
        }
        return new DefaultVpc(vpcId, List.copyOf(byZone.values()).subList(0, 2));
    }
}
