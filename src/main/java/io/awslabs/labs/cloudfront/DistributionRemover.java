package io.awslabs.labs.cloudfront;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.cloudfront.model.GetDistributionConfigResponse;

/**
 * Deletes a distribution the only way CloudFront allows: disable it (UpdateDistribution with
 * the config's ETag), wait until the change is Deployed, then DeleteDistribution with the ETag
 * of that Deployed state. A disabled distribution takes minutes to deploy, so the first delete
 * also disables every other distribution of the lab: their waits then overlap instead of adding
 * up when the ledger reaches them.
 */
final class DistributionRemover {
    private final CloudFrontClient cloudFront;
    private final Consumer<String> progress;
    private final DeploymentWait deployment;
    private final Set<String> tracked = new LinkedHashSet<>();

    DistributionRemover(CloudFrontClient cloudFront, Consumer<String> progress, DeploymentWait deployment) {
        this.cloudFront = cloudFront;
        this.progress = progress;
        this.deployment = deployment;
    }

    /** A distribution of the lab that later deletes may disable early. */
    synchronized void track(String distributionId) {
        tracked.add(distributionId);
    }

    synchronized void delete(String distributionId) throws InterruptedException {
        disable(distributionId);
        for (String sibling : List.copyOf(tracked)) {
            if (!sibling.equals(distributionId)) {
                disableIfStillThere(sibling);
            }
        }
        String eTag = deployment.untilDeployed(distributionId, "disabled; only a disabled, Deployed distribution can be deleted");
        progress.accept("deleting distribution " + distributionId);
        cloudFront.deleteDistribution(r -> r.id(distributionId).ifMatch(eTag));
        tracked.remove(distributionId);
    }

    private void disable(String distributionId) {
        GetDistributionConfigResponse current = cloudFront.getDistributionConfig(r -> r.id(distributionId));
        if (Boolean.FALSE.equals(current.distributionConfig().enabled())) {
            return;
        }
        progress.accept("disabling distribution " + distributionId);
        cloudFront.updateDistribution(r -> r.id(distributionId).ifMatch(current.eTag())
                .distributionConfig(current.distributionConfig().toBuilder().enabled(false).build()));
    }

    /** A sibling already gone is its own ledger entry's business; here it only means nothing to disable. */
    private void disableIfStillThere(String distributionId) {
        try {
            disable(distributionId);
        } catch (AwsServiceException e) {
            if (e.statusCode() != 404) {
                throw e;
            }
            tracked.remove(distributionId);
        }
    }
}
