package io.awslabs.labs.ec2;

import io.awslabs.lab.Checks;
import io.awslabs.lab.ExamDomain;
import io.awslabs.lab.Lab;
import io.awslabs.lab.LabContext;
import io.awslabs.lab.LabInfo;
import io.awslabs.lab.Proof;
import io.awslabs.resources.ec2.Ec2Instance;
import io.awslabs.resources.ec2.PlacementGroup;
import io.awslabs.resources.ec2.Subnet;
import io.awslabs.resources.ec2.Vpc;
import java.util.List;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.DescribePlacementGroupsResponse;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.PlacementStrategy;
import software.amazon.awssdk.services.ec2.model.SpreadLevel;

/**
 * Proves what the three placement strategies report, the partition count's limit, and that an
 * instance launched into a partition group knows its partition. The emulators have no placement
 * group API, which the lab declares ({@code needsApi}): there it is skipped, with what each answers.
 */
public final class Ec2PlacementGroupsLab implements Lab {
    static final int PARTITIONS = 3;
    static final int MAX_PARTITIONS_PER_ZONE = 7;

    private String clusterGroup;
    private String spreadGroup;
    private String partitionGroup;
    private List<Instance> partitioned;

    @Override
    public LabInfo info() {
        return LabInfo.of("ec2-placement-groups", "EC2 placement groups: cluster, spread, partition")
                .exam(ExamDomain.HIGH_PERFORMING, "3.2 Design high-performing and elastic compute solutions")
                .concept("A placement group tells EC2 how to place a set of instances on its hardware. Cluster packs "
                        + "them close together in one Availability Zone, for the lowest latency and the highest "
                        + "per-flow throughput between them (HPC, tightly coupled jobs), at the price of sharing "
                        + "failures. Spread puts each instance on distinct hardware (its own rack, each with its own "
                        + "network and power), at most 7 running instances per Availability Zone per group, for a few "
                        + "critical instances that must not fail together. Partition splits the group into up to 7 "
                        + "partitions per Availability Zone, each on its own racks, with as many instances per partition "
                        + "as you like, and tells each instance its partition number, so that a large distributed, "
                        + "replicated store (HDFS, HBase, Cassandra, Kafka) can place replicas in different partitions.")
                .examAngle("Low-latency, high-throughput node-to-node traffic for an HPC job: cluster (one AZ, same "
                        + "instance type, ideally launched in one request). A handful of critical instances that must "
                        + "not share hardware: spread (7 per AZ per group). Hundreds of nodes of a Hadoop/Cassandra/Kafka "
                        + "cluster that must know their failure domain: partition (7 partitions per AZ, partition number "
                        + "in the metadata). A cluster launch failing with InsufficientInstanceCapacity: stop and start "
                        + "all instances of the group so that EC2 places them again together.")
                .services("ec2", "ssm")
                .needsApi("ec2", "CreatePlacementGroup")
                .costPerRunUsd(0.02, "upper bound for a run of under an hour in us-east-1: two " + NanoInstance.TYPE
                        + " on-demand at $0.0042/h (aws.amazon.com/ec2/pricing/on-demand, billed per second, 60 s minimum) "
                        + "and their 8 GiB gp3 root volumes (about $0.001/h each); placement groups, VPCs and subnets "
                        + "cost nothing. A typical 5-minute run costs well under a cent")
                .provisions(Ec2Instance.KIND, PlacementGroup.KIND, Subnet.KIND, Vpc.KIND)
                .calls("ec2:DescribeInstanceTypeOfferings", "ec2:RunInstances", "ssm:GetParameter")
                .creates("a cluster placement group, a spread placement group (rack level) and a partition placement "
                                + "group with " + PARTITIONS + " partitions; during verify, one with "
                                + MAX_PARTITIONS_PER_ZONE + " partitions (the most AWS allows per Availability Zone)",
                        "a VPC with one subnet, and two " + NanoInstance.TYPE + " instances launched into partitions 1 "
                                + "and 2 of the partition group (latest Amazon Linux 2023 arm64 AMI, no key pair, no public "
                                + "address)")
                .asserts("cluster-strategy",
                        "A cluster placement group reports strategy cluster and state available")
                .asserts("spread-strategy",
                        "A spread placement group reports strategy spread and its spread level, rack")
                .asserts("partition-strategy-and-count",
                        "A partition placement group reports strategy partition and the partition count it was created with")
                .asserts("partition-count-limit",
                        "A partition placement group with 8 partitions is refused, while one with 7 (the most per "
                                + "Availability Zone) is created")
                .asserts("instances-report-their-partition",
                        "An instance launched into a partition placement group reports the group and the partition "
                                + "number it was launched into")
                .note("The spread group's limit is stated from the documentation, not launched: at most 7 running "
                        + "instances per Availability Zone per group (a spread group over three zones holds 21); an eighth "
                        + "launch in the zone fails. Spread groups on Outposts use host level instead of rack.")
                .note("A cluster placement group lives in one Availability Zone and is best filled in one launch request "
                        + "with one instance type: adding instances later can fail with InsufficientInstanceCapacity. "
                        + "An instance can be moved into or out of a group only while stopped (ModifyInstancePlacement). "
                        + "Placement groups themselves are free; only the instances cost.")
                .note("The lab launches its two instances as " + NanoInstance.TYPE + ", cheaper than a t3.micro; an "
                        + "instance reads its partition number from the instance metadata at "
                        + "placement/partition-number.")
                .source("https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/placement-groups.html")
                .source("https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/placement-strategies.html")
                .source("https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/placement-groups-limitations-partition.html")
                .source("https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/placement-groups-limitations-spread.html")
                .source("https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreatePlacementGroup.html")
                .source("moto/ec2/responses/__init__.py and moto/ec2/models/ (moto 5.2.5): no placement group handler")
                .source("moto-ext 5.1.24 in LocalStack 4.14.0: moto/ec2 has no create_placement_group either");
    }

