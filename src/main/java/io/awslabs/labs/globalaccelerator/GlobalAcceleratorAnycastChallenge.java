package io.awslabs.labs.globalaccelerator;

import io.awslabs.lab.Challenge;
import io.awslabs.lab.ChallengeChecks;
import io.awslabs.lab.ChallengeInfo;
import io.awslabs.lab.LabContext;
import io.awslabs.lab.Scaffold;
import io.awslabs.resources.ec2.ElasticIp;
import io.awslabs.resources.globalaccelerator.Accelerator;
import io.awslabs.resources.globalaccelerator.AcceleratorListener;
import io.awslabs.resources.globalaccelerator.EndpointGroup;
import io.awslabs.resources.globalaccelerator.GlobalAcceleratorApi;
import io.awslabs.text.Said;
import java.util.List;
import software.amazon.awssdk.services.globalaccelerator.GlobalAcceleratorClient;

/**
 * The learner puts the run's Region behind an accelerator that already has its two anycast IPs and
 * a TCP listener: an endpoint group in that Region, the Elastic IP as its endpoint, all of the
 * listener's traffic dialled to it. The checks read the listener's endpoint groups back.
 */
public final class GlobalAcceleratorAnycastChallenge implements Challenge {
    static final String ACCELERATOR = "accelerator";
    static final String LISTENER = "listener";
    static final String ENDPOINT = "endpoint";

    @Override
    public String labId() {
        return GlobalAcceleratorAnycastLab.ID;
    }

    @Override
    public ChallengeInfo info() {
        return ChallengeInfo.goal("Traffic reaching the accelerator's two static IP addresses on TCP port "
                        + GlobalAcceleratorAnycastLab.PORT + " goes to this Region's Elastic IP address, all of it.")
                .creates("an Elastic IP address in the run's Region, tagged with the run id",
                        "a standard accelerator named after the run id (through the us-west-2 API) with a TCP listener on "
                                + "port " + GlobalAcceleratorAnycastLab.PORT + " and no endpoint group; 'labs stop' "
                                + "disables it and waits minutes before deleting it")
                .resource(ENDPOINT, "Elastic IP {0} in {1}, the endpoint to put behind the accelerator")
                .resource(ACCELERATOR, "static IPs {0}, DNS name {1}")
                .resource(LISTENER, "TCP port {0}, no endpoint group yet")
                .check("endpoint-group-in-this-region", "The listener has an endpoint group in the run's Region")
                .check("elastic-ip-is-the-endpoint", "That endpoint group's endpoint is the challenge's Elastic IP address")
                .check("all-traffic-dialled-in", "That endpoint group's traffic dial is 100%")
                .hints("A Global Accelerator endpoint group: the endpoints of one Region behind a listener, with a traffic "
                                + "dial for the share of the listener's traffic that Region gets.",
                        "The API call CreateEndpointGroup, sent to us-west-2 (--region us-west-2), with "
                                + "EndpointGroupRegion set to the run's Region, the Elastic IP's allocation id as the "
                                + "endpoint, and TrafficDialPercentage 100; console: the accelerator's listener, 'Add "
                                + "endpoint group'.");
    }

    @Override
    public void scaffold(LabContext ctx, Scaffold.Builder scaffold) throws Exception {
        ElasticIp.Handle eip = ElasticIp.allocate(ctx, "endpoint");
        scaffold.item(ENDPOINT, ElasticIp.KIND.type(), eip.allocationId(), null, eip.publicIp(), ctx.target().region());
        var accelerator = Accelerator.create(ctx);
        scaffold.item(ACCELERATOR, Accelerator.KIND.type(), accelerator.acceleratorArn(), accelerator.acceleratorArn(),
                accelerator.ipSets().get(0).ipAddresses(), accelerator.dnsName());
        String listener = AcceleratorListener.createTcp(ctx, accelerator.acceleratorArn(), GlobalAcceleratorAnycastLab.PORT);
        scaffold.item(LISTENER, AcceleratorListener.KIND.type(), listener, listener, GlobalAcceleratorAnycastLab.PORT);
        scaffold.value("region", ctx.target().region());
    }

    @Override
    public void check(LabContext ctx, Scaffold scaffold, ChallengeChecks check) throws Exception {
        GlobalAcceleratorClient ga = GlobalAcceleratorApi.client(ctx.target());
        String region = scaffold.value("region");
        var groups = ga.listEndpointGroups(r -> r.listenerArn(scaffold.id(LISTENER))).endpointGroups();
        var group = groups.stream().filter(g -> region.equals(g.endpointGroupRegion())).findFirst().orElse(null);
        Said none = ctx.words("fail.noEndpointGroup", region);

        check.that("endpoint-group-in-this-region", p -> {
            p.evidence("endpointGroups", groups.stream().map(g -> g.endpointGroupRegion()).toList());
            p.isTrue("an endpoint group in " + region, group != null, groups.stream().map(g -> g.endpointGroupRegion()).toList(),
                    none);
        });
        check.that("elastic-ip-is-the-endpoint", p -> {
            p.isTrue("an endpoint group in " + region, group != null, null, none);
            List<String> ids = group.endpointDescriptions().stream().map(e -> e.endpointId()).toList();
            p.evidence("endpoints", ids);
            p.isTrue("the Elastic IP is an endpoint", ids.contains(scaffold.id(ENDPOINT)), ids,
                    ctx.words("fail.elasticIpNotAnEndpoint", scaffold.id(ENDPOINT), ids));
        });
        check.that("all-traffic-dialled-in", p -> {
            p.isTrue("an endpoint group in " + region, group != null, null, none);
            p.equal("TrafficDialPercentage", GlobalAcceleratorAnycastLab.INITIAL_DIAL, group.trafficDialPercentage(),
                    ctx.words("fail.trafficDialLow", group.trafficDialPercentage()));
        });
    }

    /** The lab's own endpoint group. */
    @Override
    public void solve(LabContext ctx, Scaffold scaffold) throws Exception {
        EndpointGroup.create(ctx, scaffold.id(LISTENER), scaffold.value("region"), scaffold.id(ENDPOINT),
                GlobalAcceleratorAnycastLab.INITIAL_DIAL);
    }

    @Override
    public List<String> commands(Scaffold scaffold) {
        return List.of("aws globalaccelerator create-endpoint-group --region " + GlobalAcceleratorApi.REGION
                + " --listener-arn " + scaffold.id(LISTENER) + " --endpoint-group-region " + scaffold.value("region")
                + " --traffic-dial-percentage 100 --endpoint-configurations EndpointId=" + scaffold.id(ENDPOINT)
                + ",Weight=128");
    }
}
