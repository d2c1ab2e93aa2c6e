package io.awslabs.testing;

import io.awslabs.targets.Target;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.cloudfront.model.CloudFrontOriginAccessIdentitySummary;
import software.amazon.awssdk.services.cloudfront.model.DistributionSummary;
import software.amazon.awssdk.services.cloudfront.model.ListCloudFrontOriginAccessIdentitiesRequest;
import software.amazon.awssdk.services.cloudfront.model.ListDistributionsRequest;
import software.amazon.awssdk.services.cloudfront.model.ListOriginAccessControlsRequest;
import software.amazon.awssdk.services.cloudfront.model.OriginAccessControlSummary;
import software.amazon.awssdk.services.cloudfront.paginators.ListCloudFrontOriginAccessIdentitiesIterable;
import software.amazon.awssdk.services.cloudfront.paginators.ListDistributionsIterable;
import software.amazon.awssdk.services.cloudfront.paginators.ListOriginAccessControlsIterable;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Bucket;

/**
 * CloudFront distributions, origin access controls and origin access identities of the run
 * (their comment or name carries the run id), and the origin buckets of the CloudFront lab.
 */
final class CloudFrontLeftovers implements LeftoverProbe {
    /** Name prefix of the CloudFront lab's origin buckets. */
    private static final String ORIGIN_BUCKET_PREFIX = "labs-cloudfront-private-origin-";

    @Override
    public List<String> live(Target target, String runId) {
        CloudFrontClient cloudFront = target.client(CloudFrontClient.class);
        List<String> live = new ArrayList<>();
        new ListDistributionsIterable(cloudFront, ListDistributionsRequest.builder().build()).stream()
                .flatMap(page -> page.distributionList().items().stream())
                .filter(d -> d.comment() != null && d.comment().contains(runId))
                .map(CloudFrontLeftovers::describe)
                .forEach(live::add);
        new ListOriginAccessControlsIterable(cloudFront, ListOriginAccessControlsRequest.builder().build()).stream()
                .flatMap(page -> page.originAccessControlList().items().stream())
                .filter(oac -> oac.name() != null && oac.name().contains(runId))
                .map(CloudFrontLeftovers::describe)
                .forEach(live::add);
        originAccessIdentities(cloudFront).stream()
                .filter(oai -> oai.comment() != null && oai.comment().contains(runId))
                .map(oai -> "cloudfront origin access identity " + oai.id() + " (" + oai.comment() + ")")
                .forEach(live::add);
        live.addAll(originBuckets(target, runId));
        return live;
    }

    /** None where the target has no OAI API: moto answers its list call with a bare 404. */
    private static List<CloudFrontOriginAccessIdentitySummary> originAccessIdentities(CloudFrontClient cloudFront) {
        try {
            return new ListCloudFrontOriginAccessIdentitiesIterable(cloudFront,
                    ListCloudFrontOriginAccessIdentitiesRequest.builder().build()).stream()
                    .flatMap(page -> page.cloudFrontOriginAccessIdentityList().items().stream())
                    .toList();
        } catch (AwsServiceException e) {
            if (e.statusCode() == 404) {
                return List.of();
            }
            throw e;
        }
    }

    /**
     * Only the buckets behind the CloudFront lab's distributions, so this probe alone proves that
     * lab's teardown; a general S3 probe covers every other bucket.
     */
    private static List<String> originBuckets(Target target, String runId) {
        return target.client(S3Client.class).listBuckets().buckets().stream()
                .map(Bucket::name)
                .filter(name -> name.startsWith(ORIGIN_BUCKET_PREFIX) && name.contains(runId))
                .map(name -> "s3 bucket " + name + " (CloudFront origin)")
                .toList();
    }

    private static String describe(DistributionSummary d) {
        return "cloudfront distribution " + d.id() + " (" + d.status() + ", enabled=" + d.enabled() + ", " + d.comment() + ")";
    }

    private static String describe(OriginAccessControlSummary oac) {
        return "cloudfront origin access control " + oac.id() + " (" + oac.name() + ")";
    }
}
