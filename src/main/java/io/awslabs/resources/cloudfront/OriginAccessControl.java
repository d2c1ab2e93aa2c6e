package io.awslabs.resources.cloudfront;

import io.awslabs.resources.ResourceKind;
import io.awslabs.resources.RunMatcher;
import io.awslabs.resources.Teardown;
import io.awslabs.targets.Target;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.cloudfront.model.OriginAccessControlList;
import software.amazon.awssdk.services.cloudfront.model.OriginAccessControlSummary;

/**
 * A CloudFront origin access control. It cannot be tagged, so the tag sweep never sees it: its
 * name, which carries the run id, finds it. Deleting it needs its current ETag.
 */
public final class OriginAccessControl implements ResourceKind {
    public static final OriginAccessControl KIND = new OriginAccessControl();

    private OriginAccessControl() { }

    @Override
    public String type() {
        return "CloudFront origin access control";
    }

    @Override
    public List<String> actions() {
        return List.of("cloudfront:GetOriginAccessControl", "cloudfront:DeleteOriginAccessControl");
    }

    @Override
    public List<String> sweepActions() {
        return List.of("cloudfront:ListOriginAccessControls");
    }

    @Override
    public void delete(Teardown env, String id) {
        CloudFrontClient cloudFront = env.target().client(CloudFrontClient.class);
        String eTag = cloudFront.getOriginAccessControl(r -> r.id(id)).eTag();
        cloudFront.deleteOriginAccessControl(r -> r.id(id).ifMatch(eTag));
    }

    @Override
    public List<Found> find(Target target, RunMatcher runs) {
        CloudFrontClient cloudFront = target.client(CloudFrontClient.class);
        List<Found> found = new ArrayList<>();
        String marker = null;
        do {
            String from = marker;
            OriginAccessControlList page = cloudFront.listOriginAccessControls(r -> r.marker(from)).originAccessControlList();
            for (OriginAccessControlSummary oac : page.items()) {
                runs.runOf(oac.name()).ifPresent(run -> found.add(new Found(run, oac.id())));
            }
            marker = Boolean.TRUE.equals(page.isTruncated()) ? page.nextMarker() : null;
        } while (marker != null);
        return found;
    }
}
