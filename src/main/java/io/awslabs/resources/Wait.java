package io.awslabs.resources;

import io.awslabs.text.Said;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The one way labs and deletes wait: ask again until an answer satisfies a condition, or retry a
 * call while it fails in a way that time will fix, each with a timeout. Every pause is reported
 * as a deliberate wait (counted apart from API time in the report) and shown to the person
 * watching with how long it has lasted and how long it may last. What a wait is for is said in
 * the watcher's language ({@link TeardownWords} for the kinds' own waits).
 */
public final class Wait {

    /** Where time comes from: the system clock in a run, a fake in tests. */
    public interface Clock {
        long nanoTime();

        void sleep(Duration duration) throws InterruptedException;

        Clock SYSTEM = new Clock() {
            @Override public long nanoTime() { return System.nanoTime(); }
            @Override public void sleep(Duration duration) throws InterruptedException { Thread.sleep(duration.toMillis()); }
        };
    }

    /** Who hears about a wait: the progress display, and the counter of deliberate waits. */
    public interface Listener {
        /** Before each pause: what is awaited, for how long so far, the limit, and the last answer. */
        void waiting(Said what, Duration elapsed, Duration timeout, String lastAnswer);

        /** After each pause, how long it really took. */
        void waited(Duration paused);

        Listener NONE = new Listener() {
            @Override public void waiting(Said what, Duration elapsed, Duration timeout, String lastAnswer) { }
            @Override public void waited(Duration paused) { }
        };
    }

    private final Clock clock;
    private final Listener listener;
    private final boolean propagates;

    /**
     * {@code propagates}: whether a configuration change takes time to be in force (AWS is
     * eventually consistent; an emulator applies a change before it answers the call).
     */
    public Wait(Clock clock, Listener listener, boolean propagates) {
        this.clock = clock;
        this.listener = listener;
        this.propagates = propagates;
    }

    /** A wait on the system clock that nobody watches: for cleanup and tests. */
    public static Wait unobserved() {
        return new Wait(Clock.SYSTEM, Listener.NONE, true);
    }

    /**
     * {@link #until} for the effect of a configuration change just made (a bucket policy, a
     * disabled key): on a target where changes propagate it asks again until {@code limit}; on one
     * that applies them at once, the first answer is all it will ever say.
     */
    public <T> T afterChange(Said what, Duration limit, Duration every, Callable<T> ask, Predicate<T> done,
                             Function<T, String> shown) throws Exception {
        return until(what, propagates ? limit : Duration.ZERO, every, ask, done, shown);
    }

    /**
     * The first answer that satisfies {@code done}, or the last one given before the timeout:
     * the caller decides what an answer that never came means.
     */
    public <T> T until(Said what, Duration timeout, Duration every, Callable<T> ask, Predicate<T> done,
                       Function<T, String> shown) throws Exception {
        long started = clock.nanoTime();
        T answer = ask.call();
        while (!done.test(answer)) {
            Duration elapsed = since(started);
            if (elapsed.compareTo(timeout) >= 0) {
                return answer;
            }
            pause(what, elapsed, timeout, every, shown.apply(answer));
            answer = ask.call();
        }
        return answer;
    }

    public <T> T until(Said what, Duration timeout, Duration every, Callable<T> ask, Predicate<T> done) throws Exception {
        return until(what, timeout, every, ask, done, String::valueOf);
    }

    /**
     * The result of {@code attempt}, retried while it fails in a way {@code transient} accepts and
     * the timeout has not passed; any other failure, or the last one, is thrown as it is.
     */
    public <T> T retrying(Said what, Duration timeout, Duration every, Callable<T> attempt,
                          Predicate<Exception> isTransient) throws Exception {
        long started = clock.nanoTime();
        while (true) {
            try {
                return attempt.call();
            } catch (Exception e) {
                Duration elapsed = since(started);
                if (!isTransient.test(e) || elapsed.compareTo(timeout) >= 0) {
                    throw e;
                }
                pause(what, elapsed, timeout, every, e.getClass().getSimpleName());
            }
        }
    }

    /** {@link #retrying} for a call that returns nothing. */
    public void retrying(Said what, Duration timeout, Duration every, Action attempt,
                         Predicate<Exception> isTransient) throws Exception {
        retrying(what, timeout, every, () -> {
            attempt.run();
            return null;
        }, isTransient);
    }

    /** A deliberate pause of a known length (a URL to expire, a clock to tick). */
    public void pause(Said why, Duration duration) throws InterruptedException {
        pause(why, Duration.ZERO, duration, duration, "");
    }

    private void pause(Said what, Duration elapsed, Duration timeout, Duration every, String lastAnswer)
            throws InterruptedException {
        listener.waiting(what, elapsed, timeout, lastAnswer);
        long t0 = clock.nanoTime();
        try {
            clock.sleep(every);
        } finally {
            listener.waited(Duration.ofNanos(clock.nanoTime() - t0));
        }
    }

    private Duration since(long started) {
        return Duration.ofNanos(clock.nanoTime() - started);
    }

    @FunctionalInterface
    public interface Action {
        void run() throws Exception;
    }
}
