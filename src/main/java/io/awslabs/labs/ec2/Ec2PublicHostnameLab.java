package io.awslabs.labs.ec2;

import static io.awslabs.targets.EmulatorKind.LOCALSTACK;
import static io.awslabs.targets.EmulatorKind.MOTO;

import io.awslabs.lab.Checks;
import io.awslabs.lab.ExamDomain;
import io.awslabs.lab.Lab;
import io.awslabs.lab.LabContext;
import io.awslabs.lab.LabInfo;
import io.awslabs.lab.Proof;
import io.awslabs.lab.Symptom;
import io.awslabs.resources.ec2.Ec2Instance;
import io.awslabs.resources.ec2.ElasticIp;
import io.awslabs.resources.ec2.InternetGateway;
import io.awslabs.resources.ec2.Subnet;
import io.awslabs.resources.ec2.Vpc;
import java.time.Duration;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.AssociateAddressResponse;
import software.amazon.awssdk.services.ec2.model.DescribeVpcAttributeResponse;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.VpcAttributeName;

/**
 * Proves where an instance's public IPv4 address and public DNS name come from: the subnet's
 * MapPublicIpOnLaunch gives the address, the VPC's enableDnsHostnames gives the name, the name
 * encodes the address, and an Elastic IP replaces both.
 */
public final class Ec2PublicHostnameLab implements Lab {
    static final String DNS_OFF_CHECK = "public DNS name in the VPC with enableDnsHostnames off";
    private static final Duration ADDRESS_PROPAGATION = Duration.ofMinutes(2);
    private static final Duration POLL_EVERY = Duration.ofSeconds(5);

    /** Where the lab's public instances live: a VPC with an internet gateway and a public subnet. */
    record PublicNetwork(String vpcId, String publicSubnetId) { }

    private PublicNetwork named;
    private String unnamedVpcId;
    private String privateSubnetId;
    private Instance privateInstance;
    private Instance publicInstance;
    private Instance unnamedInstance;
    private ElasticIp.Handle elasticIp;

