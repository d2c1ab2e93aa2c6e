package io.awslabs.resources.ds;

import io.awslabs.resources.Gone;
import io.awslabs.resources.Ids;
import io.awslabs.resources.Provisioning;
import io.awslabs.resources.ResourceKind;
import io.awslabs.resources.RunMatcher;
import io.awslabs.resources.Teardown;
import io.awslabs.resources.TeardownWords;
import io.awslabs.targets.Target;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import software.amazon.awssdk.arns.Arn;
import software.amazon.awssdk.services.directory.DirectoryClient;
import software.amazon.awssdk.services.directory.model.CreateDirectoryRequest;
import software.amazon.awssdk.services.directory.model.DirectoryDescription;
import software.amazon.awssdk.services.directory.model.DirectoryStage;
import software.amazon.awssdk.services.directory.model.EntityDoesNotExistException;
import software.amazon.awssdk.services.directory.model.Tag;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;

/**
 * A Directory Service directory, recorded by its id ({@code d-...}). Creating one also creates,
 * on AWS's side, a {@code <id>_controllers} security group and a network interface per subnet;
 * DeleteDirectory removes them, over several minutes on AWS, so deleting waits until the
 * directory is gone and then makes sure its security group went too. A directory's name must be
 * a DNS name, so its description carries the run's name, which is how a listing finds it; one
 * made by hand, for a challenge, is found by the run id in its name.
 */
public final class Directory implements ResourceKind {
    public static final Directory KIND = new Directory();
    private static final Duration DELETION_TIMEOUT = Duration.ofMinutes(30);
    private static final Duration POLL = Duration.ofSeconds(20);

    private Directory() { }

    /** Creates a directory whose description starts with the run's name, tagged; returns its id. */
    public static String create(Provisioning p, Consumer<CreateDirectoryRequest.Builder> settings) throws Exception {
        DirectoryClient ds = p.client(DirectoryClient.class);
        return p.create(KIND, () -> ds.createDirectory(r -> {
            settings.accept(r);
            r.description(p.name() + " directory").tags(p.tags((k, v) -> Tag.builder().key(k).value(v).build()));
        }).directoryId());
    }

    /** The directory as DescribeDirectories has it, or empty once it no longer exists. */
    public static Optional<DirectoryDescription> describe(DirectoryClient ds, String id) {
        try {
            return ds.describeDirectories(r -> r.directoryIds(id)).directoryDescriptions().stream().findFirst();
        } catch (EntityDoesNotExistException e) {
            return Optional.empty();
        }
    }

    @Override
    public String type() {
        return "Directory Service directory";
    }

    @Override
    public List<String> actions() {
        return List.of("ds:CreateDirectory", "ds:AddTagsToResource", "ds:DescribeDirectories", "ds:DeleteDirectory",
                "ec2:DescribeSecurityGroups", "ec2:DeleteSecurityGroup", "ec2:CreateSecurityGroup",
                "ec2:AuthorizeSecurityGroupIngress", "ec2:AuthorizeSecurityGroupEgress",
                "ec2:RevokeSecurityGroupEgress", "ec2:CreateNetworkInterface", "ec2:DeleteNetworkInterface",
                "ec2:DescribeNetworkInterfaces", "ec2:DescribeSubnets", "ec2:DescribeVpcs");
    }

    @Override
    public List<String> sweepActions() {
        return List.of("ds:DescribeDirectories");
    }

    @Override
    public void delete(Teardown env, String idOrArn) throws Exception {
        DirectoryClient ds = env.target().client(DirectoryClient.class);
        String id = canonicalId(idOrArn);
        DirectoryDescription before = describe(ds, id).orElseThrow(() -> new Gone("gone.directory", id));
        String groupId = before.vpcSettings() == null ? null : before.vpcSettings().securityGroupId();
        if (before.stage() != DirectoryStage.DELETING) {
            ds.deleteDirectory(r -> r.directoryId(id));
        }
        Optional<DirectoryDescription> left = env.waits().until(TeardownWords.phrase("wait.directoryDeleted", id), DELETION_TIMEOUT, POLL,
                () -> describe(ds, id), Optional::isEmpty, d -> d.map(x -> "stage " + x.stageAsString()).orElse("gone"));
        if (left.isPresent()) {
            throw new IllegalStateException("directory " + id + " is still " + left.get().stageAsString() + " after "
                    + DELETION_TIMEOUT.toMinutes() + " min");
        }
        if (groupId != null) {
            deleteLeftoverGroup(env.target().client(Ec2Client.class), groupId);
        }
    }

    /** AWS removes the controllers group with the directory; should it stay, it would keep its VPC from going. */
    private static void deleteLeftoverGroup(Ec2Client ec2, String groupId) {
        try {
            ec2.deleteSecurityGroup(r -> r.groupId(groupId));
        } catch (Ec2Exception e) {
            if (!Gone.isNotFound(e)) {
                throw e;
            }
        }
    }

    @Override
    public boolean owns(Arn arn) {
        return Ids.is(arn, "ds", "directory");
    }

    @Override
    public List<Found> find(Target target, RunMatcher runs) {
        return target.client(DirectoryClient.class).describeDirectoriesPaginator(r -> { }).directoryDescriptions().stream()
                .filter(d -> d.stage() != DirectoryStage.DELETED)
                .flatMap(d -> runs.runOf(d.description()).or(() -> runs.runOf(d.name()))
                        .map(run -> new Found(run, d.directoryId())).stream())
                .toList();
    }
}
