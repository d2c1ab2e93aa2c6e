package io.awslabs.labs.cloudfront;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.awslabs.lab.ResourceLedger;
import io.awslabs.report.TeardownRecord;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DistributionRemoverTest {
    private static final Duration POLL = Duration.ofSeconds(30);
    private final List<String> progress = new ArrayList<>();
    private final List<Duration> pauses = new ArrayList<>();
    private final TestClock clock = new TestClock();

    @Test
    void disablesThenWaitsUntilDeployedThenDeletesWithTheETagOfTheDeployedState() throws Exception {
        FakeCloudFront cloudFront = new FakeCloudFront(clock, Duration.ofSeconds(90)).withDeployedDistribution("EDIST1");
        DistributionRemover remover = remover(cloudFront, Duration.ofMinutes(30));
        remover.track("EDIST1");

        remover.delete("EDIST1");

        assertThat(cloudFront.exists("EDIST1")).isFalse();
        assertThat(cloudFront.calls()).containsExactly(
                "GetDistributionConfig EDIST1",
                "UpdateDistribution EDIST1 enabled=false IfMatch=E1",
                "GetDistribution EDIST1 -> InProgress",
                "GetDistribution EDIST1 -> InProgress",
                "GetDistribution EDIST1 -> InProgress",
                "GetDistribution EDIST1 -> Deployed",
                "DeleteDistribution EDIST1 IfMatch=E2");
        assertThat(pauses).containsExactly(POLL, POLL, POLL);
        assertThat(progress).contains("disabling distribution EDIST1",
                "distribution EDIST1 Deployed after 1m30s", "deleting distribution EDIST1");
        assertThat(progress).anyMatch(line -> line.startsWith("distribution EDIST1 InProgress after 1m00s"));
    }

    @Test
    void theFirstDeleteDisablesEveryOtherDistributionSoTheirWaitsOverlap() throws Exception {
        FakeCloudFront cloudFront = new FakeCloudFront(clock, Duration.ofSeconds(60))
                .withDeployedDistribution("EOAI").withDeployedDistribution("EOAC");
        DistributionRemover remover = remover(cloudFront, Duration.ofMinutes(30));
        remover.track("EOAI");
        remover.track("EOAC");

        remover.delete("EOAC");
        int pausesForTheFirst = pauses.size();
        remover.delete("EOAI");

        assertThat(cloudFront.calls()).filteredOn(c -> c.startsWith("UpdateDistribution"))
                .containsExactly("UpdateDistribution EOAC enabled=false IfMatch=E2",
                        "UpdateDistribution EOAI enabled=false IfMatch=E1");
        assertThat(pauses.size() - pausesForTheFirst).as("the second distribution deployed meanwhile").isZero();
        assertThat(cloudFront.exists("EOAI")).isFalse();
        assertThat(cloudFront.exists("EOAC")).isFalse();
    }

    @Test
    void aDistributionStillDeployingAfterTheTimeLimitFailsWithWhatToDoNext() {
        FakeCloudFront cloudFront = new FakeCloudFront(clock, Duration.ofDays(1)).withDeployedDistribution("ESLOW");
        DistributionRemover remover = remover(cloudFront, Duration.ofMinutes(2));

        assertThatThrownBy(() -> remover.delete("ESLOW"))
                .isInstanceOf(DeploymentWait.DeploymentTimeout.class)
                .hasMessageContaining("still InProgress after 2m00s")
                .hasMessageContaining("delete it with its ETag");
        assertThat(cloudFront.calls()).noneMatch(c -> c.startsWith("DeleteDistribution"));
    }

    @Test
    void aSiblingAlreadyGoneDoesNotStopTheDelete() throws Exception {
        FakeCloudFront cloudFront = new FakeCloudFront(clock, Duration.ZERO).withDeployedDistribution("EKEEP");
        DistributionRemover remover = remover(cloudFront, Duration.ofMinutes(30));
        remover.track("EGONE");
        remover.track("EKEEP");

        remover.delete("EKEEP");

        assertThat(cloudFront.exists("EKEEP")).isFalse();
        assertThat(cloudFront.calls()).contains("NoSuchDistribution EGONE");
    }

    @Test
    void aDistributionDeletedBehindTheLabsBackCountsAsAlreadyGoneInTheLedger() {
        FakeCloudFront cloudFront = new FakeCloudFront(clock, Duration.ZERO);
        DistributionRemover remover = remover(cloudFront, Duration.ofMinutes(30));
        ResourceLedger ledger = new ResourceLedger();
        ledger.register("CloudFront distribution", "EVANISHED", () -> remover.delete("EVANISHED"));

        List<TeardownRecord> outcomes = ledger.unwind();

        assertThat(outcomes).extracting(TeardownRecord::outcome).containsExactly(TeardownRecord.Outcome.ALREADY_GONE);
    }

    private DistributionRemover remover(FakeCloudFront cloudFront, Duration timeout) {
        DeploymentWait wait = new DeploymentWait(cloudFront, progress::add, (duration, why) -> {
            pauses.add(duration);
            clock.advance(duration);
        }, clock, POLL, timeout);
        return new DistributionRemover(cloudFront, progress::add, wait);
    }

    /** Time that passes only when the wait pauses. */
    private static final class TestClock extends Clock {
        private Instant now = Instant.parse("2026-11-22T10:00:00Z");

        void advance(Duration d) { now = now.plus(d); }
        @Override public ZoneId getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
    }
}
