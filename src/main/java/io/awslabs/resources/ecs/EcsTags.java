package io.awslabs.resources.ecs;

import io.awslabs.resources.Provisioning;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.ecs.model.Tag;

/** ECS tags at creation: the run's tags. */
final class EcsTags {
    static final String RUN_ID_TAG = "labs:run-id";

    private EcsTags() { }

    static List<Tag> of(Provisioning p) {
        return p.tags((k, v) -> Tag.builder().key(k).value(v).build());
    }

    static Optional<String> runOf(List<Tag> tags) {
        return tags.stream().filter(t -> RUN_ID_TAG.equals(t.key())).map(Tag::value).findFirst();
    }
}
