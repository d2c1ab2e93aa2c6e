package io.awslabs.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.awslabs.report.TeardownRecord;
import io.awslabs.report.TeardownRecord.Outcome;
import io.awslabs.resources.Gone;
import io.awslabs.resources.Scheduled;
import io.awslabs.text.Lang;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

class ResourceLedgerTest {
    private static final Instant IN_SEVEN_DAYS = Instant.parse("2026-12-09T07:00:00Z");
    private final List<String> deleted = new ArrayList<>();
    private final ResourceLedger ledger = new ResourceLedger();

    @Test
    void teardownDeletesNewestFirst() {
        ledger.register("bucket", "b", () -> deleted.add("b"));
        ledger.register("key", "k", () -> deleted.add("k"));
        ledger.register("alias", "a", () -> deleted.add("a"));

        List<TeardownRecord> outcomes = ledger.unwind();

        assertThat(deleted).containsExactly("a", "k", "b");
        assertThat(outcomes).extracting(TeardownRecord::id).containsExactly("a", "k", "b");
        assertThat(outcomes).extracting(TeardownRecord::outcome).containsOnly(Outcome.DELETED);
    }

    @Test
    void secondUnwindDeletesNothingAgain() {
        ledger.register("key", "k", () -> deleted.add("k"));

        ledger.unwind();
        List<TeardownRecord> again = ledger.unwind();

        assertThat(deleted).containsExactly("k");
        assertThat(again).hasSize(1);
    }

    @Test
    void resourceAlreadyGoneCountsAsDeletedNotFailed() {
        ledger.register("bucket", "b", () -> { throw notFound("NoSuchBucket", 404); });
        ledger.register("key", "k", () -> { throw new Gone("gone.deleted"); });
        ledger.register("queue", "q", () -> { throw notFound("AWS.SimpleQueueService.NonExistentQueue", 400); });

        List<TeardownRecord> outcomes = ledger.unwind();

        assertThat(outcomes).extracting(TeardownRecord::outcome)
                .containsExactly(Outcome.FAILED, Outcome.ALREADY_GONE, Outcome.ALREADY_GONE);
    }

    @Test
    void whatTheToolkitWordsIsRecordedInEnglishWithItsChineseBesideIt() {
        ledger.register("KMS key", "k", () -> { throw new Scheduled(IN_SEVEN_DAYS, "scheduled.kmsKey", 7); });
        ledger.register("SQS queue", "q", () -> { throw new Gone("gone.queue", "labs-q"); });

        List<TeardownRecord> outcomes = ledger.unwind();

        assertThat(outcomes).extracting(TeardownRecord::message)
                .containsExactly("no queue named labs-q", "KMS deletes it after the 7-day minimum waiting period");
        assertThat(outcomes).extracting(t -> t.message(Lang.ZH))
                .containsExactly("没有名为 labs-q 的队列", "KMS 会在 7 天的最短等待期过后删除它");
    }

    @Test
    void whatAwsSaidOfAFailedDeleteHasNoTranslationAndReadsAsSaid() {
        ledger.register("bucket", "b", () -> { throw denied(); });

        TeardownRecord failed = ledger.unwind().get(0);

        assertThat(failed.translations()).isEmpty();
        assertThat(failed.message(Lang.ZH)).isEqualTo(failed.message()).contains("AccessDenied");
    }

    @Test
    void keptByKeepIsSaidInChinese() {
        ledger.register("bucket", "b", () -> deleted.add("b"));

        TeardownRecord kept = ledger.keep().get(0);

        assertThat(kept.message()).isEqualTo("kept by --keep");
        assertThat(kept.message(Lang.ZH)).isEqualTo("按 --keep 保留");
    }

    @Test
    void aFailedDeleteIsRecordedAndTheRestStillRun() {
        ledger.register("bucket", "b", () -> deleted.add("b"));
        ledger.register("key", "k", () -> { throw new IllegalStateException("access denied"); });

        List<TeardownRecord> outcomes = ledger.unwind();

        assertThat(deleted).containsExactly("b");
        assertThat(outcomes.get(0).outcome()).isEqualTo(Outcome.FAILED);
        assertThat(outcomes.get(0).message()).contains("access denied");
    }

    @Test
    void aResourceCreatedAfterTeardownBeganIsDeletedAtOnceAndStopsTheLab() {
        ledger.unwind();

        assertThatThrownBy(() -> ledger.register("bucket", "late", () -> deleted.add("late")))
                .isInstanceOf(ResourceLedger.RunAborted.class);
        assertThat(deleted).containsExactly("late");
    }

    @Test
    void keepRecordsEveryResourceAsKeptAndDeletesNothing() {
        ledger.register("bucket", "b", () -> deleted.add("b"));

        assertThat(ledger.keep()).extracting(TeardownRecord::outcome).containsExactly(Outcome.KEPT);
        assertThat(deleted).isEmpty();
    }

    private static AwsServiceException denied() {
        return AwsServiceException.builder().statusCode(403)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("AccessDenied").build()).build();
    }

    private static AwsServiceException notFound(String code, int status) {
        return AwsServiceException.builder().statusCode(status)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).build()).build();
    }
}
