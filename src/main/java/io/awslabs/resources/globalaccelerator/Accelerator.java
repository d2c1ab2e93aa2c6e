package io.awslabs.resources.globalaccelerator;

import io.awslabs.resources.Gone;
import io.awslabs.resources.Provisioning;
import io.awslabs.resources.ResourceKind;
import io.awslabs.resources.RunMatcher;
import io.awslabs.resources.Teardown;
import io.awslabs.resources.TeardownWords;
import io.awslabs.targets.Target;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import software.amazon.awssdk.arns.Arn;
import software.amazon.awssdk.services.globalaccelerator.GlobalAcceleratorClient;
import software.amazon.awssdk.services.globalaccelerator.model.AcceleratorNotFoundException;
import software.amazon.awssdk.services.globalaccelerator.model.AcceleratorStatus;
import software.amazon.awssdk.services.globalaccelerator.model.IpAddressType;
import software.amazon.awssdk.services.globalaccelerator.model.Tag;

/**
 * A standard Global Accelerator, named {@code labs-<lab>-<run>} and tagged at creation; recorded
 * by its ARN. It can only be deleted disabled, with its listeners gone, once the disabling has
 * deployed (status DEPLOYED), which takes minutes: the delete disables it and waits.
 */
public final class Accelerator implements ResourceKind {
    public static final Accelerator KIND = new Accelerator();
    static final Duration DEPLOY_TIMEOUT = Duration.ofMinutes(15);
    static final Duration ASK_EVERY = Duration.ofSeconds(15);

    private Accelerator() { }

    public static software.amazon.awssdk.services.globalaccelerator.model.Accelerator create(Provisioning p)
            throws Exception {
        GlobalAcceleratorClient ga = GlobalAcceleratorApi.client(p.target());
        return p.create(KIND, () -> ga.createAccelerator(r -> r.name(p.name()).ipAddressType(IpAddressType.IPV4)
                        .enabled(true).idempotencyToken(UUID.randomUUID().toString())
                        .tags(p.tags((k, v) -> Tag.builder().key(k).value(v).build()))).accelerator(),
                software.amazon.awssdk.services.globalaccelerator.model.Accelerator::acceleratorArn);
    }

    @Override
    public String type() {
        return "Global Accelerator accelerator";
    }

    @Override
    public List<String> actions() {
        return List.of("globalaccelerator:CreateAccelerator", "globalaccelerator:TagResource",
                "globalaccelerator:DescribeAccelerator", "globalaccelerator:UpdateAccelerator",
                "globalaccelerator:DeleteAccelerator");
    }

    @Override
    public List<String> sweepActions() {
        return List.of("globalaccelerator:ListAccelerators");
    }

    @Override
    public void delete(Teardown env, String arn) throws Exception {
        GlobalAcceleratorClient ga = GlobalAcceleratorApi.client(env.target());
        try {
            if (Boolean.TRUE.equals(ga.describeAccelerator(r -> r.acceleratorArn(arn)).accelerator().enabled())) {
                ga.updateAccelerator(r -> r.acceleratorArn(arn).enabled(false));
            }
            env.progress().accept(TeardownWords.phrase("progress.disablingAccelerator", arn));
            env.waits().until(TeardownWords.phrase("wait.acceleratorDisabled", arn), DEPLOY_TIMEOUT, ASK_EVERY,
                    () -> ga.describeAccelerator(r -> r.acceleratorArn(arn)).accelerator().status(),
                    s -> s == AcceleratorStatus.DEPLOYED);
            ga.deleteAccelerator(r -> r.acceleratorArn(arn));
        } catch (AcceleratorNotFoundException e) {
            throw new Gone("gone.accelerator", arn);
        }
    }

    @Override
    public String canonicalId(String idOrArn) {
        return idOrArn;
    }

    @Override
    public boolean owns(Arn arn) {
        return arn.service().equals("globalaccelerator") && !arn.resourceAsString().contains("/listener/");
    }

    @Override
    public List<Found> find(Target target, RunMatcher runs) {
        if (GlobalAcceleratorApi.absent(target)) {
            return List.of();
        }
        return GlobalAcceleratorApi.client(target).listAcceleratorsPaginator(r -> { }).accelerators().stream()
                .flatMap(a -> runs.runOf(a.name()).map(run -> new Found(run, a.acceleratorArn())).stream())
                .toList();
    }
}
