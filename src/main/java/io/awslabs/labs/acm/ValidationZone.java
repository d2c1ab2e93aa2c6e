package io.awslabs.labs.acm;

import io.awslabs.lab.LabContext;
import io.awslabs.resources.route53.HostedZone;
import io.awslabs.text.Phrase;
import java.util.Optional;

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

    /** Why there is no zone: on AWS, the options naming the user's own domain and zone were not given. */
    static Phrase needsOptions(LabContext ctx) {
        return ctx.words("skip.needsDomain", DOMAIN_OPTION, ZONE_OPTION);
    }

    static Optional<ValidationZone> choose(LabContext ctx) throws Exception {
        Optional<String> domain = ctx.text(DOMAIN_OPTION);
        Optional<String> zoneId = ctx.text(ZONE_OPTION);
        if (domain.isPresent() && zoneId.isPresent()) {
            return Optional.of(new ValidationZone(zoneId.get(), ctx.name() + "." + stripDot(domain.get())));
        }
        if (!ctx.target().kind().isEmulator()) {
            return Optional.empty();
        }
        String madeUp = ctx.name() + "." + MADE_UP_PARENT;
        return Optional.of(new ValidationZone(HostedZone.create(ctx, madeUp), madeUp));
    }

    private static String stripDot(String name) {
        return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    }
}
