package io.awslabs.resources.ec2;

import io.awslabs.resources.Gone;
import io.awslabs.resources.Provisioning;
import io.awslabs.resources.Relation;
import io.awslabs.resources.ResourceKind;
import io.awslabs.resources.RunMatcher;
import io.awslabs.resources.Teardown;
import io.awslabs.resources.TeardownWords;
import io.awslabs.targets.Target;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.AttachmentStatus;
import software.amazon.awssdk.services.ec2.model.VpcAttachment;

/**
 * A virtual private gateway attached to a lab VPC: recorded by gateway and VPC. Attaching and
 * detaching take a while on AWS, and the gateway can be deleted only once detached.
 */
public final class VpnGatewayAttachment implements ResourceKind {
    public static final VpnGatewayAttachment KIND = new VpnGatewayAttachment();

    /** What the ledger records: the gateway and the VPC it is attached to. */
    public record Attached(String vpnGatewayId, String vpcId) { }

    private VpnGatewayAttachment() { }

    /** Attaches the gateway to the VPC and waits until the attachment is {@code attached}. */
    public static Attached attach(Provisioning p, String vpnGatewayId, String vpcId) throws Exception {
        Ec2Client ec2 = p.client(Ec2Client.class);
        Attached attached = p.create(KIND, () -> {
            ec2.attachVpnGateway(r -> r.vpnGatewayId(vpnGatewayId).vpcId(vpcId));
            return new Attached(vpnGatewayId, vpcId);
        }, Relation::idOf);
        Optional<AttachmentStatus> state = p.waits().until(TeardownWords.phrase("wait.attached", vpnGatewayId, vpcId),
                VpnGateway.STATE_CHANGE, VpnGateway.POLL_EVERY, () -> stateOf(ec2, attached),
                s -> s.equals(Optional.of(AttachmentStatus.ATTACHED)));
        if (!state.equals(Optional.of(AttachmentStatus.ATTACHED))) {
            throw new IllegalStateException(vpnGatewayId + " still " + state + " to " + vpcId);
        }
        return attached;
    }

    static Optional<AttachmentStatus> stateOf(Ec2Client ec2, Attached attached) {
        return VpnGateway.describe(ec2, attached.vpnGatewayId()).vpcAttachments().stream()
                .filter(a -> attached.vpcId().equals(a.vpcId())).map(VpcAttachment::state).findFirst();
    }

    @Override
    public String type() {
        return "EC2 virtual private gateway attachment";
    }

    @Override
    public List<String> actions() {
        return List.of("ec2:AttachVpnGateway", "ec2:DescribeVpnGateways", "ec2:DetachVpnGateway");
    }

    @Override
    public List<String> sweepActions() {
        return List.of("ec2:DescribeVpnGateways");
    }

    @Override
    public void delete(Teardown env, String id) throws Exception {
        Attached attached = Relation.parse(id, Attached.class);
        Ec2Client ec2 = env.target().client(Ec2Client.class);
        Optional<AttachmentStatus> state = stateOf(ec2, attached);
        if (state.isEmpty() || state.get() == AttachmentStatus.DETACHED || state.get() == AttachmentStatus.DETACHING) {
            throw new Gone("gone.vpnGatewayDetached", attached.vpnGatewayId(), attached.vpcId());
        }
        ec2.detachVpnGateway(r -> r.vpnGatewayId(attached.vpnGatewayId()).vpcId(attached.vpcId()));
        env.waits().until(TeardownWords.phrase("wait.detachedFrom", attached.vpnGatewayId(), attached.vpcId()), VpnGateway.STATE_CHANGE,
                VpnGateway.POLL_EVERY, () -> stateOf(ec2, attached),
                s -> s.isEmpty() || s.get() == AttachmentStatus.DETACHED);
    }

    /** The recorded JSON is the id. */
    @Override
    public String canonicalId(String id) {
        return id;
    }

    @Override
    public List<Found> find(Target target, RunMatcher runs) {
        return target.client(Ec2Client.class).describeVpnGateways(r -> r.filters(RunTagged.filter())).vpnGateways()
                .stream().flatMap(g -> RunTagged.found(g.tags(), g.vpnGatewayId(), runs).stream()
                        .flatMap(found -> g.vpcAttachments().stream()
                                .filter(a -> a.state() == AttachmentStatus.ATTACHED || a.state() == AttachmentStatus.ATTACHING)
                                .map(a -> new Found(found.runId(), Relation.idOf(new Attached(g.vpnGatewayId(), a.vpcId()))))))
                .toList();
    }
}
