package io.awslabs.labs.acm;

import io.awslabs.lab.LabContext;
import java.util.Optional;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.Tag;
import software.amazon.awssdk.services.route53.model.TagResourceType;

/**
 * Where the lab publishes ACM's validation records, and the domain the certificate is for. With
 * {@code --option domain=D --option hosted-zone-id=Z} the records go into the user's zone for a
 * name of the run under D (never D itself, so no record of the user's is touched); on emulators
 * the lab creates a zone for a made-up domain; on AWS without both options there is none, since
 * ACM can only issue for a domain the user controls.
 */
record ValidationZone(String hostedZoneId, String certificateDomain) {
    static final String DOMAIN_OPTION = "domain";
    static final String ZONE_OPTION = "hosted-zone-id";
    /** Reserved for documentation (RFC 2606); real Route 53 refuses zones for it, emulators do not. */
    static final String MADE_UP_PARENT = "example.com";
    static final String NEEDS_OPTIONS = "on AWS, DNS validation needs a domain you control: run with --option "
            + DOMAIN_OPTION + "=<your domain> --option " + ZONE_OPTION + "=<its public Route 53 hosted zone id>";

    static Optional<ValidationZone> choose(LabContext ctx) throws Exception {
        String domain = ctx.option(DOMAIN_OPTION, null);
        String zoneId = ctx.option(ZONE_OPTION, null);
        if (domain != null && zoneId != null) {
            return Optional.of(new ValidationZone(zoneId, ctx.name() + "." + stripDot(domain)));
        }
        if (!ctx.target().kind().isEmulator()) {
            return Optional.empty();
        }
        return Optional.of(labOwned(ctx, ctx.name() + "." + MADE_UP_PARENT));
    }

    private static ValidationZone labOwned(LabContext ctx, String domain) throws Exception {
        Route53Client route53 = ctx.client(Route53Client.class);
        String zoneId = ctx.create("Route 53 hosted zone",
                () -> route53.createHostedZone(r -> r.name(domain).callerReference(ctx.name("zone"))
                        .hostedZoneConfig(c -> c.comment(ctx.name()))).hostedZone().id(),
                id -> route53.deleteHostedZone(r -> r.id(id)));
        route53.changeTagsForResource(r -> r.resourceType(TagResourceType.HOSTEDZONE)
                .resourceId(zoneId.substring(zoneId.lastIndexOf('/') + 1))
                .addTags(ctx.tags((k, v) -> Tag.builder().key(k).value(v).build())));
        return new ValidationZone(zoneId, domain);
    }

    private static String stripDot(String name) {
        return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    }
}
