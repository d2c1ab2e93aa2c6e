package io.awslabs.resources.ec2;

import io.awslabs.resources.Gone;
import io.awslabs.resources.Ids;
import io.awslabs.resources.Provisioning;
import io.awslabs.resources.ResourceKind;
import io.awslabs.resources.RunMatcher;
import io.awslabs.resources.Teardown;
import io.awslabs.targets.Target;
import java.util.List;
import software.amazon.awssdk.arns.Arn;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.GatewayType;
import software.amazon.awssdk.services.ec2.model.ResourceType;

/**
 * A customer gateway, tagged at creation: AWS's record of the on-premises VPN device (its public
 * IP address and BGP ASN), nothing that runs. EC2 keeps a deleted one listed as {@code deleted}
 * for a while.
 */
public final class CustomerGateway implements ResourceKind {
    public static final CustomerGateway KIND = new CustomerGateway();

    private CustomerGateway() { }

    /** Records the device at {@code publicIp} with BGP ASN {@code bgpAsn}; returns the gateway's id. */
    public static String create(Provisioning p, String publicIp, int bgpAsn, String suffix) throws Exception {
        Ec2Client ec2 = p.client(Ec2Client.class);
        return p.create(KIND, () -> ec2.createCustomerGateway(r -> r.type(GatewayType.IPSEC_1).ipAddress(publicIp)
                        .bgpAsn(bgpAsn)
                        .tagSpecifications(Ec2Tags.of(p, ResourceType.CUSTOMER_GATEWAY, p.name(suffix))))
                .customerGateway().customerGatewayId());
    }

    public static software.amazon.awssdk.services.ec2.model.CustomerGateway describe(Ec2Client ec2, String id) {
        return ec2.describeCustomerGateways(r -> r.customerGatewayIds(id)).customerGateways().get(0);
    }

    @Override
    public String type() {
        return "EC2 customer gateway";
    }

    @Override
    public List<String> actions() {
        return List.of("ec2:CreateCustomerGateway", "ec2:CreateTags", "ec2:DescribeCustomerGateways",
                "ec2:DeleteCustomerGateway");
    }

    @Override
    public List<String> sweepActions() {
        return List.of("ec2:DescribeCustomerGateways");
    }

    @Override
    public void delete(Teardown env, String idOrArn) throws Exception {
        String id = canonicalId(idOrArn);
        if (isGone(env.target(), id)) {
            throw new Gone("gone.deleted");
        }
        env.target().client(Ec2Client.class).deleteCustomerGateway(r -> r.customerGatewayId(id));
    }

    @Override
    public boolean isGone(Target target, String idOrArn) {
        String state = describe(target.client(Ec2Client.class), canonicalId(idOrArn)).state();
        return "deleted".equals(state) || "deleting".equals(state);
    }

    @Override
    public boolean owns(Arn arn) {
        return Ids.is(arn, "ec2", "customer-gateway");
    }

    @Override
    public List<Found> find(Target target, RunMatcher runs) {
        return target.client(Ec2Client.class).describeCustomerGateways(r -> r.filters(RunTagged.filter()))
                .customerGateways().stream()
                .flatMap(g -> RunTagged.found(g.tags(), g.customerGatewayId(), runs).stream())
                .toList();
    }
}
