package io.awslabs.labs.ec2;

import static io.awslabs.targets.EmulatorKind.LOCALSTACK;
import static io.awslabs.targets.EmulatorKind.MOTO;

import io.awslabs.lab.Checks;
import io.awslabs.lab.ExamDomain;
import io.awslabs.lab.Lab;
import io.awslabs.lab.LabContext;
import io.awslabs.lab.LabInfo;
import io.awslabs.lab.Proof;
import io.awslabs.lab.Symptom;
import io.awslabs.resources.ec2.EbsVolume;
import io.awslabs.resources.ec2.Ec2Instance;
import io.awslabs.resources.ec2.Subnet;
import io.awslabs.resources.ec2.VolumeAttachment;
import io.awslabs.resources.ec2.Vpc;
import io.awslabs.targets.EmulatorKind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.CreateVolumeRequest;
import software.amazon.awssdk.services.ec2.model.CreateVolumeResponse;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceBlockDeviceMapping;
import software.amazon.awssdk.services.ec2.model.ModifyVolumeResponse;
import software.amazon.awssdk.services.ec2.model.Volume;
import software.amazon.awssdk.services.ec2.model.VolumeModification;
import software.amazon.awssdk.services.ec2.model.VolumeType;

/**
 * Proves the parameter rules of the EBS volume types as CreateVolume and ModifyVolume enforce them,
 * each refused request next to the accepted one, and attaches two volumes to one instance: the
 * starting point of a RAID 0 array, which the operating system stripes.
 */
public final class EbsVolumeTypesIopsLab implements Lab {
    static final String GP3_THROUGHPUT_CHECK = "throughput of a gp3 volume created without Throughput";
    static final String SHRINK_CHECK = "ModifyVolume to a smaller size is refused";
    static final String SECOND_MODIFICATION_CHECK = "a second ModifyVolume right after the first is refused";
    static final String GP3_IOPS_FLOOR_CHECK = "gp3 with 2999 IOPS is refused";
    static final String IO2_RATIO_CHECK = "io2 of 4 GiB with 4001 IOPS is refused";
    static final int IO2_GIB = 4;
    static final List<String> RAID_DEVICES = List.of("/dev/sdf", "/dev/sdg");
    private static final String ACCEPTED = "the call succeeded";

    private String zone;
    private String instanceId;
    private final Map<String, String> raidVolumes = new LinkedHashMap<>();

