package io.awslabs.resources.globalaccelerator;

import io.awslabs.resources.Gone;
import io.awslabs.resources.Provisioning;
import io.awslabs.resources.ResourceKind;
import io.awslabs.resources.RunMatcher;
import io.awslabs.resources.Teardown;
import io.awslabs.targets.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import software.amazon.awssdk.services.globalaccelerator.GlobalAcceleratorClient;
import software.amazon.awssdk.services.globalaccelerator.model.EndpointGroupNotFoundException;

/**
 * An endpoint group of a lab listener: the endpoints of one Region and the share of the listener's
 * traffic that Region gets (the traffic dial); recorded by its ARN, found through the run's listeners.
 */
public final class EndpointGroup implements ResourceKind {
    public static final EndpointGroup KIND = new EndpointGroup();

    private EndpointGroup() { }

    /** One endpoint (an Elastic IP allocation id, a load balancer ARN, an instance id) in {@code region}. */
    public static String create(Provisioning p, String listenerArn, String region, String endpointId, float trafficDial)
            throws Exception {
        GlobalAcceleratorClient ga = GlobalAcceleratorApi.client(p.target());
        return p.create(KIND, () -> ga.createEndpointGroup(r -> r.listenerArn(listenerArn).endpointGroupRegion(region)
                .trafficDialPercentage(trafficDial).endpointConfigurations(e -> e.endpointId(endpointId).weight(128))
                .idempotencyToken(UUID.randomUUID().toString())).endpointGroup().endpointGroupArn());
    }

    @Override
    public String type() {
        return "Global Accelerator endpoint group";
    }

    @Override
    public List<String> actions() {
        return List.of("globalaccelerator:CreateEndpointGroup", "globalaccelerator:DeleteEndpointGroup");
    }

    @Override
    public List<String> sweepActions() {
        return List.of("globalaccelerator:ListAccelerators", "globalaccelerator:ListListeners",
                "globalaccelerator:ListEndpointGroups");
    }

    @Override
    public void delete(Teardown env, String arn) throws Gone {
        try {
            GlobalAcceleratorApi.client(env.target()).deleteEndpointGroup(r -> r.endpointGroupArn(arn));
        } catch (EndpointGroupNotFoundException e) {
            throw new Gone("gone.endpointGroup", arn);
        }
    }

    @Override
    public String canonicalId(String idOrArn) {
        return idOrArn;
    }

    @Override
    public List<Found> find(Target target, RunMatcher runs) {
        if (GlobalAcceleratorApi.absent(target)) {
            return List.of();
        }
        GlobalAcceleratorClient ga = GlobalAcceleratorApi.client(target);
        List<Found> found = new ArrayList<>();
        for (Found listener : AcceleratorListener.KIND.find(target, runs)) {
            ga.listEndpointGroupsPaginator(r -> r.listenerArn(listener.id())).endpointGroups()
                    .forEach(g -> found.add(new Found(listener.runId(), g.endpointGroupArn())));
        }
        return found;
    }
}
