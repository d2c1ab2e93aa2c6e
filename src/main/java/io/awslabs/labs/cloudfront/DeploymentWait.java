package io.awslabs.labs.cloudfront;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.cloudfront.model.GetDistributionResponse;

/**
 * Polls a distribution until CloudFront reports it {@code Deployed}: every configuration change
 * (creation, disabling) propagates to the edge locations first, which takes minutes on AWS.
 * Each poll says on the progress line how long the wait has lasted.
 */
final class DeploymentWait {
    static final String DEPLOYED = "Deployed";

    /** How the wait pauses between polls: {@code LabContext::sleep} in a lab, a fake clock in tests. */
    @FunctionalInterface
    interface Pause {
        void sleep(Duration duration, String why) throws InterruptedException;
    }

    private final CloudFrontClient cloudFront;
    private final Consumer<String> progress;
    private final Pause pause;
    private final Clock clock;
    private final Duration pollEvery;
    private final Duration timeout;

    DeploymentWait(CloudFrontClient cloudFront, Consumer<String> progress, Pause pause, Clock clock,
                   Duration pollEvery, Duration timeout) {
        this.cloudFront = cloudFront;
        this.progress = progress;
        this.pause = pause;
        this.clock = clock;
        this.pollEvery = pollEvery;
        this.timeout = timeout;
    }

    /** Waits until the distribution is Deployed and returns its current ETag. */
    String untilDeployed(String distributionId, String purpose) throws InterruptedException {
        Instant started = clock.instant();
        for (int poll = 1; ; poll++) {
            GetDistributionResponse current = cloudFront.getDistribution(r -> r.id(distributionId));
            String status = current.distribution().status();
            Duration elapsed = Duration.between(started, clock.instant());
            if (DEPLOYED.equals(status)) {
                if (poll > 1) {
                    progress.accept("distribution " + distributionId + " Deployed after " + readable(elapsed));
                }
                return current.eTag();
            }
            if (elapsed.compareTo(timeout) >= 0) {
                throw new DeploymentTimeout("distribution " + distributionId + " still " + status + " after "
                        + readable(elapsed) + " (" + purpose + "); wait until it is Deployed, then delete it with its ETag");
            }
            progress.accept("distribution " + distributionId + " " + status + " after " + readable(elapsed)
                    + " (" + purpose + "); next check in " + pollEvery.toSeconds() + " s");
            pause.sleep(pollEvery, "distribution " + distributionId + " to reach Deployed");
        }
    }

    static String readable(Duration d) {
        long seconds = d.toSeconds();
        return seconds < 60 ? seconds + "s" : String.format("%dm%02ds", seconds / 60, seconds % 60);
    }

    /** A distribution that did not finish deploying within the wait's time limit. */
    static final class DeploymentTimeout extends IllegalStateException {
        DeploymentTimeout(String message) {
            super(message);
        }
    }
}
