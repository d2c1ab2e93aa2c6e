package io.awslabs.resources;

import java.util.Optional;
import software.amazon.awssdk.arns.Arn;

/** Turning the id forms of the journal and of the tagging API into each other. */
public final class Ids {
    private Ids() { }

    public static Optional<Arn> arn(String idOrArn) {
        return idOrArn.startsWith("arn:") ? Optional.of(Arn.fromString(idOrArn)) : Optional.empty();
    }

    /** The part after the ARN's resource type, or the id itself: {@code role/path/name} gives {@code path/name}. */
    public static String resourceOf(String idOrArn) {
        return arn(idOrArn).map(a -> {
            String resource = a.resourceAsString();
            return a.resource().resourceType().isPresent() ? resource.substring(resource.indexOf('/') + 1) : resource;
        }).orElse(idOrArn);
    }

    /** The last segment of a path-like id or ARN: a role name, a key id, {@code Z123} of {@code /hostedzone/Z123}. */
    public static String lastSegment(String idOrArn) {
        String resource = resourceOf(idOrArn);
        return resource.substring(resource.lastIndexOf('/') + 1);
    }

    public static boolean is(Arn arn, String service, String resourceType) {
        return arn.service().equals(service) && arn.resource().resourceType().map(resourceType::equals).orElse(false);
    }
}