    @Override
    public LabInfo info() {
        LabInfo info = LabInfo.of("ebs-volume-types-iops", "EBS volume types: IOPS, throughput, multi-attach, modification")
                .exam(ExamDomain.HIGH_PERFORMING, "3.1 Determine high-performing and/or scalable storage solutions")
                .concept("An EBS volume's type decides which performance knobs it has. gp3 gives 3,000 IOPS and 125 MiB/s "
                        + "at any size, and both can be raised apart from the size; gp2's IOPS come from its size (3 per "
                        + "GiB, at least 100, bursting to 3,000), so it takes no Iops; io1 and io2 are provisioned IOPS: "
                        + "Iops is required (io2 up to 1,000 per GiB, io1 up to 50 per GiB), and only they can be attached "
                        + "to several Nitro instances at once (Multi-Attach). ModifyVolume changes type, size, IOPS and "
                        + "throughput of a live volume, but never shrinks it, and a volume takes one modification every "
                        + "six hours. Beyond one volume's limits, the exam's 'array of EBS volumes' is RAID 0 across "
                        + "several volumes attached to one instance, striped by the operating system.")
                .examAngle("Which volume for a database needing 20,000 sustained IOPS (io2, or gp3 up to its ceiling)? "
                        + "Which is cheaper for the same 3,000 IOPS (gp3: performance is not tied to size)? How do you go "
                        + "past one volume's IOPS (RAID 0 across volumes, in the OS; the instance's EBS bandwidth is the "
                        + "next limit)? Why not RAID 5/6 (parity writes eat the IOPS; EBS already replicates in its zone)? "
                        + "Which volumes can be shared by several instances (io1/io2 Multi-Attach only)?")
                .services("ec2", "ssm")
                .costPerRunUsd(0.06, "upper bound for a run of under an hour in us-east-1: one t4g.nano at $0.0042/h "
                        + "(aws.amazon.com/ec2/pricing/on-demand); gp2/gp3 volumes of 1-4 GiB at $0.10/$0.08 per GB-month; "
                        + "io2 volumes at $0.125 per GB-month plus $0.065 per provisioned IOPS-month: two at 100 IOPS "
                        + "(about $0.01/h each) and one at 4,000 IOPS (about $0.36/h, billed per second while it lasts) "
                        + "(aws.amazon.com/ebs/pricing). A typical 5-minute run costs about 3 cents")
                .provisions(EbsVolume.KIND, Ec2Instance.KIND, Subnet.KIND, VolumeAttachment.KIND, Vpc.KIND)
                .calls("ec2:DescribeInstanceTypeOfferings", "ec2:DescribeVolumesModifications", "ec2:ModifyVolume",
                        "ec2:RunInstances", "ssm:GetParameter")
                .creates("a VPC with one subnet, and one " + NanoInstance.TYPE + " instance in it (latest Amazon Linux "
                                + "2023 arm64 AMI, no key pair, no public address)",
                        "two 1 GiB gp3 volumes attached to the instance at " + String.join(" and ", RAID_DEVICES)
                                + ": the members of a RAID 0 array the OS would build",
                        "during verify, the volumes each rule's accepted request creates: gp2, gp3 with and without "
                                + "IOPS/throughput, io2 with 100 IOPS, io2 Multi-Attach, io2 at 1,000 IOPS per GiB; on an "
                                + "emulator, also those it accepts where AWS refuses (all deleted at teardown)")
                .asserts("io-volumes-require-iops",
                        "CreateVolume of an io1 or an io2 volume without Iops is refused, while the same io2 volume with "
                                + "Iops is created")
                .asserts("gp2-refuses-iops",
                        "CreateVolume of a gp2 volume with Iops is refused, while the same gp2 volume without it is "
                                + "created (its IOPS come from its size: 3 per GiB, at least 100)")
                .asserts("throughput-only-on-gp3",
                        "Throughput is refused for a gp2 and an io2 volume, and accepted for gp3")
                .asserts("multi-attach-only-on-io",
                        "MultiAttachEnabled is refused for a gp3 volume, and accepted for an io2 volume, which reports it")
                .asserts("gp3-default-performance",
                        "A gp3 volume created without Iops or Throughput has 3,000 IOPS and 125 MiB/s, whatever its size")
                .asserts("modification-records-original-and-target",
                        "ModifyVolume returns a modification that records the original and the target type, size and "
                                + "IOPS, and DescribeVolumesModifications shows the same")
                .asserts("shrinking-is-refused",
                        "ModifyVolume to a smaller size is refused, while the same volume can grow")
                .asserts("one-modification-per-six-hours",
                        "A second ModifyVolume of a volume right after its first is refused (AWS documents a wait of "
                                + "six hours between modifications of a volume), while the first was accepted")
                .asserts("gp3-iops-and-throughput-floors",
                        "gp3 refuses less than 3,000 IOPS and less than 125 MiB/s, while 3,000 IOPS and 125 MiB/s are "
                                + "accepted")
                .asserts("io2-iops-per-gib-ratio",
                        "io2 refuses more than 1,000 IOPS per GiB (4,001 IOPS on 4 GiB), while exactly 1,000 per GiB "
                                + "(4,000 IOPS on 4 GiB) is accepted")
                .asserts("raid0-members-attached",
                        "Two volumes are attached to one instance at two device names, each attached to it alone: the "
                                + "block devices a RAID 0 array stripes across")
                .note("RAID 0 (striping) is what AWS documents for more IOPS or throughput than one volume gives: create "
                        + "several volumes of the same type and size, attach them to one instance, and build the array in "
                        + "the OS (mdadm --create --level=0 on Linux, Storage Spaces on Windows). The array's performance "
                        + "is the sum of its members', up to the instance's EBS bandwidth; losing one member loses the "
                        + "array. AWS advises against RAID 5 and 6: their parity writes use 20-30% of the volumes' IOPS, "
                        + "and EBS already replicates each volume within its Availability Zone. RAID 1 doubles the writes "
                        + "over the instance's EBS bandwidth. This lab creates and attaches the two members; the striping "
                        + "happens inside the OS, which the EC2 API cannot see.")
                .note("The ceilings move: the SDK's documentation gives gp3 3,000-16,000 IOPS and 125-1,000 MiB/s, io1 "
                        + "100-64,000 IOPS (50 per GiB), io2 100-256,000 IOPS (1,000 per GiB) on Nitro instances. The lab "
                        + "tests the floors and ratios, which have not changed; check the volume types page for today's "
                        + "maximums.")
                .note("After a modification the volume goes modifying -> optimizing -> completed; the new performance "
                        + "applies during optimizing, and the file system must be grown in the OS after a size increase.")
                .source("https://docs.aws.amazon.com/ebs/latest/userguide/ebs-volume-types.html")
                .source("https://docs.aws.amazon.com/ebs/latest/userguide/general-purpose.html")
                .source("https://docs.aws.amazon.com/ebs/latest/userguide/provisioned-iops.html")
                .source("https://docs.aws.amazon.com/ebs/latest/userguide/ebs-volumes-multi.html")
                .source("https://docs.aws.amazon.com/ebs/latest/userguide/modify-volume-requirements.html")
                .source("https://docs.aws.amazon.com/ebs/latest/userguide/monitoring-volume-modifications.html")
                .source("https://docs.aws.amazon.com/ebs/latest/userguide/raid-config.html")
                .source("https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateVolume.html")
                .source("https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_ModifyVolume.html")
                .source("moto/ec2/models/elastic_block_store.py (moto 5.2.5): EBSBackend.create_volume, modify_volume");
        for (EmulatorKind emulator : List.of(MOTO, LOCALSTACK)) {
            String which = emulator == MOTO ? "moto 5.2.5" : "moto-ext 5.1.24, LocalStack 4.14.0's EC2";
            info.gap(emulator, "gp3-default-performance", Symptom.checkFails(GP3_THROUGHPUT_CHECK, "null"),
                            "a gp3 volume created without Throughput reports no throughput (AWS: 125 MiB/s); its 3,000 "
                                    + "IOPS default is right",
                            "moto/ec2/models/elastic_block_store.py create_volume sets Iops 3000 for gp3 and leaves "
                                    + "throughput as given (" + which + ")")
                    .gap(emulator, "shrinking-is-refused", Symptom.checkFails(SHRINK_CHECK, ACCEPTED),
                            "ModifyVolume to a smaller size is accepted and the volume shrinks",
                            "moto/ec2/models/elastic_block_store.py modify_volume sets the target size without comparing "
                                    + "it to the current one (" + which + ")")
                    .gap(emulator, "one-modification-per-six-hours", Symptom.checkFails(SECOND_MODIFICATION_CHECK, ACCEPTED),
                            "modifications complete at once and any number are accepted, with no six-hour wait",
                            "moto/ec2/models/elastic_block_store.py modify_volume appends a completed VolumeModification "
                                    + "every time (" + which + ")")
                    .gap(emulator, "gp3-iops-and-throughput-floors", Symptom.checkFails(GP3_IOPS_FLOOR_CHECK, ACCEPTED),
                            "gp3 IOPS and throughput values are stored as given, with no range check",
                            "moto/ec2/models/elastic_block_store.py create_volume checks only which parameters a type "
                                    + "needs, not their ranges (" + which + ")")
                    .gap(emulator, "io2-iops-per-gib-ratio", Symptom.checkFails(IO2_RATIO_CHECK, ACCEPTED),
                            "io2 IOPS are stored as given, with no IOPS-per-GiB ratio",
                            "moto/ec2/models/elastic_block_store.py create_volume has no ratio check (" + which + ")");
        }
        return info;
    }

