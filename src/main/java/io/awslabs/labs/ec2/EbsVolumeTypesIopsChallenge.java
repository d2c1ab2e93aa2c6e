package io.awslabs.labs.ec2;

import io.awslabs.lab.CheckProof;
import io.awslabs.lab.Challenge;
import io.awslabs.lab.ChallengeChecks;
import io.awslabs.lab.ChallengeInfo;
import io.awslabs.lab.LabContext;
import io.awslabs.lab.LabWords;
import io.awslabs.lab.Scaffold;
import io.awslabs.resources.ec2.Ec2Instance;
import io.awslabs.resources.ec2.Subnet;
import io.awslabs.resources.ec2.Vpc;
import java.util.List;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.Volume;
import software.amazon.awssdk.services.ec2.model.VolumeAttachment;
import software.amazon.awssdk.services.ec2.model.VolumeType;

/**
 * The learner builds the two members of a RAID 0 array for a stated IOPS and throughput need: two
 * gp3 volumes of equal performance, attached to the instance, whose sums meet the need.
 */
public final class EbsVolumeTypesIopsChallenge implements Challenge {
    static final String INSTANCE = "instance";
    static final String ZONE = "zone";
    static final String ROOT_VOLUME = "root-volume";
    static final int NEEDED_IOPS = 8000;
    static final int NEEDED_THROUGHPUT = 500;
    /** Half the need each; gp3 allows 500 IOPS per GiB, so 4,000 IOPS needs at least 8 GiB. */
    static final int MEMBER_IOPS = NEEDED_IOPS / 2;
    static final int MEMBER_THROUGHPUT = NEEDED_THROUGHPUT / 2;
    static final int MEMBER_GIB = 8;

    @Override
    public String labId() {
        return "ebs-volume-types-iops";
    }

    @Override
    public ChallengeInfo info() {
        return ChallengeInfo.goal("A database on this instance needs " + NEEDED_IOPS + " IOPS and " + NEEDED_THROUGHPUT
                        + " MiB/s from an array of two EBS volumes striped as RAID 0 by the OS. Give the instance the two "
                        + "volumes, of the SSD type whose IOPS and throughput are bought apart from its size, with equal "
                        + "performance each, adding up to the need.")
                .creates("a VPC with one subnet, and one " + NanoInstance.TYPE + " instance in it (latest Amazon Linux "
                        + "2023 arm64 AMI, no key pair, no public address), with only its root volume")
                .resource(INSTANCE, "the database's instance, in {0}")
                .check("two-volumes-attached",
                        "Two volumes besides the root volume are attached to the instance")
                .check("volumes-are-gp3",
                        "Both volumes are gp3, whose IOPS and throughput are provisioned apart from the size")
                .check("iops-meet-the-need",
                        "The two volumes have the same IOPS, adding up to at least " + NEEDED_IOPS)
                .check("throughput-meets-the-need",
                        "The two volumes have the same throughput, adding up to at least " + NEEDED_THROUGHPUT + " MiB/s")
                .hints("RAID 0 adds up its members' performance, and its members should be alike; gp3 lets you set IOPS "
                                + "(500 per GiB at most) and throughput (0.25 MiB/s per IOPS at most) apart from the size.",
                        "EC2 CreateVolume with VolumeType gp3, Size, Iops and Throughput in the instance's Availability "
                                + "Zone, then AttachVolume at /dev/sdf and /dev/sdg.");
    }

    @Override
    public void scaffold(LabContext ctx, Scaffold.Builder scaffold) throws Exception {
        Ec2Client ec2 = ctx.client(Ec2Client.class);
        String zone = ctx.step(ctx.words("step.findZone", NanoInstance.TYPE),
                () -> NanoInstance.zoneOffering(ec2, ctx.target().region()));
        String imageId = ctx.step(ctx.words("step.latestAmi"), () -> NanoInstance.latestImage(ctx));
        String vpcId = Vpc.create(ctx, "10.31.0.0/16", "vpc");
        String subnetId = Subnet.create(ctx, vpcId, "10.31.1.0/24", zone, "subnet").id();
        Instance instance = ctx.step(ctx.words("step.launch"), () -> NanoInstance.launch(ctx, imageId, subnetId, "instance"));
        List<String> root = attachedTo(ec2, instance.instanceId()).stream().map(Volume::volumeId).toList();
        scaffold.item(INSTANCE, Ec2Instance.KIND.type(), instance.instanceId(), null, zone)
                .value(ZONE, zone)
                .value(ROOT_VOLUME, String.join(",", root));
    }

