package io.awslabs.labs.elbv2;

import io.awslabs.resources.Provisioning;
import io.awslabs.resources.TeardownWords;
import io.awslabs.resources.ec2.Ec2Instance;
import io.awslabs.resources.ec2.Ec2Tags;
import io.awslabs.resources.ec2.SecurityGroup;
import io.awslabs.resources.ec2.Subnet;
import io.awslabs.resources.ec2.Vpc;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.AvailabilityZone;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.InstanceStateName;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.LocationType;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * Where the legacy application runs: a VPC of the lab's own with a subnet in each of two
 * Availability Zones (a load balancer needs two), a security group that lets TCP 80 and 8080 in
 * from the VPC (an NLB without security groups passes the client's address through, and its
 * health checks come from its own addresses in the VPC), and instances running a small
 * line-based TCP service on both ports: not HTTP, as the question's application is not.
 */
final class LegacyNetwork {
    static final String VPC_CIDR = "10.80.0.0/16";
    static final String INSTANCE_TYPE = "t3.micro";
    static final String AMI_PARAMETER = "/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64";
    static final List<Integer> PORTS = List.of(80, 8080);
    private static final Duration RUNNING_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration POLL_EVERY = Duration.ofSeconds(5);

    /** A banner and an echo on each port, from the AMI's own python3: no package to install, no internet needed. */
    static final String USER_DATA = """
            #!/bin/bash
            cat > /usr/local/bin/legacy-service.py <<'PY'
            import socketserver, threading
            class Legacy(socketserver.StreamRequestHandler):
                def handle(self):
                    self.wfile.write(b"LEGACY %d READY\\n" % self.server.server_address[1])
                    for line in self.rfile:
                        self.wfile.write(b"ECHO " + line)
            for port in (80, 8080):
                server = socketserver.ThreadingTCPServer(("", port), Legacy)
                threading.Thread(target=server.serve_forever).start()
            PY
            nohup python3 /usr/local/bin/legacy-service.py >/var/log/legacy-service.log 2>&1 &
            """;

    record Network(String vpcId, Subnet.Handle first, Subnet.Handle second, String groupId) {
        List<String> subnetIds() {
            return List.of(first.id(), second.id());
        }
    }

    private LegacyNetwork() { }

    static Network create(Provisioning p) throws Exception {
        Ec2Client ec2 = p.client(Ec2Client.class);
        List<String> zones = twoZonesOffering(ec2);
        String vpcId = Vpc.create(p, VPC_CIDR, "vpc");
        Subnet.Handle first = Subnet.create(p, vpcId, "10.80.1.0/24", zones.get(0), "a");
        Subnet.Handle second = Subnet.create(p, vpcId, "10.80.2.0/24", zones.get(1), "b");
        String groupId = SecurityGroup.create(p, vpcId, "legacy", "TCP 80 and 8080 from the VPC: clients and NLB health checks");
        ec2.authorizeSecurityGroupIngress(r -> r.groupId(groupId).ipPermissions(PORTS.stream().map(port -> IpPermission
                .builder().ipProtocol("tcp").fromPort(port).toPort(port).ipRanges(i -> i.cidrIp(VPC_CIDR)).build()).toList()));
        return new Network(vpcId, first, second, groupId);
    }

    /** The two first zones (by name) that offer the instance type: a load balancer needs two zones. */
    private static List<String> twoZonesOffering(Ec2Client ec2) {
        Set<String> offering = new HashSet<>();
        ec2.describeInstanceTypeOfferingsPaginator(r -> r.locationType(LocationType.AVAILABILITY_ZONE)
                .filters(Filter.builder().name("instance-type").values(INSTANCE_TYPE).build()))
                .instanceTypeOfferings().forEach(o -> offering.add(o.location()));
        List<String> zones = ec2.describeAvailabilityZones(r -> r.filters(
                        Filter.builder().name("state").values("available").build())).availabilityZones().stream()
                .map(AvailabilityZone::zoneName).filter(offering::contains).sorted().toList();
        if (zones.size() < 2) {
            throw new IllegalStateException("fewer than two Availability Zones offer " + INSTANCE_TYPE + ": " + zones);
        }
        return zones.subList(0, 2);
    }

    /** An instance of the legacy service in the first subnet, running when this returns; its id. */
    static String launch(Provisioning p, Network network, String suffix) throws Exception {
        Ec2Client ec2 = p.client(Ec2Client.class);
        String imageId = p.client(SsmClient.class).getParameter(r -> r.name(AMI_PARAMETER)).parameter().value();
        String name = p.name(suffix);
        String instanceId = p.create(Ec2Instance.KIND, () -> ec2.runInstances(r -> r.imageId(imageId)
                .instanceType(INSTANCE_TYPE).minCount(1).maxCount(1)
                .subnetId(network.first().id()).securityGroupIds(network.groupId())
                .userData(Base64.getEncoder().encodeToString(USER_DATA.getBytes(StandardCharsets.UTF_8)))
                .metadataOptions(m -> m.httpTokens("required"))
                .creditSpecification(c -> c.cpuCredits("standard"))
                // the root volume goes with the instance (DeleteOnTermination): untagged, no sweep has to know volumes
                .tagSpecifications(Ec2Tags.of(p, ResourceType.INSTANCE, name)))
                .instances().get(0).instanceId());
        InstanceStateName state = p.waits().until(TeardownWords.phrase("wait.running", instanceId), RUNNING_TIMEOUT, POLL_EVERY,
                () -> stateOf(ec2, instanceId), s -> s == InstanceStateName.RUNNING);
        if (state != InstanceStateName.RUNNING) {
            throw new IllegalStateException(instanceId + " is " + state + ", not running, after "
                    + RUNNING_TIMEOUT.toMinutes() + " min");
        }
        return instanceId;
    }

    static InstanceStateName stateOf(Ec2Client ec2, String instanceId) {
        return ec2.describeInstances(r -> r.instanceIds(instanceId)).reservations().get(0).instances().get(0)
                .state().name();
    }
}
