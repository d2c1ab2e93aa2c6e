package io.awslabs.resources.ec2;

import io.awslabs.resources.Ids;
import io.awslabs.resources.Provisioning;
import io.awslabs.resources.ResourceKind;
import io.awslabs.resources.RunMatcher;
import io.awslabs.resources.Teardown;
import io.awslabs.resources.TeardownWords;
import io.awslabs.targets.Target;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import software.amazon.awssdk.arns.Arn;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.CreateVolumeRequest;
import software.amazon.awssdk.services.ec2.model.CreateVolumeResponse;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Volume;
import software.amazon.awssdk.services.ec2.model.VolumeState;

/**
 * An EBS volume, tagged at creation. A volume just detached stays in-use for a few seconds
 * (VolumeInUse), so deleting retries until it is available.
 */
public final class EbsVolume implements ResourceKind {
    public static final EbsVolume KIND = new EbsVolume();
    private static final Duration RELEASE_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration CREATE_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration RETRY_EVERY = Duration.ofSeconds(5);

    private EbsVolume() { }

    /**
     * Creates a volume in the zone as {@code spec} describes it, named {@code labs-<lab>-<run>-<suffix>};
     * whatever the target answers, a volume it creates is recorded, even one AWS would have refused.
     */
    public static CreateVolumeResponse create(Provisioning p, String zone, String suffix,
                                              Consumer<CreateVolumeRequest.Builder> spec) throws Exception {
        Ec2Client ec2 = p.client(Ec2Client.class);
        return p.create(KIND, () -> ec2.createVolume(r -> {
            r.availabilityZone(zone).tagSpecifications(Ec2Tags.of(p, ResourceType.VOLUME, p.name(suffix)));
            spec.accept(r);
        }), CreateVolumeResponse::volumeId);
    }

    /** The volume once EC2 says it is available: a volume still creating can be neither attached nor modified. */
    public static Volume available(Provisioning p, String volumeId) throws Exception {
        Ec2Client ec2 = p.client(Ec2Client.class);
        Volume volume = p.waits().until(TeardownWords.phrase("wait.available", volumeId), CREATE_TIMEOUT, RETRY_EVERY,
                () -> ec2.describeVolumes(r -> r.volumeIds(volumeId)).volumes().get(0),
                v -> v.state() == VolumeState.AVAILABLE, Volume::stateAsString);
        if (volume.state() != VolumeState.AVAILABLE) {
            throw new IllegalStateException(volumeId + " is " + volume.stateAsString() + ", not available, after "
                    + CREATE_TIMEOUT.toMinutes() + " min");
        }
        return volume;
    }

    @Override
    public String type() {
        return "EBS volume";
    }

    @Override
    public List<String> actions() {
        return List.of("ec2:CreateVolume", "ec2:CreateTags", "ec2:DescribeVolumes", "ec2:DeleteVolume");
    }

    @Override
    public List<String> sweepActions() {
        return List.of("ec2:DescribeVolumes");
    }

    @Override
    public void delete(Teardown env, String idOrArn) throws Exception {
        Ec2Client ec2 = env.target().client(Ec2Client.class);
        String volumeId = canonicalId(idOrArn);
        env.waits().retrying(TeardownWords.phrase("wait.detached", volumeId), RELEASE_TIMEOUT, RETRY_EVERY,
                () -> ec2.deleteVolume(r -> r.volumeId(volumeId)), EbsVolume::stillInUse);
    }

    private static boolean stillInUse(Exception e) {
        return e instanceof Ec2Exception ec2 && ec2.awsErrorDetails() != null
                && "VolumeInUse".equals(ec2.awsErrorDetails().errorCode());
    }

    /**
     * A tag sweep also finds an instance's root volume, which carries the run's tags: the sweep
     * terminates instances first, and the root volume goes with its instance, already gone here.
     */
    @Override
    public boolean owns(Arn arn) {
        return Ids.is(arn, "ec2", "volume");
    }

    /** The volumes the lab created; those AWS deletes on termination (root volumes) go with their instance. */
    @Override
    public List<Found> find(Target target, RunMatcher runs) {
        return target.client(Ec2Client.class).describeVolumesPaginator(r -> r.filters(Filter.builder()
                        .name("tag-key").values(Vpc.RUN_ID_TAG).build())).volumes().stream()
                .filter(v -> v.attachments().stream().noneMatch(a -> Boolean.TRUE.equals(a.deleteOnTermination())))
                .flatMap(v -> v.tags().stream().filter(t -> Vpc.RUN_ID_TAG.equals(t.key()) && runs.includes(t.value()))
                        .map(t -> new Found(t.value(), v.volumeId())))
                .toList();
    }
}
