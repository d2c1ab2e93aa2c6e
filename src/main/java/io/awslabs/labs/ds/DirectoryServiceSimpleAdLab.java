package io.awslabs.labs.ds;

import io.awslabs.lab.Checks;
import io.awslabs.lab.ExamDomain;
import io.awslabs.lab.Lab;
import io.awslabs.lab.LabContext;
import io.awslabs.lab.LabInfo;
import io.awslabs.lab.LabOption;
import io.awslabs.resources.ds.Directory;
import io.awslabs.resources.ec2.Subnet;
import io.awslabs.resources.ec2.Vpc;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.directory.DirectoryClient;
import software.amazon.awssdk.services.directory.model.DirectoryDescription;
import software.amazon.awssdk.services.directory.model.DirectoryException;
import software.amazon.awssdk.services.directory.model.DirectoryStage;
import software.amazon.awssdk.services.directory.model.DirectoryType;
import software.amazon.awssdk.services.directory.model.LDAPSType;
import software.amazon.awssdk.services.directory.model.UnsupportedOperationException;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.NetworkInterface;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;

/**
 * Proves what AWS Directory Service builds for a Simple AD: domain controllers in two subnets of
 * different Availability Zones, whose addresses are the directory's DNS servers, behind a
 * security group it creates itself; and what Simple AD is not (Microsoft AD: no LDAPS).
 */
public final class DirectoryServiceSimpleAdLab implements Lab {
    static final String ALLOW_SLOW = "allow-slow";
    static final String VPC_CIDR = "10.42.0.0/16";

    private String vpcId;
    private Subnet.Handle first;
    private Subnet.Handle second;
    private Subnet.Handle sameZoneAsFirst;
    private String directoryId;
    private Duration creation;

