package io.awslabs.testing;

import io.awslabs.targets.LocalStack;
import io.awslabs.targets.Target;

/**
 * One real LocalStack 4.14.0 for the whole test JVM, chosen and started by the same code the
 * CLI uses (a container where Docker answers, a host process otherwise) and stopped when the
 * JVM exits. Each test gets its own target (its own SDK clients) on it.
 */
public final class SharedLocalStack {
    private static LocalStack.Running running;

    private SharedLocalStack() { }

    public static synchronized LocalStack.Running running() {
        if (running == null) {
            running = LocalStack.start(null, false, line -> System.err.println("[localstack] " + line));
            LocalStack.Running started = running;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (Exception e) {
                    System.err.println("[localstack] could not stop: " + e);
                }
            }));
        }
        return running;
    }

    /** A LocalStack target on the shared instance; closing it closes only its clients. */
    public static Target target() {
        return LocalStack.target(running(), "us-east-1", () -> { });
    }
}