    @Override
    public void provision(LabContext ctx) throws Exception {
        Ec2Client ec2 = ctx.client(Ec2Client.class);
        zone = ctx.step(ctx.words("step.findZone", NanoInstance.TYPE),
                () -> NanoInstance.zoneOffering(ec2, ctx.target().region()));
        String imageId = ctx.step(ctx.words("step.latestAmi"), () -> NanoInstance.latestImage(ctx));
        String vpcId = Vpc.create(ctx, "10.30.0.0/16", "vpc");
        String subnetId = Subnet.create(ctx, vpcId, "10.30.1.0/24", zone, "subnet").id();
        instanceId = ctx.step(ctx.words("step.launch"), () -> NanoInstance.launch(ctx, imageId, subnetId, "instance"))
                .instanceId();
        raidVolumes.putAll(attachRaidMembers(ctx, zone, instanceId, r -> r.volumeType(VolumeType.GP3).size(1)));
    }

    /** Creates one volume per RAID device as {@code spec} says, and attaches each; returns device to volume id. */
    static Map<String, String> attachRaidMembers(LabContext ctx, String zone, String instanceId,
                                                 Consumer<CreateVolumeRequest.Builder> spec) throws Exception {
        Map<String, String> members = new LinkedHashMap<>();
        for (String device : RAID_DEVICES) {
            String volumeId = EbsVolume.create(ctx, zone, "raid" + device.substring(device.length() - 1), spec).volumeId();
            EbsVolume.available(ctx, volumeId);
            ctx.step(ctx.words("step.attach", volumeId, device), () -> VolumeAttachment.attach(ctx, volumeId, instanceId, device));
            members.put(device, volumeId);
        }
        return members;
    }

