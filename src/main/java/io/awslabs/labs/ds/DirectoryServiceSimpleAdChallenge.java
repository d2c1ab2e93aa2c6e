package io.awslabs.labs.ds;

import io.awslabs.lab.Challenge;
import io.awslabs.lab.ChallengeChecks;
import io.awslabs.lab.ChallengeInfo;
import io.awslabs.lab.CheckProof;
import io.awslabs.lab.LabContext;
import io.awslabs.lab.Scaffold;
import io.awslabs.resources.ec2.Subnet;
import io.awslabs.resources.ec2.Vpc;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.directory.DirectoryClient;
import software.amazon.awssdk.services.directory.model.DirectoryDescription;
import software.amazon.awssdk.services.directory.model.DirectorySize;
import software.amazon.awssdk.services.directory.model.DirectoryStage;
import software.amazon.awssdk.services.directory.model.DirectoryType;
import software.amazon.awssdk.services.ec2.Ec2Client;

/**
 * The learner gives a VPC its directory: a Simple AD, Small, placed in two of the VPC's three
 * subnets, which must be the two in different Availability Zones. The checks read the directory
 * as DescribeDirectories has it: its type, size and stage, its VPC settings, and its DNS
 * addresses (its domain controllers), which must lie one in each of its subnets.
 */
public final class DirectoryServiceSimpleAdChallenge implements Challenge {
    static final String VPC = "vpc";
    static final String NAME = "directory-name";
    static final String SHORT_NAME = "short-name";
    /** The three subnets, by role: two share a zone, so only one pair of them can hold a directory. */
    static final List<String> SUBNETS = List.of("subnet-1", "subnet-2", "subnet-3");

    @Override
    public String labId() {
        return "directory-service-simple-ad";
    }

    @Override
    public ChallengeInfo info() {
        return ChallengeInfo.goal("The VPC below has its own directory for its Windows and Linux machines to join: a "
                        + "Simple AD of the smallest size, with the DNS name 'directory-name' and the NetBIOS name "
                        + "'short-name', Active, whose domain controllers stand in two of the VPC's subnets in two "
                        + "different Availability Zones, so that losing one zone leaves the directory up. The "
                        + "administrator password is yours to choose; the checks never need it.")
                .creates("a VPC " + DirectoryServiceSimpleAdLab.VPC_CIDR + " with three /24 subnets: two in one "
                        + "Availability Zone and one in another (no cost; on AWS the directory you create costs about "
                        + "$0.05 an hour and takes 20-40 minutes to become Active)")
                .resource(VPC, "the VPC that needs a directory")
                .resource(SUBNETS.get(0), "{0} in {1}")
                .resource(SUBNETS.get(1), "{0} in {1}")
                .resource(SUBNETS.get(2), "{0} in {1}")
                .check("simple-ad-small-active",
                        "A directory with that DNS name exists: a Simple AD, size Small, Active")
                .check("two-subnets-two-zones",
                        "The directory is in the challenge's VPC, in two of its subnets, in two different Availability Zones")
                .check("dns-addresses-in-its-subnets",
                        "The directory's two DNS server addresses, those of its domain controllers, lie one in each of its subnets")
                .hints("AWS Directory Service's Simple AD: a directory is created in a VPC and AWS places one domain "
                                + "controller in each of the two subnets you give it, which must be in different "
                                + "Availability Zones; their addresses become the directory's DNS servers.",
                        "Directory Service CreateDirectory with Name, ShortName, Password, Size Small and VpcSettings "
                                + "(VpcId, two SubnetIds in different zones: see DescribeSubnets' AvailabilityZone); "
                                + "then DescribeDirectories until Stage is Active.");
    }

    @Override
    public void scaffold(LabContext ctx, Scaffold.Builder scaffold) throws Exception {
        List<String> zones = SimpleAd.zones(ctx.client(Ec2Client.class), ctx.target().region());
        String vpcId = Vpc.create(ctx, DirectoryServiceSimpleAdLab.VPC_CIDR, "vpc");
        Subnet.Handle first = Subnet.create(ctx, vpcId, "10.42.1.0/24", zones.get(0), "first");
        Subnet.Handle sameZone = Subnet.create(ctx, vpcId, "10.42.2.0/24", zones.get(0), "same-zone");
        Subnet.Handle otherZone = Subnet.create(ctx, vpcId, "10.42.3.0/24", zones.get(1), "other-zone");
        scaffold.item(VPC, Vpc.KIND.type(), vpcId, null);
        List<Subnet.Handle> subnets = List.of(first, sameZone, otherZone);
        for (int i = 0; i < subnets.size(); i++) {
            Subnet.Handle s = subnets.get(i);
            scaffold.item(SUBNETS.get(i), Subnet.KIND.type(), s.id(), null, s.cidr(), s.availabilityZone());
        }
        scaffold.value(NAME, SimpleAd.nameFor(ctx.runId()))
                .value(SHORT_NAME, SimpleAd.SHORT_NAME)
                .value(Scaffold.SOLUTION + "subnets", first.id() + " " + otherZone.id());
    }

