package io.awslabs.resources.ec2;

import io.awslabs.resources.Ids;
import io.awslabs.resources.Provisioning;
import io.awslabs.resources.ResourceKind;
import io.awslabs.resources.RunMatcher;
import io.awslabs.resources.Teardown;
import io.awslabs.targets.Target;
import java.util.List;
import software.amazon.awssdk.arns.Arn;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.ResourceType;

/**
 * A network interface of the lab's own in a lab subnet, tagged at creation and attached to
 * nothing: an end point that reachability analyses start from or arrive at. It costs nothing.
 */
public final class NetworkInterface implements ResourceKind {
    public static final NetworkInterface KIND = new NetworkInterface();

    private NetworkInterface() { }

    /** Creates it in the subnet with these security groups; returns its id. */
    public static String create(Provisioning p, String subnetId, List<String> groupIds, String suffix) throws Exception {
        Ec2Client ec2 = p.client(Ec2Client.class);
        return p.create(KIND, () -> ec2.createNetworkInterface(r -> r.subnetId(subnetId).groups(groupIds)
                        .description(p.name(suffix))
                        .tagSpecifications(Ec2Tags.of(p, ResourceType.NETWORK_INTERFACE, p.name(suffix))))
                .networkInterface().networkInterfaceId());
    }

    @Override
    public String type() {
        return "EC2 network interface";
    }

    @Override
    public List<String> actions() {
        return List.of("ec2:CreateNetworkInterface", "ec2:CreateTags", "ec2:DeleteNetworkInterface");
    }

    @Override
    public List<String> sweepActions() {
        return List.of("ec2:DescribeNetworkInterfaces");
    }

    @Override
    public void delete(Teardown env, String idOrArn) throws Exception {
        String id = canonicalId(idOrArn);
        env.target().client(Ec2Client.class).deleteNetworkInterface(r -> r.networkInterfaceId(id));
    }

    @Override
    public boolean owns(Arn arn) {
        return Ids.is(arn, "ec2", "network-interface");
    }

    @Override
    public List<Found> find(Target target, RunMatcher runs) {
        return target.client(Ec2Client.class).describeNetworkInterfacesPaginator(r -> r.filters(RunTagged.filter()))
                .networkInterfaces().stream()
                .flatMap(n -> RunTagged.found(n.tagSet(), n.networkInterfaceId(), runs).stream())
                .toList();
    }
}