    @Override
    public LabInfo info() {
        return LabInfo.of("ec2-public-hostname", "EC2 public IPv4 addresses and public DNS names")
                .exam(ExamDomain.SECURE, "1.2 Design secure workloads and applications")
                .concept("An instance in a VPC always has a private IPv4 address and a private DNS name. It gets a "
                        + "public IPv4 address at launch only if its subnet has MapPublicIpOnLaunch (or the launch asks "
                        + "for one), and a public DNS name only if it has a public address and its VPC has "
                        + "enableDnsHostnames. The name encodes the address: ec2-203-0-113-25.compute-1.amazonaws.com in "
                        + "us-east-1, ec2-203-0-113-25.<region>.compute.amazonaws.com elsewhere. The auto-assigned address "
                        + "is released when the instance stops; an Elastic IP is an address of the account's that "
                        + "replaces it, and the public DNS name follows. An address is only reachable from the internet "
                        + "when the subnet's route table sends 0.0.0.0/0 to an internet gateway.")
                .examAngle("Why does an instance have no public DNS name (enableDnsHostnames is off, the default for a "
                        + "VPC you create; the default VPC has it on)? Why is a public IP not enough (no route to an "
                        + "internet gateway)? Which address survives a stop/start (an Elastic IP, not the auto-assigned "
                        + "one)? Public IPv4 addresses, Elastic IPs included, are billed per hour since February 2024.")
                .services("ec2", "ssm")
                .costPerRunUsd(0.03, "upper bound for a run of under an hour in us-east-1: three t4g.nano on-demand at "
                        + "$0.0042/h (aws.amazon.com/ec2/pricing/on-demand, billed per second, 60 s minimum), three public "
                        + "IPv4 addresses and one Elastic IP at $0.005/h each (aws.amazon.com/vpc/pricing), three 8 GiB gp3 "
                        + "root volumes at $0.08/GB-month (about $0.001/h each); VPCs, subnets and internet gateways are "
                        + "free. A typical 5-minute run costs well under a cent")
                .provisions(Ec2Instance.KIND, ElasticIp.KIND, InternetGateway.KIND, Subnet.KIND, Vpc.KIND)
                .calls("ec2:AssociateAddress", "ec2:DescribeInstanceTypeOfferings", "ec2:DescribeVpcAttribute",
                        "ec2:ModifySubnetAttribute", "ec2:ModifyVpcAttribute", "ec2:RunInstances", "ssm:GetParameter")
                .creates("a VPC with enableDnsHostnames turned on, an internet gateway and a default route to it in its "
                                + "main route table, a private subnet (MapPublicIpOnLaunch false) and a public one (true)",
                        "a second VPC left with enableDnsHostnames off, with its own internet gateway and public subnet",
                        "three " + NanoInstance.TYPE + " instances from the latest Amazon Linux 2023 arm64 AMI ("
                                + NanoInstance.AMI_PARAMETER + "), one per subnet, no key pair, in the VPC's default "
                                + "security group (no inbound rule from outside)",
                        "one Elastic IP, associated with the public instance during verify")
                .asserts("new-vpc-has-dns-hostnames-off",
                        "A VPC created with CreateVpc has enableDnsHostnames false until it is turned on (the lab's other "
                                + "VPC, where ModifyVpcAttribute turned it on, reads true)")
                .asserts("no-public-address-without-auto-assign",
                        "An instance launched into a subnet with MapPublicIpOnLaunch false has neither a public IPv4 "
                                + "address nor a public DNS name, while one launched into a subnet of the same VPC with "
                                + "MapPublicIpOnLaunch true has both")
                .asserts("public-dns-name-encodes-ip",
                        "The public DNS name is ec2-<public IPv4 with dashes>.compute-1.amazonaws.com in us-east-1 and "
                                + "ec2-<public IPv4 with dashes>.<region>.compute.amazonaws.com in every other Region")
                .asserts("elastic-ip-replaces-address-and-name",
                        "Associating an Elastic IP replaces the instance's auto-assigned public IPv4 address with the "
                                + "Elastic IP, and its public DNS name with the name that encodes the Elastic IP")
                .asserts("no-public-dns-name-without-dns-hostnames",
                        "An instance with a public IPv4 address in a VPC whose enableDnsHostnames is false gets no public "
                                + "DNS name, while the same launch in a VPC with enableDnsHostnames true gets one")
                .gap(MOTO, "no-public-dns-name-without-dns-hostnames", Symptom.checkFails(DNS_OFF_CHECK, "ec2-"),
                        "moto gives every instance with a public address a public DNS name, whatever the VPC's "
                                + "enableDnsHostnames says",
                        "moto/ec2/models/instances.py Instance.public_dns builds ec2-<ip>.<domain> from the public IP alone "
                                + "and never reads the VPC attribute (moto 5.2.5)")
                .gap(LOCALSTACK, "no-public-dns-name-without-dns-hostnames", Symptom.checkFails(DNS_OFF_CHECK, "ec2-"),
                        "LocalStack's EC2 is moto's: every instance with a public address gets a public DNS name, "
                                + "whatever the VPC's enableDnsHostnames says",
                        "moto/ec2/models/instances.py Instance.public_dns (moto-ext 5.1.24, bundled with LocalStack 4.14.0)")
                .note("The address is only half of being public: the lab routes 0.0.0.0/0 of each VPC's main route table "
                        + "to an internet gateway, since an instance with a public IP in a subnet without that route is "
                        + "unreachable from the internet. The default security group still admits nothing from outside.")
                .note("A VPC the console's 'VPC and more' wizard creates has enableDnsHostnames on; one made with "
                        + "CreateVpc (CLI, SDK, CloudFormation without EnableDnsHostnames) has it off. The default VPC has "
                        + "both enableDnsSupport and enableDnsHostnames on. Private DNS names (ip-10-0-1-5.ec2.internal) "
                        + "need only enableDnsSupport.")
                .note("Stopping an instance releases its auto-assigned public IPv4 address and its public DNS name; "
                        + "starting it gives new ones. An Elastic IP stays with the instance across stop and start.")
                .source("https://docs.aws.amazon.com/vpc/latest/userguide/AmazonDNS-concepts.html")
                .source("https://docs.aws.amazon.com/vpc/latest/userguide/vpc-dns-updating.html")
                .source("https://docs.aws.amazon.com/vpc/latest/userguide/vpc-ip-addressing.html")
                .source("https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/using-instance-addressing.html")
                .source("https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/elastic-ip-addresses-eip.html")
                .source("https://docs.aws.amazon.com/vpc/latest/userguide/VPC_Internet_Gateway.html")
                .source("https://aws.amazon.com/blogs/aws/new-aws-public-ipv4-address-charge-public-ip-insights/")
                .source("moto/ec2/models/instances.py (moto 5.2.5): Instance.public_dns");
    }

