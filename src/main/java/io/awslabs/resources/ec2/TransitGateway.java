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
import software.amazon.awssdk.arns.Arn;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.AutoAcceptSharedAttachmentsValue;
import software.amazon.awssdk.services.ec2.model.DefaultRouteTableAssociationValue;
import software.amazon.awssdk.services.ec2.model.DefaultRouteTablePropagationValue;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.TransitGatewayState;

/**
 * A transit gateway of the lab's own, tagged at creation, without a default route table
 * association or propagation: the lab associates its attachments with a route table it creates.
 * On AWS a transit gateway takes minutes to become available, and minutes to be deleted.
 */
public final class TransitGateway implements ResourceKind {
    public static final TransitGateway KIND = new TransitGateway();
    static final Duration STATE_CHANGE = Duration.ofMinutes(15);
    static final Duration POLL_EVERY = Duration.ofSeconds(15);

    private TransitGateway() { }

    /** Creates the gateway and waits until it is available; returns its id. */
    public static String create(Provisioning p, String suffix) throws Exception {
        Ec2Client ec2 = p.client(Ec2Client.class);
        String id = p.create(KIND, () -> ec2.createTransitGateway(r -> r.description(p.name(suffix))
                .options(o -> o.defaultRouteTableAssociation(DefaultRouteTableAssociationValue.DISABLE)
                        .defaultRouteTablePropagation(DefaultRouteTablePropagationValue.DISABLE)
                        .autoAcceptSharedAttachments(AutoAcceptSharedAttachmentsValue.DISABLE))
                .tagSpecifications(Ec2Tags.of(p, ResourceType.TRANSIT_GATEWAY, p.name(suffix))))
                .transitGateway().transitGatewayId());
        TransitGatewayState state = p.waits().until(TeardownWords.phrase("wait.available", id), STATE_CHANGE, POLL_EVERY,
                () -> stateOf(ec2, id), s -> s == TransitGatewayState.AVAILABLE);
        if (state != TransitGatewayState.AVAILABLE) {
            throw new IllegalStateException(id + " still " + state + " after " + STATE_CHANGE.toMinutes() + " min");
        }
        return id;
    }

    static TransitGatewayState stateOf(Ec2Client ec2, String id) {
        return ec2.describeTransitGateways(r -> r.transitGatewayIds(id)).transitGateways().stream()
                .map(t -> t.state()).findFirst().orElse(TransitGatewayState.DELETED);
    }

    @Override
    public String type() {
        return "EC2 transit gateway";
    }

    @Override
    public List<String> actions() {
        return List.of("ec2:CreateTransitGateway", "ec2:CreateTags", "ec2:DescribeTransitGateways",
                "ec2:DeleteTransitGateway");
    }

    @Override
    public List<String> sweepActions() {
        return List.of("ec2:DescribeTransitGateways");
    }

    @Override
    public void delete(Teardown env, String idOrArn) throws Exception {
        Ec2Client ec2 = env.target().client(Ec2Client.class);
        String id = canonicalId(idOrArn);
        ec2.deleteTransitGateway(r -> r.transitGatewayId(id));
        env.waits().until(TeardownWords.phrase("wait.deleted", id), STATE_CHANGE, POLL_EVERY, () -> stateOf(ec2, id),
                s -> s == TransitGatewayState.DELETED);
    }

    @Override
    public boolean isGone(Target target, String idOrArn) {
        TransitGatewayState state = stateOf(target.client(Ec2Client.class), canonicalId(idOrArn));
        return state == TransitGatewayState.DELETED || state == TransitGatewayState.DELETING;
    }

    @Override
    public boolean owns(Arn arn) {
        return Ids.is(arn, "ec2", "transit-gateway");
    }

    @Override
    public List<Found> find(Target target, RunMatcher runs) {
        return target.client(Ec2Client.class).describeTransitGatewaysPaginator(r -> r.filters(RunTagged.filter()))
                .transitGateways().stream()
                .flatMap(t -> RunTagged.found(t.tags(), t.transitGatewayId(), runs).stream())
                .toList();
    }
}