    @Override
    public void provision(LabContext ctx) throws Exception {
        clusterGroup = PlacementGroup.create(ctx, "cluster", r -> r.strategy(PlacementStrategy.CLUSTER));
        spreadGroup = PlacementGroup.create(ctx, "spread", r -> r.strategy(PlacementStrategy.SPREAD).spreadLevel(SpreadLevel.RACK));
        partitionGroup = partitionGroup(ctx, "partition", PARTITIONS);
        Ec2Client ec2 = ctx.client(Ec2Client.class);
        String zone = ctx.step(ctx.words("step.findZone", NanoInstance.TYPE),
                () -> NanoInstance.zoneOffering(ec2, ctx.target().region()));
        String imageId = ctx.step(ctx.words("step.latestAmi"), () -> NanoInstance.latestImage(ctx));
        String vpcId = Vpc.create(ctx, "10.40.0.0/16", "vpc");
        String subnetId = Subnet.create(ctx, vpcId, "10.40.1.0/24", zone, "subnet").id();
        partitioned = List.of(
                ctx.step(ctx.words("step.launchIntoPartition", 1), () -> NanoInstance.launch(ctx, imageId, subnetId, "partition-1",
                        r -> r.placement(p -> p.groupName(partitionGroup).partitionNumber(1)))),
                ctx.step(ctx.words("step.launchIntoPartition", 2), () -> NanoInstance.launch(ctx, imageId, subnetId, "partition-2",
                        r -> r.placement(p -> p.groupName(partitionGroup).partitionNumber(2)))));
    }

    @Override
    public void verify(LabContext ctx, Checks check) throws Exception {
        Ec2Client ec2 = ctx.client(Ec2Client.class);

        check.that("cluster-strategy", p -> {
            software.amazon.awssdk.services.ec2.model.PlacementGroup group = described(p, ec2, clusterGroup);
            p.equal("strategy", "cluster", group.strategyAsString());
            p.equal("state", "available", group.stateAsString());
        });

        check.that("spread-strategy", p -> {
            software.amazon.awssdk.services.ec2.model.PlacementGroup group = described(p, ec2, spreadGroup);
            p.equal("strategy", "spread", group.strategyAsString());
            p.equal("spread level", "rack", group.spreadLevelAsString());
        });

        check.that("partition-strategy-and-count", p -> {
            software.amazon.awssdk.services.ec2.model.PlacementGroup group = described(p, ec2, partitionGroup);
            p.equal("strategy", "partition", group.strategyAsString());
            p.equal("partition count", PARTITIONS, group.partitionCount());
        });

        check.that("partition-count-limit", p -> {
            Ec2Exception e = p.throwsA("a partition group with 8 partitions is refused", Ec2Exception.class,
                    () -> PlacementGroup.create(ctx, "partition-8",
                            r -> r.strategy(PlacementStrategy.PARTITION).partitionCount(MAX_PARTITIONS_PER_ZONE + 1)));
            p.error("ec2:CreatePlacementGroup(8 partitions)", e);
            String seven = PlacementGroup.create(ctx, "partition-7",
                    r -> r.strategy(PlacementStrategy.PARTITION).partitionCount(MAX_PARTITIONS_PER_ZONE));
            p.equal("partition count of the group created with 7", MAX_PARTITIONS_PER_ZONE,
                    described(p, ec2, seven).partitionCount());
        });

        check.that("instances-report-their-partition", p -> {
            for (int i = 0; i < partitioned.size(); i++) {
                Instance instance = NanoInstance.describe(ec2, partitioned.get(i).instanceId());
                p.evidence(instance.instanceId() + ".placement", instance.placement().groupName() + " partition "
                        + instance.placement().partitionNumber() + " in " + instance.placement().availabilityZone());
                p.equal(instance.instanceId() + "'s placement group", partitionGroup, instance.placement().groupName());
                p.equal(instance.instanceId() + "'s partition number", i + 1, instance.placement().partitionNumber());
            }
        });
    }

    /** A partition placement group of {@code partitions} partitions; returns its name. */
    static String partitionGroup(LabContext ctx, String suffix, int partitions) throws Exception {
        return PlacementGroup.create(ctx, suffix, r -> r.strategy(PlacementStrategy.PARTITION).partitionCount(partitions));
    }

    private static software.amazon.awssdk.services.ec2.model.PlacementGroup described(Proof p, Ec2Client ec2, String name) {
        DescribePlacementGroupsResponse got = ec2.describePlacementGroups(r -> r.groupNames(name));
        p.call("ec2:DescribePlacementGroups(" + name + ")", got);
        software.amazon.awssdk.services.ec2.model.PlacementGroup group = got.placementGroups().get(0);
        p.evidence(name, group.groupId() + " " + group.strategyAsString() + " " + group.stateAsString()
                + (group.partitionCount() == null ? "" : ", " + group.partitionCount() + " partitions"));
        return group;
    }
}
