package io.awslabs.cleanup;

import io.awslabs.targets.Target;
import java.util.List;
import software.amazon.awssdk.arns.Arn;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.Change;
import software.amazon.awssdk.services.route53.model.ChangeAction;
import software.amazon.awssdk.services.route53.model.HostedZone;
import software.amazon.awssdk.services.route53.model.RRType;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;

/**
 * Route 53 deletes a hosted zone only when it holds nothing but its own SOA and NS records at
 * the apex: delete the other record sets first (validation CNAMEs, aliases).
 */
final class Route53HostedZoneDeleter implements ResourceDeleter {
    @Override
    public String type() {
        return "Route 53 hosted zone";
    }

    @Override
    public void delete(Target target, String idOrArn) {
        Route53Client route53 = target.client(Route53Client.class);
        String zoneId = canonicalId(idOrArn);
        String apex = route53.getHostedZone(r -> r.id(zoneId)).hostedZone().name();
        List<Change> changes = route53.listResourceRecordSetsPaginator(r -> r.hostedZoneId(zoneId)).resourceRecordSets()
                .stream()
                .filter(set -> !isApexDefault(set, apex))
                .map(set -> Change.builder().action(ChangeAction.DELETE).resourceRecordSet(set).build())
                .toList();
        if (!changes.isEmpty()) {
            route53.changeResourceRecordSets(r -> r.hostedZoneId(zoneId).changeBatch(b -> b.changes(changes)));
        }
        route53.deleteHostedZone(r -> r.id(zoneId));
    }

    private static boolean isApexDefault(ResourceRecordSet set, String apex) {
        return (set.type() == RRType.SOA || set.type() == RRType.NS) && set.name().equals(apex);
    }

    @Override
    public boolean owns(Arn arn) {
        return Ids.is(arn, "route53", "hostedzone");
    }

    /** The zone is tagged by a second call after CreateHostedZone; its name carries the run id. */
    @Override
    public List<String> findByRunId(Target target, String runId) {
        return target.client(Route53Client.class).listHostedZonesPaginator().hostedZones().stream()
                .filter(z -> z.name().contains(runId)).map(HostedZone::id).toList();
    }
}
