package io.awslabs.labs.ec2;

import io.awslabs.lab.Challenge;
import io.awslabs.lab.ChallengeChecks;
import io.awslabs.lab.ChallengeInfo;
import io.awslabs.lab.LabContext;
import io.awslabs.lab.Scaffold;
import io.awslabs.resources.ec2.PlacementGroup;
import io.awslabs.text.Said;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.PlacementStrategy;
import software.amazon.awssdk.services.ec2.model.SpreadLevel;

/**
 * The learner gives a Kafka cluster's brokers their failure domains: a placement group of the
 * partition strategy with three partitions, under the name the task gives. The scaffold's spread
 * group is the other answer, the one for a handful of instances rather than a cluster.
 */
public final class Ec2PlacementGroupsChallenge implements Challenge {
    static final String GROUP = "group";
    static final String SPREAD = "spread";
    static final String SUFFIX = "kafka";

    @Override
    public String labId() {
        return "ec2-placement-groups";
    }

    @Override
    public ChallengeInfo info() {
        return ChallengeInfo.goal("The brokers of a Kafka cluster, dozens of instances with three replicas of each "
                        + "topic, must know which rack failures they share, so that no two replicas sit on the same "
                        + "hardware: create the placement group they will launch into, with one failure domain per "
                        + "replica, under the name the task gives.")
                .creates("a spread placement group (rack level) named after the run id, for contrast: at most 7 running "
                        + "instances per Availability Zone, each on its own rack, which a cluster of dozens outgrows")
                .resource(SPREAD, "spread, rack level: one rack per instance, at most 7 running instances per Availability Zone")
                .check("group-exists", "A placement group with the name the task gives exists")
                .check("strategy-is-partition", "Its strategy is partition: racks shared within a partition, never across")
                .check("three-partitions", "It has " + Ec2PlacementGroupsLab.PARTITIONS
                        + " partitions, one per replica")
                .hints("An EC2 placement group whose strategy splits the instances into partitions, each on its own set "
                                + "of racks, and tells every instance its partition number (up to 7 per Availability Zone).",
                        "The API call CreatePlacementGroup with Strategy partition and PartitionCount "
                                + Ec2PlacementGroupsLab.PARTITIONS + "; console: EC2, Network & Security, Placement "
                                + "Groups, 'Create placement group'.");
    }

    @Override
    public void scaffold(LabContext ctx, Scaffold.Builder scaffold) throws Exception {
        String spread = PlacementGroup.create(ctx, SPREAD,
                r -> r.strategy(PlacementStrategy.SPREAD).spreadLevel(SpreadLevel.RACK));
        scaffold.item(SPREAD, PlacementGroup.KIND.type(), spread, null)
                .value(GROUP, ctx.name(SUFFIX));
    }

    @Override
    public void check(LabContext ctx, Scaffold scaffold, ChallengeChecks check) throws Exception {
        String name = scaffold.value(GROUP);
        // a filter, not GroupNames: AWS answers an unknown name in GroupNames with an error
        Optional<software.amazon.awssdk.services.ec2.model.PlacementGroup> group = ctx.client(Ec2Client.class)
                .describePlacementGroups(r -> r.filters(Filter.builder().name("group-name").values(name).build()))
                .placementGroups().stream().findFirst();
        Said none = ctx.words("fail.placementNoGroup", name);
        String shown = group.map(g -> g.groupName() + " " + g.strategyAsString()
                + (g.partitionCount() == null ? "" : ", " + g.partitionCount() + " partitions")).orElse("none");

        check.that("group-exists", p -> {
            p.evidence(name, shown);
            p.isTrue("a placement group named " + name, group.isPresent(), shown, none);
        });
        check.that("strategy-is-partition", p -> {
            p.evidence(name, shown);
            p.isTrue("a placement group named " + name, group.isPresent(), shown, none);
            p.equal("strategy", "partition", group.get().strategyAsString(),
                    ctx.words("fail.placementOtherStrategy", group.get().strategyAsString()));
        });
        check.that("three-partitions", p -> {
            p.evidence(name, shown);
            p.isTrue("a placement group named " + name, group.isPresent(), shown, none);
            p.equal("partition count", Ec2PlacementGroupsLab.PARTITIONS, group.get().partitionCount(),
                    ctx.words("fail.placementPartitionCount", group.get().partitionCount(), Ec2PlacementGroupsLab.PARTITIONS));
        });
    }

    /** The lab's own partition group, under the name the task gives. */
    @Override
    public void solve(LabContext ctx, Scaffold scaffold) throws Exception {
        Ec2PlacementGroupsLab.partitionGroup(ctx, SUFFIX, Ec2PlacementGroupsLab.PARTITIONS);
    }

    @Override
    public List<String> commands(Scaffold scaffold) {
        return List.of("aws ec2 create-placement-group --group-name " + scaffold.value(GROUP)
                + " --strategy partition --partition-count " + Ec2PlacementGroupsLab.PARTITIONS);
    }
}