    @Override
    public void verify(LabContext ctx, Checks check) throws Exception {
        Ec2Client ec2 = ctx.client(Ec2Client.class);

        check.that("io-volumes-require-iops", p -> {
            refused(p, ctx, "io1 without Iops is refused", "io1-no-iops", r -> r.volumeType(VolumeType.IO1).size(IO2_GIB));
            refused(p, ctx, "io2 without Iops is refused", "io2-no-iops", r -> r.volumeType(VolumeType.IO2).size(IO2_GIB));
            Volume io2 = accepted(p, ctx, "io2-100", r -> r.volumeType(VolumeType.IO2).size(IO2_GIB).iops(100));
            p.equal("IOPS of the io2 volume created with Iops 100", 100, io2.iops());
        });

        check.that("gp2-refuses-iops", p -> {
            refused(p, ctx, "gp2 with Iops is refused", "gp2-iops", r -> r.volumeType(VolumeType.GP2).size(1).iops(100));
            Volume gp2 = accepted(p, ctx, "gp2", r -> r.volumeType(VolumeType.GP2).size(1));
            p.equal("type of the volume created without Iops", "gp2", gp2.volumeTypeAsString());
        });

        check.that("throughput-only-on-gp3", p -> {
            refused(p, ctx, "gp2 with Throughput is refused", "gp2-throughput",
                    r -> r.volumeType(VolumeType.GP2).size(1).throughput(125));
            refused(p, ctx, "io2 with Throughput is refused", "io2-throughput",
                    r -> r.volumeType(VolumeType.IO2).size(IO2_GIB).iops(100).throughput(125));
            Volume gp3 = accepted(p, ctx, "gp3-3000-125", r -> r.volumeType(VolumeType.GP3).size(1).iops(3000).throughput(125));
            p.equal("throughput of the gp3 volume created with Throughput 125", 125, gp3.throughput());
        });

        check.that("multi-attach-only-on-io", p -> {
            refused(p, ctx, "gp3 with MultiAttachEnabled is refused", "gp3-multi",
                    r -> r.volumeType(VolumeType.GP3).size(1).multiAttachEnabled(true));
            Volume io2 = accepted(p, ctx, "io2-multi",
                    r -> r.volumeType(VolumeType.IO2).size(IO2_GIB).iops(100).multiAttachEnabled(true));
            p.equal("MultiAttachEnabled of the io2 volume", true, io2.multiAttachEnabled());
        });

        check.that("gp3-default-performance", p -> {
            Volume gp3 = accepted(p, ctx, "gp3-default", r -> r.volumeType(VolumeType.GP3).size(2));
            p.equal("IOPS of a gp3 volume created without Iops", 3000, gp3.iops());
            p.equal(GP3_THROUGHPUT_CHECK, 125, gp3.throughput());
        });

        check.that("modification-records-original-and-target", p -> {
            Volume gp2 = accepted(p, ctx, "gp2-to-gp3", r -> r.volumeType(VolumeType.GP2).size(1));
            ModifyVolumeResponse modified = ec2.modifyVolume(r -> r.volumeId(gp2.volumeId()).volumeType(VolumeType.GP3)
                    .size(2).iops(3000));
            p.call("ec2:ModifyVolume", modified);
            VolumeModification returned = modified.volumeModification();
            p.evidence("modificationState", returned.modificationStateAsString());
            modification(p, "returned", returned, gp2);
            List<VolumeModification> described = ec2.describeVolumesModifications(r -> r.volumeIds(gp2.volumeId()))
                    .volumesModifications();
            p.equal("modifications DescribeVolumesModifications lists", 1, described.size());
            modification(p, "described", described.get(0), gp2);
        });

        check.that("shrinking-is-refused", p -> {
            Volume volume = accepted(p, ctx, "shrink", r -> r.volumeType(VolumeType.GP3).size(2));
            Ec2Exception e = p.throwsA(SHRINK_CHECK, Ec2Exception.class,
                    () -> ec2.modifyVolume(r -> r.volumeId(volume.volumeId()).size(1)));
            p.error("ec2:ModifyVolume(size 2 -> 1)", e);
            ModifyVolumeResponse grown = ec2.modifyVolume(r -> r.volumeId(volume.volumeId()).size(3));
            p.call("ec2:ModifyVolume(size 2 -> 3)", grown);
            p.equal("target size of the growth", 3, grown.volumeModification().targetSize());
        });

        check.that("one-modification-per-six-hours", p -> {
            Volume volume = accepted(p, ctx, "twice", r -> r.volumeType(VolumeType.GP3).size(1));
            ModifyVolumeResponse first = ec2.modifyVolume(r -> r.volumeId(volume.volumeId()).size(2));
            p.call("ec2:ModifyVolume(first, size 1 -> 2)", first);
            p.equal("target size of the first modification", 2, first.volumeModification().targetSize());
            Ec2Exception e = p.throwsA(SECOND_MODIFICATION_CHECK, Ec2Exception.class,
                    () -> ec2.modifyVolume(r -> r.volumeId(volume.volumeId()).size(3)));
            p.error("ec2:ModifyVolume(second, size 2 -> 3)", e);
        });

        check.that("gp3-iops-and-throughput-floors", p -> {
            refused(p, ctx, GP3_IOPS_FLOOR_CHECK, "gp3-2999", r -> r.volumeType(VolumeType.GP3).size(1).iops(2999));
            refused(p, ctx, "gp3 with 124 MiB/s is refused", "gp3-124", r -> r.volumeType(VolumeType.GP3).size(1).throughput(124));
            Volume floor = accepted(p, ctx, "gp3-floor", r -> r.volumeType(VolumeType.GP3).size(1).iops(3000).throughput(125));
            p.equal("IOPS of the gp3 volume at the floor", 3000, floor.iops());
        });

        check.that("io2-iops-per-gib-ratio", p -> {
            refused(p, ctx, IO2_RATIO_CHECK, "io2-4001", r -> r.volumeType(VolumeType.IO2).size(IO2_GIB).iops(4001));
            Volume atRatio = accepted(p, ctx, "io2-4000", r -> r.volumeType(VolumeType.IO2).size(IO2_GIB).iops(4000));
            p.equal("IOPS of the io2 volume at 1,000 per GiB", 4000, atRatio.iops());
        });

        check.that("raid0-members-attached", p -> {
            Instance instance = NanoInstance.describe(ec2, instanceId);
            p.evidence("rootDeviceName", instance.rootDeviceName());
            for (InstanceBlockDeviceMapping m : instance.blockDeviceMappings()) {
                p.evidence("blockDevice." + m.deviceName(), m.ebs().volumeId() + " " + m.ebs().statusAsString());
            }
            for (Map.Entry<String, String> member : raidVolumes.entrySet()) {
                String attachedThere = instance.blockDeviceMappings().stream()
                        .filter(m -> m.deviceName().equals(member.getKey())).map(m -> m.ebs().volumeId())
                        .findFirst().orElse(null);
                p.equal("volume at " + member.getKey(), member.getValue(), attachedThere);
            }
            for (Map.Entry<String, String> member : raidVolumes.entrySet()) {
                List<String> attachments = ec2.describeVolumes(r -> r.volumeIds(member.getValue())).volumes().get(0)
                        .attachments().stream().map(a -> a.instanceId() + " " + a.device() + " " + a.stateAsString())
                        .toList();
                p.equal("attachments of " + member.getValue(), List.of(instanceId + " " + member.getKey() + " attached"),
                        attachments);
            }
        });
    }

