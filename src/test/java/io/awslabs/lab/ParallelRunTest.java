package io.awslabs.lab;

import static org.assertj.core.api.Assertions.assertThat;

import io.awslabs.report.LabReport;
import io.awslabs.report.RunReport;
import io.awslabs.report.Status;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ParallelRunTest {
    private final CountDownLatch bothStarted = new CountDownLatch(2);
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger mostAtOnce = new AtomicInteger();

    /** A lab whose one assertion holds only if the other lab of the pair is running at the same time. */
    private final class MeetsItsTwin implements Lab {
        private final String id;

        MeetsItsTwin(String id) {
            this.id = id;
        }

        @Override public LabInfo info() { return LabInfo.of(id, id).asserts("met", "the twin ran meanwhile"); }
        @Override public void provision(LabContext ctx) { }

        @Override
        public void verify(LabContext ctx, Checks check) {
            check.that("met", p -> {
                mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
                bothStarted.countDown();
                boolean met = bothStarted.await(10, TimeUnit.SECONDS);
                running.decrementAndGet();
                p.isTrue("the twin started while this lab ran", met, met ? "met" : "waited alone");
            });
        }
    }

    /** A lab that must have the target to itself, and says whether anything ran beside it. */
    private final class NeedsTheTargetAlone implements Lab {
        @Override
        public LabInfo info() {
            return LabInfo.of("alone", "Alone").asserts("alone", "nothing else ran").runsAlone("it changes the target for everyone");
        }

        @Override public void provision(LabContext ctx) { }

        @Override
        public void verify(LabContext ctx, Checks check) {
            check.that("alone", p -> p.equal("labs running beside it", 0, running.get()));
        }
    }

    private RunReport run(int parallel, Lab... labs) {
        RunOptions options = new RunOptions(false, Duration.ofHours(1), Map.of(), 0, parallel);
        return new LabRunner(FakeTarget.moto(), options, Progress.SILENT, "abc12345", "test").run(List.of(labs));
    }

    @Test
    void labsRunAtOnceUpToTheParallelismAndTheReportKeepsTheGivenOrder() {
        RunReport report = run(2, new NeedsTheTargetAlone(), new MeetsItsTwin("b-twin"), new MeetsItsTwin("a-twin"));

        assertThat(report.labs()).extracting(l -> l.lab().id()).containsExactly("alone", "b-twin", "a-twin");
        assertThat(report.labs()).extracting(LabReport::status).containsOnly(Status.PASS);
        assertThat(mostAtOnce).hasValue(2);
    }

    @Test
    void withParallelismOneTheFirstLabEndsBeforeTheSecondStarts() {
        RunReport report = new LabRunner(FakeTarget.moto(), RunOptions.defaults(), Progress.SILENT, "abc12345", "test")
                .run(List.of(new MeetsItsTwinQuickly("x"), new MeetsItsTwinQuickly("y")));

        assertThat(report.labs()).extracting(LabReport::status).containsExactly(Status.FAIL, Status.PASS);
    }

    /** As the twin, but gives up after a moment: for the sequential case. */
    private final class MeetsItsTwinQuickly implements Lab {
        private final String id;

        MeetsItsTwinQuickly(String id) {
            this.id = id;
        }

        @Override public LabInfo info() { return LabInfo.of(id, id).asserts("met", "the twin ran meanwhile"); }
        @Override public void provision(LabContext ctx) { }

        @Override
        public void verify(LabContext ctx, Checks check) {
            check.that("met", p -> {
                bothStarted.countDown();
                boolean met = bothStarted.await(200, TimeUnit.MILLISECONDS);
                p.isTrue("the twin started while this lab ran", met, met ? "met" : "waited alone");
            });
        }
    }
}
