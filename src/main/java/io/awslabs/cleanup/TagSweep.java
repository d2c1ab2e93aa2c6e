package io.awslabs.cleanup;

import io.awslabs.targets.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.resourcegroupstaggingapi.ResourceGroupsTaggingApiClient;
import software.amazon.awssdk.services.resourcegroupstaggingapi.model.ResourceTagMapping;
import software.amazon.awssdk.services.resourcegroupstaggingapi.model.Tag;
import software.amazon.awssdk.services.resourcegroupstaggingapi.model.TagFilter;

/**
 * Finds lab resources by their {@code labs:run-id} tag through the Resource Groups Tagging API
 * (GetResources), one region per call: the way back to resources whose journal is lost. IAM
 * roles are not listed by GetResources, and untaggable resources (KMS aliases) cannot be: those
 * are found by name ({@link ResourceDeleter#findByRunId}).
 */
public final class TagSweep {
    /** The sweep's one call, GetResources, as IAM names it (the service prefix is {@code tag}). */
    public static final List<String> IAM_ACTIONS = List.of("tag:GetResources");
    static final String RUN_ID_TAG = "labs:run-id";
    static final String EXPIRES_AT_TAG = "labs:expires-at";

    public record Tagged(String arn, Map<String, String> tags) {
        String runId() {
            return tags.get(RUN_ID_TAG);
        }
    }

    private TagSweep() { }

    /** Resources tagged with this run id. */
    public static List<Tagged> ofRun(Target target, String runId) {
        return sweep(target, TagFilter.builder().key(RUN_ID_TAG).values(runId).build());
    }

    /** Every resource of every run (the tag key with any value). */
    static List<Tagged> ofAllRuns(Target target) {
        return sweep(target, TagFilter.builder().key(RUN_ID_TAG).build());
    }

    private static List<Tagged> sweep(Target target, TagFilter filter) {
        List<Tagged> found = new ArrayList<>();
        for (ResourceTagMapping mapping : target.client(ResourceGroupsTaggingApiClient.class)
                .getResourcesPaginator(r -> r.tagFilters(filter)).resourceTagMappingList()) {
            Map<String, String> tags = mapping.tags().stream().collect(Collectors.toMap(Tag::key, Tag::value, (a, b) -> a));
            found.add(new Tagged(mapping.resourceARN(), tags));
        }
        return found;
    }
}
