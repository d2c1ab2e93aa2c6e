package io.awslabs.labs.globalaccelerator;

import io.awslabs.lab.Checks;
import io.awslabs.lab.ExamDomain;
import io.awslabs.lab.Lab;
import io.awslabs.lab.LabContext;
import io.awslabs.lab.LabInfo;
import io.awslabs.resources.ec2.ElasticIp;
import io.awslabs.resources.globalaccelerator.Accelerator;
import io.awslabs.resources.globalaccelerator.AcceleratorListener;
import io.awslabs.resources.globalaccelerator.EndpointGroup;
import io.awslabs.resources.globalaccelerator.GlobalAcceleratorApi;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.globalaccelerator.GlobalAcceleratorClient;
import software.amazon.awssdk.services.globalaccelerator.model.AcceleratorStatus;
import software.amazon.awssdk.services.globalaccelerator.model.IpSet;
import software.amazon.awssdk.services.globalaccelerator.model.PortRange;

/**
 * Proves what Global Accelerator gives an application: two static anycast IPv4 addresses (and a
 * DNS name for them) announced from AWS edge locations worldwide, a listener taking TCP traffic
 * there, and endpoint groups per Region whose traffic dial decides how much of it each Region
 * gets, carried over the AWS network to the endpoints.
 */
public final class GlobalAcceleratorAnycastLab implements Lab {
    static final String ID = "global-accelerator-anycast";
    static final int PORT = 80;
    static final float INITIAL_DIAL = 100f;
    static final float TURNED_DIAL = 25f;
    private static final Duration DEPLOY_TIMEOUT = Duration.ofMinutes(15);
    private static final Duration ASK_EVERY = Duration.ofSeconds(15);

    private software.amazon.awssdk.services.globalaccelerator.model.Accelerator accelerator;
    private String listener;
    private String endpointGroup;
    private ElasticIp.Handle endpoint;

    @Override
    public LabInfo info() {
        return LabInfo.of(ID, "Global Accelerator: two static anycast IPs in front of a Region's endpoints")
                .exam(ExamDomain.HIGH_PERFORMING, "3.4 Determine high-performing and/or scalable network architectures", 735)
                .concept("A Global Accelerator gets two static IPv4 addresses from AWS's pool, announced by anycast from "
                        + "every edge location: a user's packets enter the AWS network at the nearest edge and travel "
                        + "on it to a healthy endpoint (an ALB, NLB, EC2 instance or Elastic IP) in the closest Region "
                        + "whose endpoint group takes traffic; the traffic dial of each group sets the share its Region "
                        + "gets. Listeners take TCP or UDP on port ranges, so it works for any protocol, not only HTTP, "
                        + "and the addresses never change, whatever happens behind them. Shield Standard protects them.")
                .examAngle("Question 735: users worldwide, lowest latency, fixed IP addresses to allow-list, fast "
                        + "regional failover: Global Accelerator. CloudFront instead caches HTTP(S) content at the edge "
                        + "and its addresses change; Route 53 latency routing answers DNS with the lowest-latency "
                        + "Region's records, but clients cache the answer (TTL) and then cross the internet; Global "
                        + "Accelerator keeps the same two IPs and moves traffic within seconds, over the AWS backbone, "
                        + "for TCP and UDP (gaming, VoIP, IoT, non-HTTP APIs).")
                .services(GlobalAcceleratorApi.SERVICE, "ec2")
                .costPerRunUsd(0.03, "the accelerator's fixed fee of $0.025 an hour while it exists (about 30 minutes: "
                        + "deploying, then disabling before delete) plus data transfer premium per GB (none sent here), "
                        + "and an Elastic IP at $0.005 an hour (aws.amazon.com/global-accelerator/pricing, "
                        + "aws.amazon.com/vpc/pricing)")
                .provisions(ElasticIp.KIND, Accelerator.KIND, AcceleratorListener.KIND, EndpointGroup.KIND)
                .calls("globalaccelerator:DescribeEndpointGroup", "globalaccelerator:DescribeListener",
                        "globalaccelerator:UpdateEndpointGroup")
                .creates("an Elastic IP address in the run's Region, tagged with the run id, as the endpoint",
                        "a standard accelerator (IPv4) named after the run id, created through the API in us-west-2 "
                                + "whatever the run's Region, with a TCP listener on port " + PORT + " and an endpoint "
                                + "group in the run's Region holding the Elastic IP (traffic dial 100%, then 25%)",
                        "deploying the accelerator takes minutes, and so does teardown: it disables the accelerator, "
                                + "waits until that is deployed, then deletes it (up to 15 minutes each)")
                .asserts("two-static-anycast-ipv4-addresses",
                        "The accelerator has one IPv4 address set of exactly two static IP addresses")
                .asserts("tcp-listener-on-the-port",
                        "The listener takes TCP on port " + PORT + " (port range " + PORT + "-" + PORT + ")")
                .asserts("endpoint-group-in-the-run-region-with-a-traffic-dial",
                        "The endpoint group is in the run's Region with the Elastic IP as its endpoint and a traffic dial "
                                + "of 100%; UpdateEndpointGroup turns the dial to 25% and the group reads back 25%")
                .asserts("dns-name-resolves-to-the-static-ips",
                        "Once deployed, the accelerator's DNS name (*.awsglobalaccelerator.com) resolves to exactly its two "
                                + "static IP addresses")
                .note("The Global Accelerator API is only in US West (Oregon): the lab's client uses us-west-2 while "
                        + "the endpoint group and the Elastic IP are in the run's Region "
                        + "(docs.aws.amazon.com/global-accelerator/latest/api/Welcome.html).")
                .note("CloudFront vs Global Accelerator vs Route 53 latency routing: CloudFront caches HTTP(S) at edge "
                        + "locations; Global Accelerator proxies TCP/UDP at the edge with two fixed anycast IPs and no "
                        + "caching; Route 53 latency records pick a Region at DNS resolution, subject to client caching "
                        + "of the answer (docs.aws.amazon.com/global-accelerator/latest/dg/introduction-benefits-of-migrating.html).")
                .note("An accelerator must be disabled before it is deleted, and its listeners and endpoint groups "
                        + "deleted first (docs.aws.amazon.com/global-accelerator/latest/dg/about-accelerators.deleting.html).")
                .note("Neither emulator has Global Accelerator: moto 5.2.5 has no backend for it, LocalStack community "
                        + "does not serve it; the lab runs on AWS only.")
                .source("https://docs.aws.amazon.com/global-accelerator/latest/dg/what-is-global-accelerator.html")
                .source("https://docs.aws.amazon.com/global-accelerator/latest/dg/about-accelerators.html")
                .source("https://docs.aws.amazon.com/global-accelerator/latest/dg/about-endpoint-groups-traffic-dial.html")
                .source("https://docs.aws.amazon.com/global-accelerator/latest/dg/about-endpoints.html")
                .source("https://docs.aws.amazon.com/global-accelerator/latest/api/Welcome.html")
                .source("https://aws.amazon.com/global-accelerator/pricing/");
    }

