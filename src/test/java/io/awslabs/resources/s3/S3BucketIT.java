package io.awslabs.resources.s3;

import static org.assertj.core.api.Assertions.assertThat;

import io.awslabs.lab.Checks;
import io.awslabs.lab.Lab;
import io.awslabs.lab.LabContext;
import io.awslabs.lab.LabInfo;
import io.awslabs.lab.LabRunner;
import io.awslabs.lab.Progress;
import io.awslabs.lab.RunIds;
import io.awslabs.lab.RunOptions;
import io.awslabs.report.RunReport;
import io.awslabs.report.TeardownRecord;
import io.awslabs.targets.Target;
import io.awslabs.testing.SharedMoto;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsResponse;

class S3BucketIT {

    /** A versioned bucket holding two versions of one object and a delete marker on another. */
    private static final class VersionedBucketLab implements Lab {
        @Override
        public LabInfo info() {
            return LabInfo.of("s3-buckets-test", "versioned bucket teardown").provisions(S3Bucket.KIND);
        }

        @Override
        public void provision(LabContext ctx) throws Exception {
            S3Client s3 = ctx.client(S3Client.class);
            String bucket = S3Bucket.create(ctx, "versioned");
            s3.putBucketVersioning(r -> r.bucket(bucket).versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));
            s3.putObject(r -> r.bucket(bucket).key("report.txt"), RequestBody.fromString("first"));
            s3.putObject(r -> r.bucket(bucket).key("report.txt"), RequestBody.fromString("second"));
            s3.putObject(r -> r.bucket(bucket).key("gone.txt"), RequestBody.fromString("soon deleted"));
            s3.deleteObject(r -> r.bucket(bucket).key("gone.txt"));
        }

        @Override
        public void verify(LabContext ctx, Checks check) { }
    }

    private static RunReport run(Target target, boolean keep) {
        return new LabRunner(target, new RunOptions(keep, Duration.ofHours(1), Map.of(), 0), Progress.SILENT,
                RunIds.next(), "test").run(List.of(new VersionedBucketLab()));
    }

    @Test
    void aKeptBucketHoldingVersionsAndDeleteMarkersIsEmptiedOfAllOfThemThenDeleted() throws Exception {
        try (Target moto = SharedMoto.target()) {
            RunReport report = run(moto, true);
            S3Client s3 = moto.client(S3Client.class);
            String bucket = report.labs().get(0).teardown().get(0).id();
            ListObjectVersionsResponse kept = s3.listObjectVersions(r -> r.bucket(bucket));
            assertThat(kept.versions()).hasSize(3);
            assertThat(kept.deleteMarkers()).hasSize(1);
            assertThat(SharedMoto.state().liveResourcesOf(report.runId())).containsExactly("S3 bucket " + bucket);

            S3Bucket.emptyAndDelete(s3, bucket);

            assertThat(SharedMoto.state().liveResourcesOf(report.runId())).isEmpty();
        }
    }

    @Test
    void teardownDeletesEveryVersionAndDeleteMarkerThenTheBucket() throws Exception {
        try (Target moto = SharedMoto.target()) {
            RunReport report = run(moto, false);

            assertThat(report.labs().get(0).teardown()).extracting(TeardownRecord::outcome)
                    .containsExactly(TeardownRecord.Outcome.DELETED);
            assertThat(SharedMoto.state().liveResourcesOf(report.runId())).isEmpty();
        }
    }

    @Test
    void aBucketAlreadyGoneCountsAsGone() throws Exception {
        try (Target moto = SharedMoto.target()) {
            RunReport kept = run(moto, true);
            S3Client s3 = moto.client(S3Client.class);
            String bucket = kept.labs().get(0).teardown().get(0).id();
            S3Bucket.emptyAndDelete(s3, bucket);

            assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> S3Bucket.emptyAndDelete(s3, bucket)))
                    .isInstanceOfSatisfying(software.amazon.awssdk.services.s3.model.S3Exception.class,
                            e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NoSuchBucket"));
        }
    }
}
