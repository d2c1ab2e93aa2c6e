package io.awslabs.labs.ec2;

import io.awslabs.lab.CheckProof;
import io.awslabs.lab.Challenge;
import io.awslabs.lab.ChallengeChecks;
import io.awslabs.lab.ChallengeInfo;
import io.awslabs.lab.LabContext;
import io.awslabs.lab.LabWords;
import io.awslabs.lab.Scaffold;
import io.awslabs.resources.ec2.Ec2Instance;
import io.awslabs.resources.ec2.ElasticIp;
import io.awslabs.resources.ec2.InternetGateway;
import io.awslabs.resources.ec2.Subnet;
import io.awslabs.resources.ec2.Vpc;
import java.util.List;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Address;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.VpcAttributeName;

/**
 * The learner gives an instance that was launched without a public address a public DNS name
 * that lasts: an Elastic IP for the address, and DNS hostnames turned on in its VPC for the name.
 */
public final class Ec2PublicHostnameChallenge implements Challenge {
    static final String VPC = "vpc";
    static final String INSTANCE = "instance";

    @Override
    public String labId() {
        return "ec2-public-hostname";
    }

    @Override
    public ChallengeInfo info() {
        return ChallengeInfo.goal("Partners must reach this instance by the public DNS name EC2 gives it, and the name must "
                        + "not change when the instance is stopped and started. Its subnet already routes to an internet "
                        + "gateway; the instance itself was launched without a public address.")
                .creates("a VPC as CreateVpc makes it (enableDnsHostnames off), with an internet gateway and a default "
                                + "route to it in its main route table",
                        "a subnet with MapPublicIpOnLaunch false",
                        "one " + NanoInstance.TYPE + " instance in it, from the latest Amazon Linux 2023 arm64 AMI, no key "
                                + "pair, in the VPC's default security group")
                .resource(VPC, "the instance's VPC, as CreateVpc made it")
                .resource(INSTANCE, "the instance partners must reach, private address {0} only")
                .check("instance-has-elastic-ip",
                        "The instance has a public IPv4 address, and it is an Elastic IP of the account (an auto-assigned "
                                + "address would change at the next stop and start)")
                .check("vpc-gives-dns-hostnames",
                        "The instance's VPC has enableDnsHostnames on, without which EC2 gives no public DNS name")
                .check("instance-has-public-dns-name",
                        "The instance's public DNS name is the one that encodes its public address "
                                + "(ec2-a-b-c-d.compute-1.amazonaws.com in us-east-1, ec2-a-b-c-d.<region>.compute.amazonaws.com elsewhere)")
                .hints("A public DNS name needs a public IPv4 address on the instance and a VPC that gives DNS hostnames; "
                                + "an address that survives stop and start is an Elastic IP.",
                        "EC2 AllocateAddress (Domain vpc) and AssociateAddress with the instance id; EC2 ModifyVpcAttribute "
                                + "with EnableDnsHostnames true (console: VPC > Actions > Edit VPC settings).");
    }

    @Override
    public void scaffold(LabContext ctx, Scaffold.Builder scaffold) throws Exception {
        Ec2Client ec2 = ctx.client(Ec2Client.class);
        String zone = ctx.step(ctx.words("step.findZone", NanoInstance.TYPE),
                () -> NanoInstance.zoneOffering(ec2, ctx.target().region()));
        String imageId = ctx.step(ctx.words("step.latestAmi"), () -> NanoInstance.latestImage(ctx));
        String vpcId = Vpc.create(ctx, "10.22.0.0/16", "vpc");
        InternetGateway.createFor(ctx, vpcId, "igw");
        String subnetId = Subnet.create(ctx, vpcId, "10.22.1.0/24", zone, "subnet").id();
        Instance instance = ctx.step(ctx.words("step.launch"), () -> NanoInstance.launch(ctx, imageId, subnetId, "instance"));
        scaffold.item(VPC, Vpc.KIND.type(), vpcId, null)
                .item(INSTANCE, Ec2Instance.KIND.type(), instance.instanceId(), null, instance.privateIpAddress());
    }

    @Override
    public void check(LabContext ctx, Scaffold scaffold, ChallengeChecks check) throws Exception {
        Ec2Client ec2 = ctx.client(Ec2Client.class);
        String region = ctx.target().region();
        Instance instance = NanoInstance.describe(ec2, scaffold.id(INSTANCE));

        check.that("instance-has-elastic-ip", p -> {
            requirePublicAddress(p, instance);
            List<Address> elastic = ec2.describeAddresses(r -> r.filters(Filter.builder().name("public-ip")
                    .values(instance.publicIpAddress()).build())).addresses();
            p.evidence("elasticIps", elastic.stream().map(Address::allocationId).toList());
            p.isTrue("the public address is an Elastic IP", !elastic.isEmpty(), instance.publicIpAddress(),
                    ctx.words("fail.hostnameAutoAssigned", instance.publicIpAddress()));
        });

        check.that("vpc-gives-dns-hostnames", p -> {
            boolean on = ec2.describeVpcAttribute(r -> r.vpcId(instance.vpcId())
                    .attribute(VpcAttributeName.ENABLE_DNS_HOSTNAMES)).enableDnsHostnames().value();
            p.equal("enableDnsHostnames of " + instance.vpcId(), true, on,
                    ctx.words("fail.hostnameVpcGivesNone", instance.vpcId()));
        });

        check.that("instance-has-public-dns-name", p -> {
            requirePublicAddress(p, instance);
            String expected = PublicDnsNames.of(instance.publicIpAddress(), region);
            p.equal("public DNS name", expected, instance.publicDnsName(),
                    ctx.words("fail.hostnameOtherName", instance.publicDnsName(), expected));
        });
    }

    private static void requirePublicAddress(CheckProof p, Instance instance) {
        p.evidence("publicIpAddress", instance.publicIpAddress()).evidence("publicDnsName", instance.publicDnsName());
        p.isTrue("the instance has a public IPv4 address", instance.publicIpAddress() != null, instance.publicIpAddress(),
                LabWords.of(Ec2PublicHostnameChallenge.class, "fail.hostnameNoPublicAddress"));
    }

    /** The lab's own pieces: an Elastic IP as the lab allocates it, and DNS hostnames as it turns them on. */
    @Override
    public void solve(LabContext ctx, Scaffold scaffold) throws Exception {
        Ec2Client ec2 = ctx.client(Ec2Client.class);
        ec2.modifyVpcAttribute(r -> r.vpcId(scaffold.id(VPC)).enableDnsHostnames(v -> v.value(true)));
        ElasticIp.Handle address = ElasticIp.allocate(ctx, "eip");
        ec2.associateAddress(r -> r.allocationId(address.allocationId()).instanceId(scaffold.id(INSTANCE)));
    }

    @Override
    public List<String> commands(Scaffold scaffold) {
        return List.of("aws ec2 modify-vpc-attribute --vpc-id " + scaffold.id(VPC) + " --enable-dns-hostnames '{\"Value\":true}'",
                "aws ec2 allocate-address --domain vpc",
                "aws ec2 associate-address --allocation-id <the AllocationId allocate-address printed> --instance-id "
                        + scaffold.id(INSTANCE));
    }
}
