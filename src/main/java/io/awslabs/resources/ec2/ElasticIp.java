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
import software.amazon.awssdk.services.ec2.model.Address;
import software.amazon.awssdk.services.ec2.model.AllocateAddressResponse;
import software.amazon.awssdk.services.ec2.model.DomainType;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.ResourceType;

/**
 * An Elastic IP address of the VPC domain, tagged at allocation. AWS bills an allocated address
 * whether or not it is associated, so deleting it disassociates it (if it still is) and releases it.
 */
public final class ElasticIp implements ResourceKind {
    public static final ElasticIp KIND = new ElasticIp();

    /** An allocated address: its allocation id and the public IPv4 address it stands for. */
    public record Handle(String allocationId, String publicIp) { }

    private ElasticIp() { }

    public static Handle allocate(Provisioning p, String suffix) throws Exception {
        Ec2Client ec2 = p.client(Ec2Client.class);
        return p.create(KIND, () -> {
            AllocateAddressResponse a = ec2.allocateAddress(r -> r.domain(DomainType.VPC)
                    .tagSpecifications(Ec2Tags.of(p, ResourceType.ELASTIC_IP, p.name(suffix))));
            return new Handle(a.allocationId(), a.publicIp());
        }, Handle::allocationId);
    }

    @Override
    public String type() {
        return "EC2 Elastic IP";
    }

    @Override
    public List<String> actions() {
        return List.of("ec2:AllocateAddress", "ec2:CreateTags", "ec2:DescribeAddresses", "ec2:DisassociateAddress",
                "ec2:ReleaseAddress");
    }

    @Override
    public List<String> sweepActions() {
        return List.of("ec2:DescribeAddresses");
    }

    @Override
    public void delete(Teardown env, String idOrArn) throws Exception {
        Ec2Client ec2 = env.target().client(Ec2Client.class);
        String allocationId = canonicalId(idOrArn);
        for (Address address : ec2.describeAddresses(r -> r.allocationIds(allocationId)).addresses()) {
            if (address.associationId() != null) {
                ec2.disassociateAddress(r -> r.associationId(address.associationId()));
            }
        }
        ec2.releaseAddress(r -> r.allocationId(allocationId));
    }

    @Override
    public boolean owns(Arn arn) {
        return Ids.is(arn, "ec2", "elastic-ip");
    }

    @Override
    public List<Found> find(Target target, RunMatcher runs) {
        return target.client(Ec2Client.class).describeAddresses(r -> r.filters(Filter.builder()
                        .name("tag-key").values(Vpc.RUN_ID_TAG).build())).addresses().stream()
                .flatMap(a -> a.tags().stream().filter(t -> Vpc.RUN_ID_TAG.equals(t.key()) && runs.includes(t.value()))
                        .map(t -> new Found(t.value(), a.allocationId())))
                .toList();
    }
}
