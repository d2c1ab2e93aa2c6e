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
import software.amazon.awssdk.arns.Arn;
import software.amazon.awssdk.services.globalaccelerator.GlobalAcceleratorClient;
import software.amazon.awssdk.services.globalaccelerator.model.ClientAffinity;
import software.amazon.awssdk.services.globalaccelerator.model.ListenerNotFoundException;
import software.amazon.awssdk.services.globalaccelerator.model.Protocol;

/** A listener of a lab accelerator (a protocol and port range), recorded by its ARN; found through the run's accelerators. */
public final class AcceleratorListener implements ResourceKind {
    public static final AcceleratorListener KIND = new AcceleratorListener();

    private AcceleratorListener() { }

    public static String createTcp(Provisioning p, String acceleratorArn, int port) throws Exception {
        GlobalAcceleratorClient ga = GlobalAcceleratorApi.client(p.target());
        return p.create(KIND, () -> ga.createListener(r -> r.acceleratorArn(acceleratorArn).protocol(Protocol.TCP)
                .portRanges(pr -> pr.fromPort(port).toPort(port)).clientAffinity(ClientAffinity.NONE)
                .idempotencyToken(UUID.randomUUID().toString())).listener().listenerArn());
    }

    @Override
    public String type() {
        return "Global Accelerator listener";
    }

    @Override
    public List<String> actions() {
        return List.of("globalaccelerator:CreateListener", "globalaccelerator:DeleteListener");
    }

    @Override
    public List<String> sweepActions() {
        return List.of("globalaccelerator:ListAccelerators", "globalaccelerator:ListListeners");
    }

    @Override
    public void delete(Teardown env, String arn) throws Gone {
        try {
            GlobalAcceleratorApi.client(env.target()).deleteListener(r -> r.listenerArn(arn));
        } catch (ListenerNotFoundException e) {
            throw new Gone("gone.listener", arn);
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
        for (Found accelerator : Accelerator.KIND.find(target, runs)) {
            ga.listListenersPaginator(r -> r.acceleratorArn(accelerator.id())).listeners()
                    .forEach(l -> found.add(new Found(accelerator.runId(), l.listenerArn())));
        }
        return found;
    }

    @Override
    public boolean owns(Arn arn) {
        return false;
    }
}
