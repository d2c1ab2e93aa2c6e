package io.awslabs.cleanup;

import io.awslabs.targets.Target;
import java.time.Duration;
import software.amazon.awssdk.arns.Arn;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.cloudfront.model.DistributionConfig;
import software.amazon.awssdk.services.cloudfront.model.GetDistributionConfigResponse;
import software.amazon.awssdk.services.cloudfront.waiters.CloudFrontWaiter;

/**
 * CloudFront deletes only a disabled distribution whose last change is deployed: disable it,
 * wait (minutes on AWS) until it is Deployed, then delete with the current ETag.
 */
final class CloudFrontDistributionDeleter implements ResourceDeleter {
    private static final Duration DEPLOYED_TIMEOUT = Duration.ofMinutes(45);

    @Override
    public String type() {
        return "CloudFront distribution";
    }

    @Override
    public void delete(Target target, String idOrArn) {
        CloudFrontClient cloudFront = target.client(CloudFrontClient.class);
        String id = canonicalId(idOrArn);
        GetDistributionConfigResponse current = cloudFront.getDistributionConfig(r -> r.id(id));
        if (Boolean.TRUE.equals(current.distributionConfig().enabled())) {
            DistributionConfig disabled = current.distributionConfig().toBuilder().enabled(false).build();
            cloudFront.updateDistribution(r -> r.id(id).ifMatch(current.eTag()).distributionConfig(disabled));
        }
        try (CloudFrontWaiter waiter = cloudFront.waiter()) {
            waiter.waitUntilDistributionDeployed(r -> r.id(id), o -> o.waitTimeout(DEPLOYED_TIMEOUT));
        }
        String etag = cloudFront.getDistribution(r -> r.id(id)).eTag();
        cloudFront.deleteDistribution(r -> r.id(id).ifMatch(etag));
    }

    @Override
    public boolean owns(Arn arn) {
        return Ids.is(arn, "cloudfront", "distribution");
    }
}
