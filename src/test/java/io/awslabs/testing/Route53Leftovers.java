package io.awslabs.testing;

import io.awslabs.targets.Target;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.HostedZone;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;

/** Hosted zones named for the run, and records of the run in any other zone. */
final class Route53Leftovers implements LeftoverProbe {
    @Override
    public List<String> live(Target target, String runId) {
        Route53Client route53 = target.client(Route53Client.class);
        List<String> live = new ArrayList<>();
        for (HostedZone zone : route53.listHostedZonesPaginator().hostedZones()) {
            if (zone.name().contains(runId)) {
                live.add("route53 hosted zone " + zone.id() + " (" + zone.name() + ")");
                continue;
            }
            for (ResourceRecordSet set : route53.listResourceRecordSetsPaginator(r -> r.hostedZoneId(zone.id()))
                    .resourceRecordSets()) {
                if (set.name().contains(runId)) {
                    live.add("route53 record " + set.name() + " " + set.typeAsString() + " in " + zone.name());
                }
            }
        }
        return live;
    }
}