    @Override
    public LabInfo info() {
        return LabInfo.of("directory-service-simple-ad", "Directory Service: a Simple AD in two Availability Zones")
                .exam(ExamDomain.SECURE, "1.1 Design secure access to AWS resources")
                .concept("AWS Directory Service runs a directory for you: AWS Managed Microsoft AD (real Active "
                        + "Directory, trusts with on-premises domains, LDAPS), AD Connector (a proxy to your own AD) or "
                        + "Simple AD (a Samba 4 directory compatible with basic AD features, no trusts, no LDAPS). "
                        + "It is needed wherever Windows-style identity is: domain-joined EC2 instances, Amazon "
                        + "WorkSpaces, FSx for Windows, RDS for SQL Server with Windows authentication, IAM Identity "
                        + "Center with AD users. AWS places two domain controllers in two subnets of different "
                        + "Availability Zones of your VPC, gives their addresses as the directory's DNS servers, and "
                        + "creates the security group that guards them.")
                .examAngle("Which directory for: a small Linux/Windows fleet with no on-premises AD (Simple AD), trust "
                        + "with on-premises AD or LDAPS (Managed Microsoft AD), using the existing on-premises AD as it "
                        + "is (AD Connector)? Why two subnets in two AZs? Which DNS servers do domain members use? Which "
                        + "security group must allow your instances?")
                .services("ds", "ec2")
                .costPerRunUsd(0.10, "Simple AD Small at $0.05 per hour (aws.amazon.com/directoryservice/pricing), "
                        + "billed from creation (20-40 min) until deletion (10+ min): one to two hours; the VPC, subnets "
                        + "and the directory's network interfaces cost nothing (aws.amazon.com/vpc/pricing)")
                .provisions(Directory.KIND, Subnet.KIND, Vpc.KIND)
                .calls("ds:EnableLDAPS", "ec2:DescribeAvailabilityZones")
                .creates("a VPC " + VPC_CIDR + " with three /24 subnets: two in different Availability Zones and a third "
                                + "in the first one's zone",
                        "a Simple AD directory (Small) in the first two subnets; AWS adds its two domain controllers, "
                                + "their network interfaces and a <directory id>_controllers security group, all removed "
                                + "with the directory. On AWS creating it takes 20-40 minutes and deleting it 10 or more, "
                                + "at about $0.05 an hour: the lab runs there only with --option " + ALLOW_SLOW + "=true")
                .option(LabOption.flag(ALLOW_SLOW, false, "on AWS: accept that the directory takes 20-40 minutes to "
                                + "create and costs about $0.05 an hour")
                        .requiredOnAws("true", "true", "a Simple AD takes 20-40 minutes to create and 10 or more to "
                                + "delete, at about $0.05 an hour"))
                .asserts("same-zone-subnets-refused",
                        "CreateDirectory with two subnets in one Availability Zone is refused; the directory in two "
                                + "zones is Active, its VPC settings naming both zones")
                .asserts("dns-addresses-inside-subnets",
                        "The directory's two DNS addresses (its domain controllers) lie one in each of its subnets")
                .asserts("controllers-security-group",
                        "Directory Service created a security group <directory id>_controllers in the lab's VPC, and two "
                                + "network interfaces in it, one in each subnet")
                .asserts("ldaps-not-on-simple-ad",
                        "EnableLDAPS is refused for Simple AD (UnsupportedOperationException): LDAPS is AWS Managed "
                                + "Microsoft AD's, and AD Connector's")
                .asserts("creation-takes-minutes",
                        "Creating the directory takes minutes, not seconds: it is Active only after its domain "
                                + "controllers are built")
                .note("A directory needs two subnets in different Availability Zones; Directory Service creates a "
                        + "security group named <id>_controllers for the domain controllers "
                        + "(docs.aws.amazon.com/directoryservice/latest/admin-guide/prereq_simple.html, "
                        + "simple_ad_getting_started.html).")
                .note("Simple AD supports no trust relationships, no LDAPS, no schema extensions "
                        + "(docs.aws.amazon.com/directoryservice/latest/admin-guide/directory_simple_ad.html).")
                .note("EnableLDAPS applies to AWS Managed Microsoft AD and AD Connector "
                        + "(docs.aws.amazon.com/directoryservice/latest/devguide/API_EnableLDAPS.html).")
                .note("The administrator password is generated per run and held in memory only.")
                .source("https://docs.aws.amazon.com/directoryservice/latest/admin-guide/what_is.html")
                .source("https://docs.aws.amazon.com/directoryservice/latest/admin-guide/directory_simple_ad.html")
                .source("https://docs.aws.amazon.com/directoryservice/latest/admin-guide/prereq_simple.html")
                .source("https://docs.aws.amazon.com/directoryservice/latest/devguide/API_CreateDirectory.html")
                .awsOnly("creation-takes-minutes",
                        "moto creates a directory Active at once, with no domain controllers behind it "
                                + "(moto/ds/models.py Directory.__init__ sets stage 'Active', moto 5.2.5)");
    }

    @Override
    public void provision(LabContext ctx) throws Exception {
        List<String> zones = SimpleAd.zones(ctx.client(Ec2Client.class), ctx.target().region());
        vpcId = Vpc.create(ctx, VPC_CIDR, "vpc");
        first = Subnet.create(ctx, vpcId, "10.42.1.0/24", zones.get(0), "first");
        second = Subnet.create(ctx, vpcId, "10.42.2.0/24", zones.get(1), "second");
        sameZoneAsFirst = Subnet.create(ctx, vpcId, "10.42.3.0/24", zones.get(0), "same-zone");
        Instant started = Instant.now();
        directoryId = SimpleAd.create(ctx, vpcId, List.of(first.id(), second.id()));
        SimpleAd.awaitActive(ctx, directoryId);
        creation = Duration.between(started, Instant.now());
    }

