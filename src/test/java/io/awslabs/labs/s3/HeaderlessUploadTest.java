package io.awslabs.labs.s3;

import static org.assertj.core.api.Assertions.assertThat;

import io.awslabs.resources.FakeClock;
import io.awslabs.resources.Wait;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

class HeaderlessUploadTest {
    private final FakeClock clock = new FakeClock();

    @Test
    void whereBucketConfigurationPropagatesUploadsStoredWithThePreviousDefaultAreRepeatedUntilTheNewOneApplies()
            throws Exception {
        AtomicInteger uploads = new AtomicInteger();
        HeaderlessUpload.Stored stored = HeaderlessUpload.untilDefaultApplies(new Wait(clock, Wait.Listener.NONE, true),
                ServerSideEncryption.AWS_KMS, () -> HeadObjectResponse.builder()
                        .serverSideEncryption(uploads.incrementAndGet() < 3 ? ServerSideEncryption.AES256
                                : ServerSideEncryption.AWS_KMS).build());

        assertThat(stored.head().serverSideEncryption()).isEqualTo(ServerSideEncryption.AWS_KMS);
        assertThat(stored.attempts()).isEqualTo(3);
    }

    @Test
    void aDefaultThatNeverAppliesEndsWithTheLastAnswerAfterThirtySecondsAtMost() throws Exception {
        HeaderlessUpload.Stored stored = HeaderlessUpload.untilDefaultApplies(new Wait(clock, Wait.Listener.NONE, true),
                ServerSideEncryption.AWS_KMS, () -> HeadObjectResponse.builder()
                        .serverSideEncryption(ServerSideEncryption.AES256).build());

        assertThat(stored.head().serverSideEncryption()).isEqualTo(ServerSideEncryption.AES256);
        assertThat(clock.nanoTime()).isLessThanOrEqualTo(HeaderlessUpload.LIMIT.plus(HeaderlessUpload.EVERY).toNanos());
    }

    @Test
    void onATargetThatAppliesChangesAtOnceTheFirstUploadIsTheAnswer() throws Exception {
        HeaderlessUpload.Stored stored = HeaderlessUpload.untilDefaultApplies(new Wait(clock, Wait.Listener.NONE, false),
                ServerSideEncryption.AWS_KMS, () -> HeadObjectResponse.builder().build());

        assertThat(stored.attempts()).isEqualTo(1);
        assertThat(clock.pauses()).isEmpty();
    }
}
