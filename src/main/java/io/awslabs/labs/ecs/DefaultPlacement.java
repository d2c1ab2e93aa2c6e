package io.awslabs.labs.ecs;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.LocationType;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.ec2.model.Vpc;

/**
 * Where the lab runs: the account's default VPC, whose default subnets give an instance a public
 * address and a route to the internet, so the ECS agent reaches ECS and the instance pulls the
 * container image without a NAT gateway. Two default subnets in two zones that offer the instance
 * type: an ALB needs two zones.
 */
record DefaultPlacement(String vpcId, List<String> subnetIds, String firstZone) {

    static DefaultPlacement of(Ec2Client ec2, String region, String instanceType) {
        List<Vpc> vpcs = ec2.describeVpcs(r -> r.filters(filter("is-default", "true"))).vpcs();
        if (vpcs.isEmpty()) {
            throw new IllegalStateException("no default VPC in " + region
                    + ": create one (aws ec2 create-default-vpc) or run the lab in another region");
        }
        String vpcId = vpcs.get(0).vpcId();
        Set<String> offering = new HashSet<>();
        ec2.describeInstanceTypeOfferingsPaginator(r -> r.locationType(LocationType.AVAILABILITY_ZONE)
                .filters(filter("instance-type", instanceType))).instanceTypeOfferings()
                .forEach(o -> offering.add(o.location()));
        List<Subnet> subnets = new ArrayList<>(ec2.describeSubnets(r -> r.filters(filter("vpc-id", vpcId),
                filter("default-for-az", "true"))).subnets());
        subnets.removeIf(s -> !offering.contains(s.availabilityZone()));
        subnets.sort(Comparator.comparing(Subnet::availabilityZone));
        if (subnets.size() < 2) {
            throw new IllegalStateException("the default VPC " + vpcId + " has fewer than two default subnets in zones "
                    + "that offer " + instanceType);
        }
        return new DefaultPlacement(vpcId, List.of(subnets.get(0).subnetId(), subnets.get(1).subnetId()),
                subnets.get(0).availabilityZone());
    }

    private static Filter filter(String name, String... values) {
        return Filter.builder().name(name).values(values).build();
    }
}
