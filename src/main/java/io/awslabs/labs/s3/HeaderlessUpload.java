package io.awslabs.labs.s3;

import io.awslabs.lab.LabWords;
import io.awslabs.resources.Wait;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

/**
 * An upload with no encryption headers just after PutBucketEncryption. Bucket configuration is
 * eventually consistent on AWS, so the first uploads may still get the previous default (SSE-S3):
 * where changes propagate the upload is repeated, for up to {@link #LIMIT}, until S3 applies the
 * new one; where they apply at once, the first upload is the answer.
 */
final class HeaderlessUpload {
    static final Duration LIMIT = Duration.ofSeconds(30);
    static final Duration EVERY = Duration.ofSeconds(2);

    /** The last upload's HeadObject, and how many uploads it took. */
    record Stored(HeadObjectResponse head, int attempts) { }

    private HeaderlessUpload() { }

    static Stored untilDefaultApplies(Wait wait, ServerSideEncryption expected, Callable<HeadObjectResponse> uploadAndHead)
            throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        HeadObjectResponse head = wait.afterChange(LabWords.of(HeaderlessUpload.class, "wait.defaultApplies"), LIMIT, EVERY, () -> {
            attempts.incrementAndGet();
            return uploadAndHead.call();
        }, h -> h.serverSideEncryption() == expected, h -> "stored with " + h.serverSideEncryptionAsString());
        return new Stored(head, attempts.get());
    }
}