    @Override
    public void provision(LabContext ctx) throws Exception {
        Ec2Client ec2 = ctx.client(Ec2Client.class);
        String zone = ctx.step(ctx.words("step.findZone", NanoInstance.TYPE),
                () -> NanoInstance.zoneOffering(ec2, ctx.target().region()));
        String imageId = ctx.step(ctx.words("step.latestAmi"), () -> NanoInstance.latestImage(ctx));
        named = publicNetwork(ctx, "10.20.0.0/16", "10.20.2.0/24", zone, "named");
        ec2.modifyVpcAttribute(r -> r.vpcId(named.vpcId()).enableDnsHostnames(v -> v.value(true)));
        privateSubnetId = Subnet.create(ctx, named.vpcId(), "10.20.1.0/24", zone, "named-private").id();
        PublicNetwork unnamed = publicNetwork(ctx, "10.21.0.0/16", "10.21.2.0/24", zone, "unnamed");
        unnamedVpcId = unnamed.vpcId();
        privateInstance = ctx.step(ctx.words("step.launchPrivate"),
                () -> NanoInstance.launch(ctx, imageId, privateSubnetId, "private"));
        publicInstance = ctx.step(ctx.words("step.launchPublic"),
                () -> NanoInstance.launch(ctx, imageId, named.publicSubnetId(), "public"));
        unnamedInstance = ctx.step(ctx.words("step.launchUnnamed"),
                () -> NanoInstance.launch(ctx, imageId, unnamed.publicSubnetId(), "unnamed"));
        elasticIp = ElasticIp.allocate(ctx, "eip");
    }

    /** A VPC with an internet gateway, its default route, and one subnet that gives public addresses. */
    static PublicNetwork publicNetwork(LabContext ctx, String vpcCidr, String subnetCidr, String zone, String suffix)
            throws Exception {
        Ec2Client ec2 = ctx.client(Ec2Client.class);
        String vpcId = Vpc.create(ctx, vpcCidr, suffix);
        InternetGateway.createFor(ctx, vpcId, suffix + "-igw");
        String subnetId = Subnet.create(ctx, vpcId, subnetCidr, zone, suffix + "-public").id();
        ec2.modifySubnetAttribute(r -> r.subnetId(subnetId).mapPublicIpOnLaunch(v -> v.value(true)));
        return new PublicNetwork(vpcId, subnetId);
    }

