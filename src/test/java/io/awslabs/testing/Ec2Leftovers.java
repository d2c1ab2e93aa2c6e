package io.awslabs.testing;

import io.awslabs.targets.Target;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceStateName;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;

/** Instances of the run not yet terminated, and security groups whose name carries the run id. */
final class Ec2Leftovers implements LeftoverProbe {
    @Override
    public List<String> live(Target target, String runId) {
        Ec2Client ec2 = target.client(Ec2Client.class);
        List<String> live = new ArrayList<>();
        Filter ofRun = Filter.builder().name("tag:labs:run-id").values(runId).build();
        for (Instance instance : ec2.describeInstancesPaginator(r -> r.filters(ofRun)).reservations().stream()
                .flatMap(reservation -> reservation.instances().stream()).toList()) {
            if (instance.state().name() != InstanceStateName.TERMINATED) {
                live.add("ec2 instance " + instance.instanceId() + " (" + instance.state().nameAsString() + ")");
            }
        }
        for (SecurityGroup group : ec2.describeSecurityGroupsPaginator().securityGroups()) {
            if (group.groupName().contains(runId)) {
                live.add("ec2 security group " + group.groupId() + " " + group.groupName());
            }
        }
        return live;
    }
}
