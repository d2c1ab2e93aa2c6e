package io.awslabs.resources.cloudfront;

import io.awslabs.resources.Ids;
import io.awslabs.resources.ResourceKind;
import io.awslabs.resources.RunMatcher;
import io.awslabs.resources.Teardown;
import io.awslabs.resources.TeardownWords;
import io.awslabs.resources.Wait;
import io.awslabs.targets.Target;
import io.awslabs.text.Lang;
import io.awslabs.text.Said;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.arns.Arn;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.cloudfront.model.DistributionList;
import software.amazon.awssdk.services.cloudfront.model.DistributionSummary;
import software.amazon.awssdk.services.cloudfront.model.GetDistributionConfigResponse;
import software.amazon.awssdk.services.cloudfront.model.GetDistributionResponse;

/**
 * A CloudFront distribution. CloudFront deletes only a disabled distribution whose last change
 * is Deployed, with the ETag of that state: deleting one disables it, waits (minutes on AWS) and
 * deletes. Disabling takes as long for every distribution, so the first delete of a run also
 * disables the run's other distributions: their waits overlap instead of adding up.
 */
public final class Distribution implements ResourceKind {
    public static final Distribution KIND = new Distribution();
    public static final String DEPLOYED = "Deployed";
    static final Duration POLL_EVERY = Duration.ofSeconds(30);
    static final Duration DEPLOY_TIMEOUT = Duration.ofMinutes(30);

    private Distribution() { }

    @Override
    public String type() {
        return "CloudFront distribution";
    }

    @Override
    public List<String> actions() {
        return List.of("cloudfront:GetDistribution", "cloudfront:GetDistributionConfig",
                "cloudfront:UpdateDistribution", "cloudfront:DeleteDistribution");
    }

    @Override
    public List<String> sweepActions() {
        return List.of("cloudfront:ListDistributions");
    }

    @Override
    public void delete(Teardown env, String idOrArn) throws Exception {
        CloudFrontClient cloudFront = env.target().client(CloudFrontClient.class);
        String id = canonicalId(idOrArn);
        disable(env, cloudFront, id);
        for (DistributionSummary sibling : ofRun(cloudFront, RunMatcher.of(env.runId()))) {
            if (!sibling.id().equals(id) && Boolean.TRUE.equals(sibling.enabled())) {
                disable(env, cloudFront, sibling.id());
            }
        }
        String eTag = untilDeployed(env.waits(), cloudFront, id, TeardownWords.phrase("wait.purpose.toDelete"));
        env.progress().accept(TeardownWords.phrase("progress.deletingDistribution", id));
        cloudFront.deleteDistribution(r -> r.id(id).ifMatch(eTag));
    }

    /** Waits until the distribution is Deployed and returns the ETag of that state. */
    public static String untilDeployed(Wait wait, CloudFrontClient cloudFront, String id, Said purpose) throws Exception {
        GetDistributionResponse current = wait.until(TeardownWords.phrase("wait.distributionDeployed", id, purpose),
                DEPLOY_TIMEOUT, POLL_EVERY, () -> cloudFront.getDistribution(r -> r.id(id)),
                d -> DEPLOYED.equals(d.distribution().status()), d -> d.distribution().status());
        if (!DEPLOYED.equals(current.distribution().status())) {
            throw new IllegalStateException("distribution " + id + " still " + current.distribution().status()
                    + " after " + DEPLOY_TIMEOUT.toMinutes() + " min (" + purpose.in(Lang.EN)
                    + "); wait until it is Deployed, then delete it with its ETag");
        }
        return current.eTag();
    }

    private static void disable(Teardown env, CloudFrontClient cloudFront, String id) {
        GetDistributionConfigResponse current = cloudFront.getDistributionConfig(r -> r.id(id));
        if (Boolean.FALSE.equals(current.distributionConfig().enabled())) {
            return;
        }
        env.progress().accept(TeardownWords.phrase("progress.disablingDistribution", id));
        cloudFront.updateDistribution(r -> r.id(id).ifMatch(current.eTag())
                .distributionConfig(current.distributionConfig().toBuilder().enabled(false).build()));
    }

    @Override
    public boolean owns(Arn arn) {
        return Ids.is(arn, "cloudfront", "distribution");
    }

    /** Lab distributions carry the lab's name in their comment. */
    @Override
    public List<Found> find(Target target, RunMatcher runs) {
        return ofRun(target.client(CloudFrontClient.class), runs).stream()
                .map(d -> new Found(runs.runOf(d.comment()).orElseThrow(), d.id())).toList();
    }

    private static List<DistributionSummary> ofRun(CloudFrontClient cloudFront, RunMatcher runs) {
        List<DistributionSummary> found = new ArrayList<>();
        String marker = null;
        do {
            String from = marker;
            DistributionList page = cloudFront.listDistributions(r -> r.marker(from)).distributionList();
            page.items().stream().filter(d -> runs.runOf(d.comment()).isPresent()).forEach(found::add);
            marker = Boolean.TRUE.equals(page.isTruncated()) ? page.nextMarker() : null;
        } while (marker != null);
        return found;
    }
}