    @Override
    public void verify(LabContext ctx, Checks check) throws Exception {
        Ec2Client ec2 = ctx.client(Ec2Client.class);
        String region = ctx.target().region();

        check.that("new-vpc-has-dns-hostnames-off", p -> {
            DescribeVpcAttributeResponse turnedOn = dnsHostnames(ec2, named.vpcId());
            p.call("ec2:DescribeVpcAttribute(" + named.vpcId() + ")", turnedOn);
            p.equal("enableDnsHostnames after ModifyVpcAttribute", true, turnedOn.enableDnsHostnames().value());
            DescribeVpcAttributeResponse untouched = dnsHostnames(ec2, unnamedVpcId);
            p.call("ec2:DescribeVpcAttribute(" + unnamedVpcId + ")", untouched);
            p.equal("enableDnsHostnames of the VPC as CreateVpc made it", false, untouched.enableDnsHostnames().value());
        });

        check.that("no-public-address-without-auto-assign", p -> {
            boolean autoAssign = ec2.describeSubnets(r -> r.subnetIds(privateSubnetId)).subnets().get(0)
                    .mapPublicIpOnLaunch();
            p.equal("MapPublicIpOnLaunch of the private subnet", false, autoAssign);
            Instance inPrivate = NanoInstance.describe(ec2, privateInstance.instanceId());
            Instance inPublic = NanoInstance.describe(ec2, publicInstance.instanceId());
            addresses(p, "private", inPrivate);
            addresses(p, "public", inPublic);
            p.isTrue("the public subnet's instance has a public IPv4 address", inPublic.publicIpAddress() != null,
                    inPublic.publicIpAddress());
            p.isTrue("the public subnet's instance has a public DNS name", !PublicDnsNames.isBlank(inPublic.publicDnsName()),
                    inPublic.publicDnsName());
            p.isTrue("the private subnet's instance has no public IPv4 address", inPrivate.publicIpAddress() == null,
                    inPrivate.publicIpAddress());
            p.isTrue("the private subnet's instance has no public DNS name", PublicDnsNames.isBlank(inPrivate.publicDnsName()),
                    inPrivate.publicDnsName());
        });

        check.that("public-dns-name-encodes-ip", p -> {
            Instance inPublic = NanoInstance.describe(ec2, publicInstance.instanceId());
            addresses(p, "public", inPublic);
            p.isTrue("the instance has a public IPv4 address", inPublic.publicIpAddress() != null, inPublic.publicIpAddress());
            p.equal("public DNS name in " + region, PublicDnsNames.of(inPublic.publicIpAddress(), region),
                    inPublic.publicDnsName());
        });

        check.that("elastic-ip-replaces-address-and-name", p -> {
            Instance before = NanoInstance.describe(ec2, publicInstance.instanceId());
            p.evidence("publicIpBefore", before.publicIpAddress()).evidence("publicDnsNameBefore", before.publicDnsName());
            AssociateAddressResponse associated = ec2.associateAddress(r -> r.allocationId(elasticIp.allocationId())
                    .instanceId(publicInstance.instanceId()));
            p.call("ec2:AssociateAddress", associated).evidence("elasticIp", elasticIp.publicIp())
                    .evidence("associationId", associated.associationId());
            Instance after = ctx.waits().afterChange(ctx.words("wait.elasticIpShown"), ADDRESS_PROPAGATION, POLL_EVERY,
                    () -> NanoInstance.describe(ec2, publicInstance.instanceId()),
                    i -> elasticIp.publicIp().equals(i.publicIpAddress()), Instance::publicIpAddress);
            p.evidence("publicIpAfter", after.publicIpAddress()).evidence("publicDnsNameAfter", after.publicDnsName());
            p.isTrue("the Elastic IP differs from the auto-assigned address",
                    !elasticIp.publicIp().equals(before.publicIpAddress()), before.publicIpAddress());
            p.equal("public IPv4 address after the association", elasticIp.publicIp(), after.publicIpAddress());
            p.equal("public DNS name after the association", PublicDnsNames.of(elasticIp.publicIp(), region),
                    after.publicDnsName());
        });

        check.that("no-public-dns-name-without-dns-hostnames", p -> {
            Instance withNames = NanoInstance.describe(ec2, publicInstance.instanceId());
            Instance withoutNames = NanoInstance.describe(ec2, unnamedInstance.instanceId());
            addresses(p, "publicWithDnsHostnames", withNames);
            addresses(p, "publicWithoutDnsHostnames", withoutNames);
            p.isTrue("public DNS name in the VPC with enableDnsHostnames on", !PublicDnsNames.isBlank(withNames.publicDnsName()),
                    withNames.publicDnsName());
            p.isTrue("the instance in the VPC with enableDnsHostnames off has a public IPv4 address",
                    withoutNames.publicIpAddress() != null, withoutNames.publicIpAddress());
            p.isTrue(DNS_OFF_CHECK, PublicDnsNames.isBlank(withoutNames.publicDnsName()), withoutNames.publicDnsName());
        });
    }

    private static DescribeVpcAttributeResponse dnsHostnames(Ec2Client ec2, String vpcId) {
        return ec2.describeVpcAttribute(r -> r.vpcId(vpcId).attribute(VpcAttributeName.ENABLE_DNS_HOSTNAMES));
    }

    private static void addresses(Proof p, String which, Instance instance) {
        p.evidence(which + ".instanceId", instance.instanceId())
                .evidence(which + ".privateDnsName", instance.privateDnsName())
                .evidence(which + ".publicIpAddress", instance.publicIpAddress())
                .evidence(which + ".publicDnsName", instance.publicDnsName());
    }
}