    @Override
    public void check(LabContext ctx, Scaffold scaffold, ChallengeChecks check) throws Exception {
        Ec2Client ec2 = ctx.client(Ec2Client.class);
        String instanceId = scaffold.id(INSTANCE);
        List<String> root = List.of(scaffold.value(ROOT_VOLUME).split(","));
        List<Volume> members = attachedTo(ec2, instanceId).stream().filter(v -> !root.contains(v.volumeId())).toList();
        List<String> shown = members.stream().map(v -> v.volumeId() + " " + v.volumeTypeAsString() + " " + v.size()
                + " GiB, " + v.iops() + " IOPS, " + v.throughput() + " MiB/s at "
                + v.attachments().stream().map(VolumeAttachment::device).toList()).toList();

        check.that("two-volumes-attached", p -> {
            p.evidence("volumes", shown);
            p.equal("volumes attached besides the root volume", 2, members.size(),
                    ctx.words("fail.ebsVolumeCount", members.size()));
        });

        check.that("volumes-are-gp3", p -> {
            p.evidence("volumes", shown);
            requireTwo(p, members);
            List<String> types = members.stream().map(Volume::volumeTypeAsString).toList();
            p.equal("types", List.of("gp3", "gp3"), types, ctx.words("fail.ebsNotGp3", types));
        });

        check.that("iops-meet-the-need", p -> {
            p.evidence("volumes", shown);
            requireTwo(p, members);
            Integer first = members.get(0).iops();
            Integer second = members.get(1).iops();
            p.equal("IOPS of the second volume", first, second, ctx.words("fail.ebsUnequalIops", first, second));
            int sum = first == null ? 0 : 2 * first;
            p.isTrue("IOPS adding up to at least " + NEEDED_IOPS, sum >= NEEDED_IOPS, sum,
                    ctx.words("fail.ebsTooFewIops", sum, NEEDED_IOPS));
        });

        check.that("throughput-meets-the-need", p -> {
            p.evidence("volumes", shown);
            requireTwo(p, members);
            Integer first = members.get(0).throughput();
            Integer second = members.get(1).throughput();
            p.equal("throughput of the second volume", first, second,
                    ctx.words("fail.ebsUnequalThroughput", first, second));
            int sum = first == null ? 0 : 2 * first;
            p.isTrue("throughput adding up to at least " + NEEDED_THROUGHPUT + " MiB/s", sum >= NEEDED_THROUGHPUT, sum,
                    ctx.words("fail.ebsTooLittleThroughput", sum, NEEDED_THROUGHPUT));
        });
    }

    private static List<Volume> attachedTo(Ec2Client ec2, String instanceId) {
        return ec2.describeVolumes(r -> r.filters(Filter.builder().name("attachment.instance-id").values(instanceId).build()))
                .volumes();
    }

    private static void requireTwo(CheckProof p, List<Volume> members) {
        p.equal("volumes attached besides the root volume", 2, members.size(),
                LabWords.of(EbsVolumeTypesIopsChallenge.class, "fail.ebsNothingToJudge", members.size()));
    }

    /** The lab's own code for the array's members, with the performance the need asks of each. */
    @Override
    public void solve(LabContext ctx, Scaffold scaffold) throws Exception {
        EbsVolumeTypesIopsLab.attachRaidMembers(ctx, scaffold.value(ZONE), scaffold.id(INSTANCE),
                r -> r.volumeType(VolumeType.GP3).size(MEMBER_GIB).iops(MEMBER_IOPS).throughput(MEMBER_THROUGHPUT));
    }

    @Override
    public List<String> commands(Scaffold scaffold) {
        String create = "aws ec2 create-volume --availability-zone " + scaffold.value(ZONE) + " --volume-type gp3 --size "
                + MEMBER_GIB + " --iops " + MEMBER_IOPS + " --throughput " + MEMBER_THROUGHPUT;
        return List.of(create, create,
                "aws ec2 attach-volume --volume-id <the first VolumeId> --instance-id " + scaffold.id(INSTANCE)
                        + " --device " + EbsVolumeTypesIopsLab.RAID_DEVICES.get(0),
                "aws ec2 attach-volume --volume-id <the second VolumeId> --instance-id " + scaffold.id(INSTANCE)
                        + " --device " + EbsVolumeTypesIopsLab.RAID_DEVICES.get(1));
    }
}
