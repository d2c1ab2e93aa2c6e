package io.awslabs.policy;

import io.awslabs.resources.Wait;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * Real time until the withdrawn action is denied; from then on every pause passes at once. The
 * proof is made by then, and what the denial leaves stuck would otherwise hold the run for
 * minutes: a VPC whose subnet could not be deleted is retried for its release timeout.
 */
final class UntilDenied implements Wait.Clock {
    private static final long SLICE_MS = 100;
    private final BooleanSupplier denied;
    private final AtomicLong skipped = new AtomicLong();

    UntilDenied(BooleanSupplier denied) {
        this.denied = denied;
    }

    @Override
    public long nanoTime() {
        return System.nanoTime() + skipped.get();
    }

    @Override
    public void sleep(Duration duration) throws InterruptedException {
        long left = duration.toMillis();
        while (left > 0 && !denied.getAsBoolean()) {
            long slice = Math.min(SLICE_MS, left);
            Thread.sleep(slice);
            left -= slice;
        }
        skipped.addAndGet(Duration.ofMillis(left).toNanos());
    }
}
