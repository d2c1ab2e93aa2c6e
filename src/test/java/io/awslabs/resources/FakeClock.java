package io.awslabs.resources;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Time that passes only when a wait pauses, and a record of every pause. */
public final class FakeClock implements Wait.Clock {
    private long nanos;
    private final List<Duration> pauses = new ArrayList<>();

    @Override
    public long nanoTime() {
        return nanos;
    }

    @Override
    public void sleep(Duration duration) {
        pauses.add(duration);
        nanos += duration.toNanos();
    }

    public void advance(Duration duration) {
        nanos += duration.toNanos();
    }

    public List<Duration> pauses() {
        return pauses;
    }
}
