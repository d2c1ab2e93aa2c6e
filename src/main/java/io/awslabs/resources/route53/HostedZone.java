package io.awslabs.resources.route53;

import io.awslabs.resources.Ids;
import io.awslabs.resources.Provisioning;
import io.awslabs.resources.ResourceKind;
import io.awslabs.resources.RunMatcher;
import io.awslabs.resources.Teardown;
import io.awslabs.targets.Target;
import java.util.List;
import software.amazon.awssdk.arns.Arn;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.Change;
import software.amazon.awssdk.services.route53.model.ChangeAction;
import software.amazon.awssdk.services.route53.model.RRType;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;
import software.amazon.awssdk.services.route53.model.Tag;
import software.amazon.awssdk.services.route53.model.TagResourceType;

/**
 * A lab's own public hosted zone. Route 53 deletes a zone only when it holds nothing but its
 * own SOA and NS records at the apex, so deleting it removes the other record sets first. The
 * zone is tagged by a second call after CreateHostedZone; its name carries the run id.
 */
public final class HostedZone implements ResourceKind {
    public static final HostedZone KIND = new HostedZone();

    private HostedZone() { }

    /** Creates a zone for {@code domain}, tagged with the run's tags; returns its id ({@code /hostedzone/Z...}). */
    public static String create(Provisioning p, String domain) throws Exception {
        Route53Client route53 = p.client(Route53Client.class);
        String zoneId = p.create(KIND, () -> route53.createHostedZone(r -> r.name(domain).callerReference(p.name("zone"))
                .hostedZoneConfig(c -> c.comment(p.name()))).hostedZone().id());
        route53.changeTagsForResource(r -> r.resourceType(TagResourceType.HOSTEDZONE)
                .resourceId(Ids.lastSegment(zoneId))
                .addTags(p.tags((k, v) -> Tag.builder().key(k).value(v).build())));
        return zoneId;
    }

    @Override
    public String type() {
        return "Route 53 hosted zone";
    }

    @Override
    public List<String> actions() {
        return List.of("route53:CreateHostedZone", "route53:ChangeTagsForResource", "route53:GetHostedZone",
                "route53:ListResourceRecordSets", "route53:ChangeResourceRecordSets", "route53:DeleteHostedZone");
    }

    @Override
    public List<String> sweepActions() {
        return List.of("route53:ListHostedZones");
    }

    @Override
    public void delete(Teardown env, String idOrArn) {
        Route53Client route53 = env.target().client(Route53Client.class);
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

    @Override
    public List<Found> find(Target target, RunMatcher runs) {
        return target.client(Route53Client.class).listHostedZonesPaginator().hostedZones().stream()
                .flatMap(z -> runs.runOf(z.name()).map(run -> new Found(run, z.id())).stream())
                .toList();
    }
}
