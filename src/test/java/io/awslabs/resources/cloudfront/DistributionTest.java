package io.awslabs.resources.cloudfront;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.awslabs.lab.ResourceLedger;
import io.awslabs.report.TeardownRecord;
import io.awslabs.resources.FakeClock;
import io.awslabs.resources.SingleClientTarget;
import io.awslabs.resources.Teardown;
import io.awslabs.resources.Wait;
import io.awslabs.text.Lang;
import io.awslabs.text.Said;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DistributionTest {
    private final List<String> progress = new ArrayList<>();
    private final List<String> waits = new ArrayList<>();
    private final FakeClock clock = new FakeClock();

    @Test
    void disablesThenWaitsUntilDeployedThenDeletesWithTheETagOfTheDeployedState() throws Exception {
        FakeCloudFront cloudFront = new FakeCloudFront(clock, Duration.ofSeconds(90)).withDeployedDistribution("EDIST1");

        Distribution.KIND.delete(teardown(cloudFront), "EDIST1");

        assertThat(cloudFront.exists("EDIST1")).isFalse();
        assertThat(cloudFront.calls()).containsExactly(
                "GetDistributionConfig EDIST1",
                "UpdateDistribution EDIST1 enabled=false IfMatch=E1",
                "ListDistributions",
                "GetDistribution EDIST1 -> InProgress",
                "GetDistribution EDIST1 -> InProgress",
                "GetDistribution EDIST1 -> InProgress",
                "GetDistribution EDIST1 -> Deployed",
                "DeleteDistribution EDIST1 IfMatch=E2");
        assertThat(clock.pauses()).containsExactly(Distribution.POLL_EVERY, Distribution.POLL_EVERY, Distribution.POLL_EVERY);
        assertThat(progress).contains("disabling distribution EDIST1", "deleting distribution EDIST1");
        assertThat(waits).first().asString().contains("distribution EDIST1 to reach Deployed").contains("InProgress");
    }

    @Test
    void theFirstDeleteDisablesTheRunsOtherDistributionsSoTheirWaitsOverlap() throws Exception {
        FakeCloudFront cloudFront = new FakeCloudFront(clock, Duration.ofSeconds(60))
                .withDeployedDistribution("EOAI").withDeployedDistribution("EOAC");

        Distribution.KIND.delete(teardown(cloudFront), "EOAC");
        int pausesForTheFirst = clock.pauses().size();
        Distribution.KIND.delete(teardown(cloudFront), "EOAI");

        assertThat(cloudFront.calls()).filteredOn(c -> c.startsWith("UpdateDistribution"))
                .containsExactly("UpdateDistribution EOAC enabled=false IfMatch=E2",
                        "UpdateDistribution EOAI enabled=false IfMatch=E1");
        assertThat(clock.pauses().size() - pausesForTheFirst).as("the second distribution deployed meanwhile").isZero();
        assertThat(cloudFront.exists("EOAI")).isFalse();
        assertThat(cloudFront.exists("EOAC")).isFalse();
    }

    @Test
    void aDistributionStillDeployingAfterTheTimeLimitFailsWithWhatToDoNext() {
        FakeCloudFront cloudFront = new FakeCloudFront(clock, Duration.ofDays(1)).withDeployedDistribution("ESLOW");

        assertThatThrownBy(() -> Distribution.KIND.delete(teardown(cloudFront), "ESLOW"))
                .hasMessageContaining("still InProgress after 30 min")
                .hasMessageContaining("delete it with its ETag");
        assertThat(cloudFront.calls()).noneMatch(c -> c.startsWith("DeleteDistribution"));
    }

    @Test
    void aDistributionDeletedBehindTheLabsBackCountsAsAlreadyGoneInTheLedger() {
        FakeCloudFront cloudFront = new FakeCloudFront(clock, Duration.ZERO);
        ResourceLedger ledger = new ResourceLedger();
        ledger.register("CloudFront distribution", "EVANISHED", () -> Distribution.KIND.delete(teardown(cloudFront), "EVANISHED"));

        List<TeardownRecord> outcomes = ledger.unwind();

        assertThat(outcomes).extracting(TeardownRecord::outcome).containsExactly(TeardownRecord.Outcome.ALREADY_GONE);
    }

    private Teardown teardown(FakeCloudFront cloudFront) {
        Wait wait = new Wait(clock, new Wait.Listener() {
            @Override public void waiting(Said what, Duration elapsed, Duration timeout, String last) {
                waits.add(what.in(Lang.EN) + " (" + last + ")");
            }
            @Override public void waited(Duration paused) { }
        }, true);
        return new Teardown(new SingleClientTarget(cloudFront), FakeCloudFront.RUN_ID, wait, line -> progress.add(line.in(Lang.EN)));
    }
}
