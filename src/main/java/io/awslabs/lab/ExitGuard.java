package io.awslabs.lab;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * One JVM shutdown hook that runs registered actions newest first. The JVM runs separate hooks
 * concurrently and in no order, but on Ctrl-C the ledger must be unwound before the report is
 * written and both before the emulator stops, so they share this single ordered hook.
 */
public final class ExitGuard {
    private static final Deque<Registration> ACTIONS = new ArrayDeque<>();
    private static boolean installed;

    private ExitGuard() { }

    public static final class Registration implements AutoCloseable {
        private final String name;
        private final Runnable action;

        private Registration(String name, Runnable action) {
            this.name = name;
            this.action = action;
        }

        /** The guarded work finished normally: the action is no longer needed at exit. */
        @Override
        public void close() {
            synchronized (ExitGuard.class) {
                ACTIONS.remove(this);
            }
        }

        @Override
        public String toString() {
            return name;
        }
    }

    public static synchronized Registration onExit(String name, Runnable action) {
        if (!installed) {
            Runtime.getRuntime().addShutdownHook(new Thread(ExitGuard::runAll, "labs-exit-guard"));
            installed = true;
        }
        Registration registration = new Registration(name, action);
        ACTIONS.push(registration);
        return registration;
    }

    private static void runAll() {
        while (true) {
            Registration next;
            synchronized (ExitGuard.class) {
                next = ACTIONS.poll();
            }
            if (next == null) {
                return;
            }
            try {
                next.action.run();
            } catch (RuntimeException e) {
                System.err.println("labs: at exit, " + next.name + " failed: " + e.getMessage());
            }
        }
    }
}
