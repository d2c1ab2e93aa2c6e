package io.awslabs.resources.ec2;

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
import software.amazon.awssdk.arns.Arn;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.VpnState;

/**
 * A Site-to-Site VPN connection between a customer gateway and a virtual private gateway, tagged
 * at creation; billed by the hour on AWS while it exists. Deleting takes minutes on AWS, and the
 * virtual private gateway cannot be detached or deleted before it is {@code deleted}, so deleting
 * waits for that. Its static routes go with it.
 */
public final class VpnConnection implements ResourceKind {
    public static final VpnConnection KIND = new VpnConnection();
    private static final Duration DELETION = Duration.ofMinutes(15);
    private static final Duration POLL_EVERY = Duration.ofSeconds(15);

    private VpnConnection() { }

    /** Creates an ipsec.1 connection, with static routing when {@code staticRoutesOnly}; returns its id. */
    public static String create(Provisioning p, String customerGatewayId, String vpnGatewayId, boolean staticRoutesOnly,
                                String suffix) throws Exception {
        Ec2Client ec2 = p.client(Ec2Client.class);
        return p.create(KIND, () -> ec2.createVpnConnection(r -> r.type("ipsec.1").customerGatewayId(customerGatewayId)
                        .vpnGatewayId(vpnGatewayId).options(o -> o.staticRoutesOnly(staticRoutesOnly))
                        .tagSpecifications(Ec2Tags.of(p, ResourceType.VPN_CONNECTION, p.name(suffix))))
                .vpnConnection().vpnConnectionId());
    }

    public static software.amazon.awssdk.services.ec2.model.VpnConnection describe(Ec2Client ec2, String id) {
        return ec2.describeVpnConnections(r -> r.vpnConnectionIds(id)).vpnConnections().get(0);
    }

    @Override
    public String type() {
        return "EC2 VPN connection";
    }

    @Override
    public List<String> actions() {
        return List.of("ec2:CreateVpnConnection", "ec2:CreateTags", "ec2:DescribeVpnConnections",
                "ec2:DeleteVpnConnection");
    }

    @Override
    public List<String> sweepActions() {
        return List.of("ec2:DescribeVpnConnections");
    }

    @Override
    public void delete(Teardown env, String idOrArn) throws Exception {
        String id = canonicalId(idOrArn);
        Ec2Client ec2 = env.target().client(Ec2Client.class);
        if (describe(ec2, id).state() == VpnState.DELETED) {
            throw new Gone("gone.deleted");
        }
        ec2.deleteVpnConnection(r -> r.vpnConnectionId(id));
        VpnState state = env.waits().until(TeardownWords.phrase("wait.deleted", id), DELETION, POLL_EVERY, () -> describe(ec2, id).state(),
                s -> s == VpnState.DELETED);
        if (state != VpnState.DELETED) {
            throw new IllegalStateException(id + " still " + state + " after " + DELETION.toMinutes() + " min");
        }
    }

    @Override
    public boolean isGone(Target target, String idOrArn) {
        return describe(target.client(Ec2Client.class), canonicalId(idOrArn)).state() == VpnState.DELETED;
    }

    @Override
    public boolean owns(Arn arn) {
        return Ids.is(arn, "ec2", "vpn-connection");
    }

    @Override
    public List<Found> find(Target target, RunMatcher runs) {
        return target.client(Ec2Client.class).describeVpnConnections(r -> r.filters(RunTagged.filter()))
                .vpnConnections().stream()
                .flatMap(c -> RunTagged.found(c.tags(), c.vpnConnectionId(), runs).stream())
                .toList();
    }
}
