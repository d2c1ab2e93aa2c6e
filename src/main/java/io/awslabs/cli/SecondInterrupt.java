package io.awslabs.cli;

import java.util.concurrent.atomic.AtomicInteger;
import sun.misc.Signal;

/**
 * Ctrl-C once: exit through the shutdown hooks, which tear down what the labs created. Ctrl-C
 * twice: stop at once. The JVM's own SIGINT handler cannot do the second part (while its
 * shutdown hooks run, a second exit request just waits for them), so this replaces it.
 */
final class SecondInterrupt {
    private SecondInterrupt() { }

    /** {@code lastWords}: what the user must know when teardown is cut short (how to finish it). */
    static void install(String lastWords) {
        AtomicInteger count = new AtomicInteger();
        try {
            Signal.handle(new Signal("INT"), signal -> {
                if (count.incrementAndGet() == 1) {
                    System.err.println("labs: interrupted; tearing down (Ctrl-C again to stop at once)");
                    System.exit(128 + signal.getNumber());
                } else {
                    System.err.println(lastWords);
                    System.err.flush();
                    Runtime.getRuntime().halt(128 + signal.getNumber());
                }
            });
        } catch (IllegalArgumentException e) {
            // signals reserved (java -Xrs) or unknown here: the JVM's own handling remains
        }
    }
}
