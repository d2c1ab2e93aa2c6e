package io.awslabs.resources.ec2;

import io.awslabs.resources.Gone;
import io.awslabs.resources.Ids;
import io.awslabs.resources.Provisioning;
import io.awslabs.resources.ResourceKind;
import io.awslabs.resources.RunMatcher;
import io.awslabs.resources.Teardown;
import io.awslabs.targets.Target;
import java.util.List;
import java.util.function.Consumer;
import software.amazon.awssdk.arns.Arn;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.CreatePlacementGroupRequest;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.ResourceType;

/**
 * An EC2 placement group, named {@code labs-<lab>-<run>-<suffix>} and tagged at creation; it is
 * recorded, found and deleted by name. EC2 deletes a group only once no instance is in it, so it goes
 * after the instances launched into it.
 */
public final class PlacementGroup implements ResourceKind {
    public static final PlacementGroup KIND = new PlacementGroup();

    private PlacementGroup() { }

    /** Creates the group as {@code spec} says (strategy, partitions, spread level); returns its name. */
    public static String create(Provisioning p, String suffix, Consumer<CreatePlacementGroupRequest.Builder> spec)
            throws Exception {
        Ec2Client ec2 = p.client(Ec2Client.class);
        String name = p.name(suffix);
        return p.create(KIND, () -> {
            ec2.createPlacementGroup(r -> {
                r.groupName(name).tagSpecifications(Ec2Tags.of(p, ResourceType.PLACEMENT_GROUP, name));
                spec.accept(r);
            });
            return name;
        });
    }

    @Override
    public String type() {
        return "EC2 placement group";
    }

    @Override
    public List<String> actions() {
        return List.of("ec2:CreatePlacementGroup", "ec2:CreateTags", "ec2:DeletePlacementGroup");
    }

    @Override
    public List<String> sweepActions() {
        return List.of("ec2:DescribePlacementGroups");
    }

    @Override
    public void delete(Teardown env, String idOrArn) throws Exception {
        String name = canonicalId(idOrArn);
        try {
            env.target().client(Ec2Client.class).deletePlacementGroup(r -> r.groupName(name));
        } catch (Ec2Exception e) {
            // EC2 names an unknown group InvalidPlacementGroup.Unknown, not *.NotFound.
            if (e.awsErrorDetails() != null && "InvalidPlacementGroup.Unknown".equals(e.awsErrorDetails().errorCode())) {
                throw new Gone("gone.unknown", name);
            }
            throw e;
        }
    }

    @Override
    public boolean owns(Arn arn) {
        return Ids.is(arn, "ec2", "placement-group");
    }

    @Override
    public List<Found> find(Target target, RunMatcher runs) {
        // by name, not tag: a group the learner creates by hand under the run's prefix carries no tag
        return target.client(Ec2Client.class).describePlacementGroups().placementGroups().stream()
                .flatMap(g -> runs.runOf(g.groupName()).map(run -> new Found(run, g.groupName())).stream())
                .toList();
    }
}
