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
import software.amazon.awssdk.services.ec2.model.DomainType;
import software.amazon.awssdk.services.ec2.model.ResourceType;

/** An Elastic IP address of the VPC domain, tagged at allocation; recorded by its allocation id. */
public final class ElasticIpAddress implements ResourceKind {
    public static final ElasticIpAddress KIND = new ElasticIpAddress();

    private ElasticIpAddress() { }

    /** What an allocation gives: the id other services name it by, and the address. */
    public record Handle(String allocationId, String publicIp) { }

    public static Handle allocate(Provisioning p, String suffix) throws Exception {
        Ec2Client ec2 = p.client(Ec2Client.class);
        return p.create(KIND, () -> {
            var allocated = ec2.allocateAddress(r -> r.domain(DomainType.VPC)
                    .tagSpecifications(Ec2Tags.of(p, ResourceType.ELASTIC_IP, p.name(suffix))));
            return new Handle(allocated.allocationId(), allocated.publicIp());
        }, Handle::allocationId);
    }

    @Override
    public String type() {
        return "EC2 Elastic IP address";
    }

    @Override
    public void delete(Teardown env, String idOrArn) {
        env.target().client(Ec2Client.class).releaseAddress(r -> r.allocationId(canonicalId(idOrArn)));
    }

    @Override
    public boolean owns(Arn arn) {
        return Ids.is(arn, "ec2", "elastic-ip");
    }

    @Override
    public List<Found> find(Target target, RunMatcher runs) {
        return target.client(Ec2Client.class).describeAddresses().addresses().stream()
                .flatMap(a -> a.tags().stream().filter(t -> t.key().equals("labs:run-id") && runs.includes(t.value()))
                        .map(t -> new Found(t.value(), a.allocationId())).limit(1))
                .toList();
    }
}
