package io.awslabs.labs.acm;

import io.awslabs.lab.LabContext;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Predicate;

/** Asks again until an answer satisfies a condition or a deadline passes; every pause is a deliberate wait. */
final class Polling {
    private Polling() { }

    /** The first answer that satisfies {@code done}, or the last one asked before the deadline. */
    static <T> T until(LabContext ctx, String what, Duration timeout, Duration every, Callable<T> ask,
                       Predicate<T> done) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        T answer = ask.call();
        while (!done.test(answer) && System.nanoTime() < deadline) {
            ctx.sleep(every, what);
            answer = ask.call();
        }
        return answer;
    }
}
