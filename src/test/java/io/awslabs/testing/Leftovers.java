package io.awslabs.testing;

import io.awslabs.resources.Gone;
import io.awslabs.resources.ResourceKind;
import io.awslabs.resources.RunMatcher;
import io.awslabs.resources.UnsupportedApi;
import io.awslabs.resources.catalog.ResourceKinds;
import io.awslabs.targets.Target;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * What a run left live on a target, as the target's own listing APIs show it: every resource
 * kind's search by run id, less what is already on its way out (a KMS key pending deletion, a
 * terminated instance). Never the tool's own ledger.
 */
public final class Leftovers {
    private Leftovers() { }

    /** "type id" of each live resource of the run. */
    public static List<String> of(Target target, String runId) throws Exception {
        List<String> live = new ArrayList<>();
        for (ResourceKind kind : ResourceKinds.ALL) {
            for (ResourceKind.Found found : foundOrNone(kind, target, runId)) {
                if (!gone(kind, target, found.id())) {
                    live.add(kind.type() + " " + found.id());
                }
            }
        }
        return live;
    }

    /** A target that lacks the API (LocalStack community and CloudFront) can hold none of the kind. */
    private static List<ResourceKind.Found> foundOrNone(ResourceKind kind, Target target, String runId) throws Exception {
        try {
            return kind.find(target, RunMatcher.of(runId));
        } catch (AwsServiceException e) {
            if (UnsupportedApi.reason(kind.type(), e).isPresent()) {
                return List.of();
            }
            throw e;
        }
    }

    private static boolean gone(ResourceKind kind, Target target, String id) throws Exception {
        try {
            return kind.isGone(target, id);
        } catch (Exception e) {
            if (Gone.isNotFound(e)) {
                return true;
            }
            throw e;
        }
    }
}