    @Override
    public void verify(LabContext ctx, Checks check) {
        DirectoryClient ds = ctx.client(DirectoryClient.class);
        Ec2Client ec2 = ctx.client(Ec2Client.class);

        check.that("same-zone-subnets-refused", p -> {
            p.evidence("subnets", List.of(first.id() + " " + first.availabilityZone(),
                    sameZoneAsFirst.id() + " " + sameZoneAsFirst.availabilityZone()));
            DirectoryException refused = p.throwsA("CreateDirectory with two subnets in one zone", DirectoryException.class,
                    () -> SimpleAd.create(ctx, vpcId, List.of(first.id(), sameZoneAsFirst.id())));
            p.error("ds:CreateDirectory(one zone)", refused);
            p.isTrue("refused as a client error naming the Availability Zones", refused.statusCode() / 100 == 4
                    && String.valueOf(refused.awsErrorDetails().errorMessage()).contains("Availability Zone"),
                    refused.awsErrorDetails().errorCode() + ": " + refused.awsErrorDetails().errorMessage());
            DirectoryDescription d = Directory.describe(ds, directoryId).orElseThrow();
            p.equal("stage of the directory in two zones", DirectoryStage.ACTIVE, d.stage());
            p.equal("its zones", Set.of(first.availabilityZone(), second.availabilityZone()),
                    Set.copyOf(d.vpcSettings().availabilityZones()));
        });

        check.that("dns-addresses-inside-subnets", p -> {
            DirectoryDescription d = Directory.describe(ds, directoryId).orElseThrow();
            List<String> dns = d.dnsIpAddrs();
            p.evidence("dnsIpAddrs", dns).evidence("subnets", List.of(first.cidr(), second.cidr()));
            p.equal("DNS addresses", 2, dns.size());
            p.equal("subnets holding them, one each", List.of(first.cidr(), second.cidr()), dns.stream()
                    .map(ip -> Ipv4Block.parse(first.cidr()).contains(ip) ? first.cidr()
                            : Ipv4Block.parse(second.cidr()).contains(ip) ? second.cidr() : "outside both: " + ip)
                    .sorted().toList());
        });

        check.that("controllers-security-group", p -> {
            String groupId = Directory.describe(ds, directoryId).orElseThrow().vpcSettings().securityGroupId();
            SecurityGroup group = ec2.describeSecurityGroups(r -> r.groupIds(groupId)).securityGroups().get(0);
            p.evidence("securityGroup", groupId).evidence("description", group.description());
            p.equal("group name", directoryId + "_controllers", group.groupName());
            p.equal("its VPC", vpcId, group.vpcId());
            List<NetworkInterface> enis = ec2.describeNetworkInterfacesPaginator(r -> r.filters(
                    Filter.builder().name("group-id").values(groupId).build())).networkInterfaces().stream().toList();
            p.evidence("networkInterfaces", enis.stream().map(e -> e.networkInterfaceId() + " " + e.subnetId()
                    + " " + e.privateIpAddress()).toList());
            p.equal("subnets of the network interfaces in the group", Set.of(first.id(), second.id()),
                    enis.stream().map(NetworkInterface::subnetId).collect(Collectors.toSet()));
            p.isTrue("at least one network interface per subnet", enis.size() >= 2, enis.size());
        });

        check.that("ldaps-not-on-simple-ad", p -> {
            DirectoryDescription d = Directory.describe(ds, directoryId).orElseThrow();
            p.equal("directory type", DirectoryType.SIMPLE_AD, d.type());
            UnsupportedOperationException refused = p.throwsA("EnableLDAPS on the Simple AD",
                    UnsupportedOperationException.class,
                    () -> ds.enableLDAPS(r -> r.directoryId(directoryId).type(LDAPSType.CLIENT)));
            p.error("ds:EnableLDAPS", refused);
        });

        check.that("creation-takes-minutes", p -> {
            p.evidence("createdInSeconds", creation.toSeconds());
            p.isTrue("Active after at least 5 minutes", creation.compareTo(Duration.ofMinutes(5)) >= 0,
                    creation.toSeconds() + " s");
        });
    }
}