    private void refused(Proof p, LabContext ctx, String what, String suffix, Consumer<CreateVolumeRequest.Builder> spec)
            throws Exception {
        Ec2Exception e = p.throwsA(what, Ec2Exception.class, () -> EbsVolume.create(ctx, zone, suffix, spec));
        p.error("ec2:CreateVolume(" + suffix + ")", e);
        p.evidence("ec2:CreateVolume(" + suffix + ").message", e.awsErrorDetails().errorMessage());
    }

    private Volume accepted(Proof p, LabContext ctx, String suffix, Consumer<CreateVolumeRequest.Builder> spec)
            throws Exception {
        CreateVolumeResponse created = EbsVolume.create(ctx, zone, suffix, spec);
        p.call("ec2:CreateVolume(" + suffix + ")", created);
        Volume volume = EbsVolume.available(ctx, created.volumeId());
        p.evidence(suffix, volume.volumeId() + " " + volume.volumeTypeAsString() + " " + volume.size() + " GiB, iops "
                + volume.iops() + ", throughput " + volume.throughput() + ", multiAttach " + volume.multiAttachEnabled());
        return volume;
    }

    private static void modification(Proof p, String which, VolumeModification m, Volume before) {
        p.equal(which + " original type", before.volumeTypeAsString(), m.originalVolumeTypeAsString());
        p.equal(which + " original size", before.size(), m.originalSize());
        p.equal(which + " original IOPS", before.iops(), m.originalIops());
        p.equal(which + " target type", "gp3", m.targetVolumeTypeAsString());
        p.equal(which + " target size", 2, m.targetSize());
        p.equal(which + " target IOPS", 3000, m.targetIops());
    }
}