    @Override
    public void provision(LabContext ctx) throws Exception {
        endpoint = ElasticIp.allocate(ctx, "endpoint");
        accelerator = Accelerator.create(ctx);
        listener = AcceleratorListener.createTcp(ctx, accelerator.acceleratorArn(), PORT);
        endpointGroup = EndpointGroup.create(ctx, listener, ctx.target().region(), endpoint.allocationId(), INITIAL_DIAL);
    }

    @Override
    public void verify(LabContext ctx, Checks check) throws Exception {
        GlobalAcceleratorClient ga = GlobalAcceleratorApi.client(ctx.target());

        check.that("two-static-anycast-ipv4-addresses", p -> {
            var described = ga.describeAccelerator(r -> r.acceleratorArn(accelerator.acceleratorArn()));
            p.call("globalaccelerator:DescribeAccelerator", described).evidence("accelerator", accelerator.acceleratorArn());
            List<IpSet> sets = described.accelerator().ipSets();
            p.evidence("ipSets", sets);
            p.equal("number of IP address sets", 1, sets.size());
            p.equal("IpAddressFamily", "IPv4", sets.get(0).ipAddressFamilyAsString());
            p.equal("number of static IP addresses", 2, sets.get(0).ipAddresses().size());
        });

        check.that("tcp-listener-on-the-port", p -> {
            var described = ga.describeListener(r -> r.listenerArn(listener));
            p.call("globalaccelerator:DescribeListener", described).evidence("listener", listener);
            p.equal("Protocol", "TCP", described.listener().protocolAsString());
            p.equal("PortRanges", List.of(PortRange.builder().fromPort(PORT).toPort(PORT).build()),
                    described.listener().portRanges());
        });

        check.that("endpoint-group-in-the-run-region-with-a-traffic-dial", p -> {
            var group = ga.describeEndpointGroup(r -> r.endpointGroupArn(endpointGroup)).endpointGroup();
            p.evidence("endpointGroup", endpointGroup).evidence("endpoints", group.endpointDescriptions());
            p.equal("EndpointGroupRegion", ctx.target().region(), group.endpointGroupRegion());
            p.equal("endpoint ids", List.of(endpoint.allocationId()),
                    group.endpointDescriptions().stream().map(e -> e.endpointId()).toList());
            p.equal("TrafficDialPercentage", INITIAL_DIAL, group.trafficDialPercentage());
            var turned = ga.updateEndpointGroup(r -> r.endpointGroupArn(endpointGroup).trafficDialPercentage(TURNED_DIAL));
            p.call("globalaccelerator:UpdateEndpointGroup", turned);
            p.equal("TrafficDialPercentage after UpdateEndpointGroup", TURNED_DIAL,
                    ga.describeEndpointGroup(r -> r.endpointGroupArn(endpointGroup)).endpointGroup().trafficDialPercentage());
        });

        check.that("dns-name-resolves-to-the-static-ips", p -> {
            ctx.progress(ctx.words("progress.deploying"));
            AcceleratorStatus status = ctx.waits().until(ctx.words("wait.deployed"), DEPLOY_TIMEOUT, ASK_EVERY,
                    () -> ga.describeAccelerator(r -> r.acceleratorArn(accelerator.acceleratorArn())).accelerator().status(),
                    s -> s == AcceleratorStatus.DEPLOYED);
            p.equal("Status", AcceleratorStatus.DEPLOYED, status);
            String dnsName = accelerator.dnsName();
            Set<String> staticIps = new TreeSet<>(accelerator.ipSets().get(0).ipAddresses());
            p.evidence("dnsName", dnsName).evidence("staticIps", staticIps);
            p.isTrue("DnsName is under awsglobalaccelerator.com", dnsName.endsWith(".awsglobalaccelerator.com"), dnsName);
            Set<String> resolved = Arrays.stream(InetAddress.getAllByName(dnsName)).map(InetAddress::getHostAddress)
                    .collect(Collectors.toCollection(TreeSet::new));
            p.evidence("resolved", resolved);
            p.equal("addresses the DNS name resolves to", staticIps, resolved);
        });
    }
}
