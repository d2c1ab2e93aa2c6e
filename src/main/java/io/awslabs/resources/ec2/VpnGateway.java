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
import software.amazon.awssdk.services.ec2.model.GatewayType;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.VpnState;

/**
 * A virtual private gateway, tagged at creation: the AWS side of a Site-to-Site VPN, attached to
 * one VPC ({@link VpnGatewayAttachment}, detached before this is deleted). EC2 keeps a deleted one
 * listed as {@code deleted} for a while.
 */
public final class VpnGateway implements ResourceKind {
    public static final VpnGateway KIND = new VpnGateway();
    static final Duration STATE_CHANGE = Duration.ofMinutes(10);
    static final Duration POLL_EVERY = Duration.ofSeconds(10);

    private VpnGateway() { }

    /** Creates an ipsec.1 gateway whose AWS side speaks BGP as {@code amazonSideAsn}; returns its id. */
    public static String create(Provisioning p, long amazonSideAsn, String suffix) throws Exception {
        Ec2Client ec2 = p.client(Ec2Client.class);
        return p.create(KIND, () -> ec2.createVpnGateway(r -> r.type(GatewayType.IPSEC_1).amazonSideAsn(amazonSideAsn)
                .tagSpecifications(Ec2Tags.of(p, ResourceType.VPN_GATEWAY, p.name(suffix)))).vpnGateway().vpnGatewayId());
    }

    public static software.amazon.awssdk.services.ec2.model.VpnGateway describe(Ec2Client ec2, String id) {
        return ec2.describeVpnGateways(r -> r.vpnGatewayIds(id)).vpnGateways().get(0);
    }

    @Override
    public String type() {
        return "EC2 virtual private gateway";
    }

    @Override
    public List<String> actions() {
        return List.of("ec2:CreateVpnGateway", "ec2:CreateTags", "ec2:DescribeVpnGateways", "ec2:DeleteVpnGateway");
    }

    @Override
    public List<String> sweepActions() {
        return List.of("ec2:DescribeVpnGateways");
    }

    @Override
    public void delete(Teardown env, String idOrArn) throws Exception {
        String id = canonicalId(idOrArn);
        if (isGone(env.target(), id)) {
            throw new Gone("gone.deleted");
        }
        Ec2Client ec2 = env.target().client(Ec2Client.class);
        // a detach that was just requested is still 'detaching' for a while on AWS
        env.waits().retrying(TeardownWords.phrase("wait.detached", id), STATE_CHANGE, POLL_EVERY,
                () -> ec2.deleteVpnGateway(r -> r.vpnGatewayId(id)), RunTagged::incorrectState);
    }

    @Override
    public boolean isGone(Target target, String idOrArn) {
        VpnState state = describe(target.client(Ec2Client.class), canonicalId(idOrArn)).state();
        return state == VpnState.DELETED || state == VpnState.DELETING;
    }

    @Override
    public boolean owns(Arn arn) {
        return Ids.is(arn, "ec2", "vpn-gateway");
    }

    @Override
    public List<Found> find(Target target, RunMatcher runs) {
        return target.client(Ec2Client.class).describeVpnGateways(r -> r.filters(RunTagged.filter())).vpnGateways()
                .stream().flatMap(g -> RunTagged.found(g.tags(), g.vpnGatewayId(), runs).stream())
                .toList();
    }
}