    @Override
    public void check(LabContext ctx, Scaffold scaffold, ChallengeChecks check) {
        DirectoryClient ds = ctx.client(DirectoryClient.class);
        Ec2Client ec2 = ctx.client(Ec2Client.class);
        String name = scaffold.value(NAME);
        String vpcId = scaffold.id(VPC);

        check.that("simple-ad-small-active", p -> {
            DirectoryDescription d = requireDirectory(ctx, p, ds, name);
            p.equal("directory type", DirectoryType.SIMPLE_AD, d.type(),
                    ctx.words("fail.notSimpleAd", name, d.typeAsString()));
            p.equal("size", DirectorySize.SMALL, d.size(), ctx.words("fail.notSmall", name, d.sizeAsString()));
            p.equal("stage", DirectoryStage.ACTIVE, d.stage(), d.stage() == DirectoryStage.CREATING
                    || d.stage() == DirectoryStage.REQUESTED
                    ? ctx.words("fail.directoryStillBuilding", name, d.stageAsString())
                    : ctx.words("fail.directoryNotActive", name, d.stageAsString(), d.stageReason()));
        });

        check.that("two-subnets-two-zones", p -> {
            DirectoryDescription d = requireDirectory(ctx, p, ds, name);
            p.isTrue("the directory has VPC settings", d.vpcSettings() != null, null,
                    ctx.words("fail.noVpcSettings", name));
            p.equal("its VPC", vpcId, d.vpcSettings().vpcId(),
                    ctx.words("fail.directoryInAnotherVpc", name, d.vpcSettings().vpcId(), vpcId));
            Map<String, String> zoneBySubnet = zonesOf(ec2, d.vpcSettings().subnetIds());
            p.evidence("subnets", zoneBySubnet).evidence("availabilityZones", d.vpcSettings().availabilityZones());
            p.equal("number of subnets", 2, zoneBySubnet.size(), ctx.words("fail.notTwoSubnets", name, zoneBySubnet.size()));
            p.equal("distinct Availability Zones", 2, Set.copyOf(zoneBySubnet.values()).size(),
                    ctx.words("fail.subnetsInOneZone", name, Set.copyOf(zoneBySubnet.values())));
        });

        check.that("dns-addresses-in-its-subnets", p -> {
            DirectoryDescription d = requireDirectory(ctx, p, ds, name);
            List<String> dns = d.dnsIpAddrs();
            List<String> subnets = d.vpcSettings() == null ? List.of() : d.vpcSettings().subnetIds();
            Map<String, String> cidrs = subnets.isEmpty() ? Map.of() : ec2.describeSubnets(r -> r.subnetIds(subnets))
                    .subnets().stream().collect(Collectors.toMap(s -> s.subnetId(), s -> s.cidrBlock(), (a, b) -> a, TreeMap::new));
            p.evidence("dnsIpAddrs", dns).evidence("subnetCidrs", cidrs);
            p.equal("DNS addresses", 2, dns.size(), ctx.words("fail.notTwoDnsAddresses", name, dns.size()));
            List<String> holding = dns.stream().map(ip -> cidrs.entrySet().stream()
                    .filter(e -> Ipv4Block.parse(e.getValue()).contains(ip)).map(Map.Entry::getKey).findFirst()
                    .orElse("outside its subnets: " + ip)).sorted().toList();
            p.equal("subnets holding them, one each", List.copyOf(cidrs.keySet()), holding,
                    ctx.words("fail.dnsAddressesNotOnePerSubnet", dns, cidrs.values()));
        });
    }

    private static DirectoryDescription requireDirectory(LabContext ctx, CheckProof p, DirectoryClient ds, String name) {
        List<DirectoryDescription> named = ds.describeDirectoriesPaginator(r -> { }).directoryDescriptions().stream()
                .filter(d -> name.equalsIgnoreCase(d.name()))
                .filter(d -> d.stage() != DirectoryStage.DELETED && d.stage() != DirectoryStage.DELETING).toList();
        p.evidence("directories named " + name, named.stream().map(DirectoryDescription::directoryId).toList());
        p.isTrue("a directory named " + name + " exists", !named.isEmpty(), named.size(),
                ctx.words("fail.noDirectoryYet", name));
        return named.get(0);
    }

    private static Map<String, String> zonesOf(Ec2Client ec2, List<String> subnetIds) {
        if (subnetIds.isEmpty()) {
            return Map.of();
        }
        return ec2.describeSubnets(r -> r.subnetIds(subnetIds)).subnets().stream()
                .collect(Collectors.toMap(s -> s.subnetId(), s -> s.availabilityZone(), (a, b) -> a, TreeMap::new));
    }

    /** The lab's own directory, in the two subnets of different zones, waited for until Active as the lab does. */
    @Override
    public void solve(LabContext ctx, Scaffold scaffold) throws Exception {
        List<String> subnets = List.of(scaffold.value(Scaffold.SOLUTION + "subnets").split(" "));
        String directoryId = SimpleAd.create(ctx, scaffold.id(VPC), subnets);
        SimpleAd.awaitActive(ctx, directoryId);
    }

    @Override
    public List<String> commands(Scaffold scaffold) {
        String subnets = scaffold.value(Scaffold.SOLUTION + "subnets").replace(' ', ',');
        return List.of("aws ec2 describe-subnets --filters Name=vpc-id,Values=" + scaffold.id(VPC)
                        + " --query 'Subnets[].[SubnetId,AvailabilityZone,CidrBlock]' --output table",
                "aws ds create-directory --name " + scaffold.value(NAME) + " --short-name " + scaffold.value(SHORT_NAME)
                        + " --password \"Ad-$(openssl rand -hex 8)-9z.\" --size Small --vpc-settings VpcId=" + scaffold.id(VPC)
                        + ",SubnetIds=" + subnets,
                "aws ds describe-directories --query \"DirectoryDescriptions[?Name=='" + scaffold.value(NAME)
                        + "'].[DirectoryId,Stage,DnsIpAddrs]\"");
    }
}
