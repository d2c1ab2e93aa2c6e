package io.awslabs.resources.cloudfront;

import io.awslabs.resources.ResourceKind;
import io.awslabs.resources.RunMatcher;
import io.awslabs.resources.Teardown;
import io.awslabs.targets.Target;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.cloudfront.model.CloudFrontOriginAccessIdentityList;
import software.amazon.awssdk.services.cloudfront.model.CloudFrontOriginAccessIdentitySummary;

/**
 * A CloudFront origin access identity (the legacy way). It cannot be tagged; its comment, which
 * carries the run id, finds it. Deleting it needs its current ETag.
 */
public final class OriginAccessIdentity implements ResourceKind {
    public static final OriginAccessIdentity KIND = new OriginAccessIdentity();

    private OriginAccessIdentity() { }

    @Override
    public String type() {
        return "CloudFront origin access identity";
    }

    @Override
    public List<String> actions() {
        return List.of("cloudfront:GetCloudFrontOriginAccessIdentity",
                "cloudfront:DeleteCloudFrontOriginAccessIdentity");
    }

    @Override
    public List<String> sweepActions() {
        return List.of("cloudfront:ListCloudFrontOriginAccessIdentities");
    }

    @Override
    public void delete(Teardown env, String id) {
        CloudFrontClient cloudFront = env.target().client(CloudFrontClient.class);
        String eTag = cloudFront.getCloudFrontOriginAccessIdentity(r -> r.id(id)).eTag();
        cloudFront.deleteCloudFrontOriginAccessIdentity(r -> r.id(id).ifMatch(eTag));
    }

    @Override
    public List<Found> find(Target target, RunMatcher runs) {
        CloudFrontClient cloudFront = target.client(CloudFrontClient.class);
        List<Found> found = new ArrayList<>();
        String marker = null;
        do {
            String from = marker;
            CloudFrontOriginAccessIdentityList page = cloudFront.listCloudFrontOriginAccessIdentities(r -> r.marker(from))
                    .cloudFrontOriginAccessIdentityList();
            for (CloudFrontOriginAccessIdentitySummary oai : page.items()) {
                runs.runOf(oai.comment()).ifPresent(run -> found.add(new Found(run, oai.id())));
            }
            marker = Boolean.TRUE.equals(page.isTruncated()) ? page.nextMarker() : null;
        } while (marker != null);
        return found;
    }
}
