package io.awslabs.labs.acm;

import io.awslabs.lab.ResourceLedger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.acm.model.ResourceRecord;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.Change;
import software.amazon.awssdk.services.route53.model.ChangeAction;
import software.amazon.awssdk.services.route53.model.ChangeResourceRecordSetsResponse;
import software.amazon.awssdk.services.route53.model.RRType;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;

/** ACM's validation CNAMEs as Route 53 record sets: published with UPSERT, found by name, removed. */
final class ValidationRecords {
    static final long TTL_SECONDS = 300;

    private ValidationRecords() { }

    static ChangeResourceRecordSetsResponse upsert(Route53Client route53, String zoneId, List<ResourceRecord> records) {
        return route53.changeResourceRecordSets(r -> r.hostedZoneId(zoneId).changeBatch(b -> b
                .comment("ACM DNS validation")
                .changes(records.stream().map(rr -> change(ChangeAction.UPSERT, rr)).toList())));
    }

    /** Deletes the records still there; if none is, there was nothing left to do. */
    static void delete(Route53Client route53, String zoneId, List<ResourceRecord> records) throws ResourceLedger.ResourceGone {
        List<Change> deletes = new ArrayList<>();
        for (ResourceRecord record : records) {
            // Route 53 deletes only a record set given with exactly its current values
            find(route53, zoneId, record.name()).ifPresent(current -> deletes.add(
                    Change.builder().action(ChangeAction.DELETE).resourceRecordSet(current).build()));
        }
        if (deletes.isEmpty()) {
            throw new ResourceLedger.ResourceGone("no validation record left in " + zoneId);
        }
        route53.changeResourceRecordSets(r -> r.hostedZoneId(zoneId).changeBatch(b -> b.changes(deletes)));
    }

    /** The record set at {@code name}, whatever its type: a CNAME cannot share its name with another. */
    static Optional<ResourceRecordSet> find(Route53Client route53, String zoneId, String name) {
        return route53.listResourceRecordSets(r -> r.hostedZoneId(zoneId).startRecordName(name).maxItems("1"))
                .resourceRecordSets().stream()
                .filter(set -> sameName(set.name(), name))
                .findFirst();
    }

    /** Route 53 answers with fully qualified names (trailing dot) in lower case. */
    private static boolean sameName(String a, String b) {
        return absolute(a).equalsIgnoreCase(absolute(b));
    }

    private static String absolute(String name) {
        return name.endsWith(".") ? name : name + ".";
    }

    private static Change change(ChangeAction action, ResourceRecord record) {
        return Change.builder().action(action).resourceRecordSet(ResourceRecordSet.builder()
                .name(record.name()).type(RRType.CNAME).ttl(TTL_SECONDS)
                .resourceRecords(v -> v.value(record.value())).build()).build();
    }
}
