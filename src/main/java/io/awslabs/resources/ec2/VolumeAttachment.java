package io.awslabs.resources.ec2;

import io.awslabs.resources.Provisioning;
import io.awslabs.resources.Relation;
import io.awslabs.resources.ResourceKind;
import io.awslabs.resources.RunMatcher;
import io.awslabs.resources.Teardown;
import io.awslabs.resources.TeardownWords;
import io.awslabs.targets.Target;
import java.time.Duration;
import java.util.List;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Volume;
import software.amazon.awssdk.services.ec2.model.VolumeAttachmentState;
import software.amazon.awssdk.services.ec2.model.VolumeState;

/**
 * An EBS volume attached to an instance at a device name, recorded as that relation. Detaching
 * waits until the volume is available again, so that it can be deleted next.
 */
public final class VolumeAttachment implements ResourceKind {
    public static final VolumeAttachment KIND = new VolumeAttachment();
    private static final Duration ATTACH_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration POLL_EVERY = Duration.ofSeconds(3);

    /** The relation: which volume, on which instance, at which device. */
    public record Attached(String volumeId, String instanceId, String device) { }

    private VolumeAttachment() { }

    /** Attaches the volume and waits until EC2 says attached; returns the volume as it is then. */
    public static Volume attach(Provisioning p, String volumeId, String instanceId, String device) throws Exception {
        Ec2Client ec2 = p.client(Ec2Client.class);
        p.create(KIND, () -> {
            ec2.attachVolume(r -> r.volumeId(volumeId).instanceId(instanceId).device(device));
            return new Attached(volumeId, instanceId, device);
        }, Relation::idOf);
        return p.waits().until(TeardownWords.phrase("wait.attached", volumeId, instanceId), ATTACH_TIMEOUT, POLL_EVERY,
                () -> ec2.describeVolumes(r -> r.volumeIds(volumeId)).volumes().get(0),
                v -> v.attachments().stream().anyMatch(a -> a.state() == VolumeAttachmentState.ATTACHED),
                v -> v.stateAsString());
    }

    @Override
    public String type() {
        return "EBS volume attachment";
    }

    @Override
    public List<String> actions() {
        return List.of("ec2:AttachVolume", "ec2:DescribeVolumes", "ec2:DetachVolume");
    }

    @Override
    public List<String> sweepActions() {
        return List.of("ec2:DescribeVolumes");
    }

    @Override
    public String canonicalId(String idOrArn) {
        return idOrArn;
    }

    @Override
    public void delete(Teardown env, String id) throws Exception {
        Attached attached = Relation.parse(id, Attached.class);
        Ec2Client ec2 = env.target().client(Ec2Client.class);
        ec2.detachVolume(r -> r.volumeId(attached.volumeId()).instanceId(attached.instanceId()).device(attached.device()));
        env.waits().until(TeardownWords.phrase("wait.detached", attached.volumeId()), ATTACH_TIMEOUT, POLL_EVERY,
                () -> ec2.describeVolumes(r -> r.volumeIds(attached.volumeId())).volumes().get(0).state(),
                s -> s == VolumeState.AVAILABLE);
    }

    /** A run's volumes still attached to another instance than as its root volume. */
    @Override
    public List<Found> find(Target target, RunMatcher runs) {
        return target.client(Ec2Client.class).describeVolumesPaginator(r -> r.filters(Filter.builder()
                        .name("tag-key").values(Vpc.RUN_ID_TAG).build())).volumes().stream()
                .flatMap(v -> v.tags().stream().filter(t -> Vpc.RUN_ID_TAG.equals(t.key()) && runs.includes(t.value()))
                        .flatMap(t -> v.attachments().stream()
                                .filter(a -> !Boolean.TRUE.equals(a.deleteOnTermination()))
                                .filter(a -> a.state() == VolumeAttachmentState.ATTACHED)
                                .map(a -> new Found(t.value(), Relation.idOf(
                                        new Attached(v.volumeId(), a.instanceId(), a.device()))))))
                .toList();
    }
}
