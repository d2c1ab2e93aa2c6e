package io.awslabs.resources;

import io.awslabs.targets.Target;
import io.awslabs.text.Said;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import software.amazon.awssdk.core.SdkClient;

/**
 * What creating a lab resource needs from the run: the target, the names and tags that carry the
 * run id, and {@link #create}, which records the resource under its kind the moment the create
 * call returns. A lab's context is one; the kinds' own create helpers take it.
 */
public interface Provisioning {

    Target target();

    default <T extends SdkClient> T client(Class<T> type) {
        return target().client(type);
    }

    String runId();

    /** {@code labs-<lab>-<runid>}: every resource name carries the run id. */
    String name();

    default String name(String suffix) {
        return name() + "-" + suffix;
    }

    /** The tags every taggable resource carries. */
    Map<String, String> tags();

    /** {@link #tags()} as a service's own tag type. */
    default <T> List<T> tags(BiFunction<String, String, T> tag) {
        return tags().entrySet().stream().map(e -> tag.apply(e.getKey(), e.getValue())).toList();
    }

    /**
     * Runs a create call and records its result under {@code kind} before returning it, so that
     * teardown (and {@code labs cleanup} after a crash) deletes it through that kind.
     */
    <T> T create(ResourceKind kind, Creator<T> create, Function<T, String> idOf) throws Exception;

    /** {@link #create} for the common case where the create call returns the id. */
    default String create(ResourceKind kind, Creator<String> create) throws Exception {
        return create(kind, create, Function.identity());
    }

    /** A remark the report keeps with the lab, such as a resource that cannot be deleted at once. */
    void note(Said text);

    /** A line for the person watching, said in their language. */
    void progress(Said message);

    Wait waits();

    @FunctionalInterface
    interface Creator<T> {
        T create() throws Exception;
    }
}
