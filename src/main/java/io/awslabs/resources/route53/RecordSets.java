package io.awslabs.resources.route53;

import io.awslabs.resources.Gone;
import io.awslabs.resources.Ids;
import io.awslabs.resources.Provisioning;
import io.awslabs.resources.Relation;
import io.awslabs.resources.ResourceKind;
import io.awslabs.resources.RunMatcher;
import io.awslabs.resources.Teardown;
import io.awslabs.targets.Target;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.Change;
import software.amazon.awssdk.services.route53.model.ChangeAction;
import software.amazon.awssdk.services.route53.model.ChangeResourceRecordSetsResponse;
import software.amazon.awssdk.services.route53.model.HostedZone;
import software.amazon.awssdk.services.route53.model.RRType;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;

/**
 * Record sets a lab wrote into a hosted zone, possibly one it does not own (the user's zone on
 * AWS): recorded by zone and names, and deleted with exactly their current values, as Route 53
 * requires, leaving every other record of the zone alone.
 */
public final class RecordSets implements ResourceKind {
    public static final RecordSets KIND = new RecordSets();
    public static final long TTL_SECONDS = 300;

    /** What the ledger records: the zone and the names written there. */
    public record Written(String hostedZoneId, List<String> names) { }

    /** A CNAME to publish. */
    public record Cname(String name, String value) { }

    private RecordSets() { }

    /** UPSERTs the CNAMEs in one change batch and records them for teardown. */
    public static ChangeResourceRecordSetsResponse upsert(Provisioning p, String zoneId, String comment, List<Cname> records)
            throws Exception {
        Route53Client route53 = p.client(Route53Client.class);
        return p.create(KIND, () -> route53.changeResourceRecordSets(r -> r.hostedZoneId(zoneId).changeBatch(b -> b
                        .comment(comment)
                        .changes(records.stream().map(RecordSets::upsertOf).toList()))),
                response -> Relation.idOf(new Written(zoneId, records.stream().map(Cname::name).toList())));
    }

    private static Change upsertOf(Cname record) {
        return Change.builder().action(ChangeAction.UPSERT).resourceRecordSet(ResourceRecordSet.builder()
                .name(record.name()).type(RRType.CNAME).ttl(TTL_SECONDS)
                .resourceRecords(v -> v.value(record.value())).build()).build();
    }

    @Override
    public String type() {
        return "Route 53 record sets";
    }

    @Override
    public List<String> actions() {
        return List.of("route53:ChangeResourceRecordSets");
    }

    @Override
    public List<String> sweepActions() {
        return List.of("route53:ListHostedZones", "route53:ListResourceRecordSets");
    }

    /** Deletes the records still there; if none is, there was nothing left to do. */
    @Override
    public void delete(Teardown env, String id) throws Exception {
        Written written = Relation.parse(id, Written.class);
        Route53Client route53 = env.target().client(Route53Client.class);
        List<Change> deletes = new ArrayList<>();
        for (String name : written.names()) {
            find(route53, written.hostedZoneId(), name).ifPresent(current -> deletes.add(
                    Change.builder().action(ChangeAction.DELETE).resourceRecordSet(current).build()));
        }
        if (deletes.isEmpty()) {
            throw new Gone("gone.recordSets", written.hostedZoneId());
        }
        route53.changeResourceRecordSets(r -> r.hostedZoneId(written.hostedZoneId()).changeBatch(b -> b.changes(deletes)));
    }

    /** The zone without its {@code /hostedzone/} prefix and the names fully qualified, lower case, sorted. */
    @Override
    public String canonicalId(String id) {
        Written written = Relation.parse(id, Written.class);
        return Relation.idOf(new Written(Ids.lastSegment(written.hostedZoneId()),
                written.names().stream().map(n -> absolute(n).toLowerCase(Locale.ROOT)).sorted().toList()));
    }

    /** The record set at {@code name}, whatever its type: a CNAME cannot share its name with another. */
    public static Optional<ResourceRecordSet> find(Route53Client route53, String zoneId, String name) {
        return route53.listResourceRecordSets(r -> r.hostedZoneId(zoneId).startRecordName(name).maxItems("1"))
                .resourceRecordSets().stream()
                .filter(set -> sameName(set.name(), name))
                .findFirst();
    }

    /** Record sets named after a matched run, in every zone of the account. */
    @Override
    public List<Found> find(Target target, RunMatcher runs) {
        Route53Client route53 = target.client(Route53Client.class);
        List<Found> found = new ArrayList<>();
        for (HostedZone zone : route53.listHostedZonesPaginator().hostedZones()) {
            Map<String, List<String>> namesByRun = new LinkedHashMap<>();
            for (ResourceRecordSet set : route53.listResourceRecordSetsPaginator(r -> r.hostedZoneId(zone.id()))
                    .resourceRecordSets()) {
                if (set.type() == RRType.SOA || set.type() == RRType.NS) {
                    continue;
                }
                runs.runOf(set.name()).ifPresent(run -> namesByRun.computeIfAbsent(run, r -> new ArrayList<>()).add(set.name()));
            }
            namesByRun.forEach((run, names) -> found.add(new Found(run, Relation.idOf(new Written(zone.id(), names)))));
        }
        return found;
    }

    /** Route 53 answers with fully qualified names (trailing dot) in lower case. */
    private static boolean sameName(String a, String b) {
        return absolute(a).equalsIgnoreCase(absolute(b));
    }

    private static String absolute(String name) {
        return name.endsWith(".") ? name : name + ".";
    }
}
