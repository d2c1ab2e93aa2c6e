package io.awslabs.testing;

import io.awslabs.target.EmulatorTarget;
import io.awslabs.target.MotoServer;
import io.awslabs.target.Target;
import io.awslabs.target.TargetKind;
import java.net.URI;

/**
 * One real moto server for the whole test JVM, started by the same launcher code the CLI uses
 * and stopped when the JVM exits. Each test gets its own target (its own SDK clients) on it.
 */
public final class SharedMoto {
    private static MotoServer server;

    private SharedMoto() { }

    public static synchronized URI endpoint() {
        if (server == null) {
            server = MotoServer.start(line -> System.err.println("[moto] " + line), false);
            Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        }
        return server.endpoint();
    }

    /** A moto target on the shared server; closing it closes only its clients. */
    public static Target target() {
        return new EmulatorTarget(TargetKind.MOTO, endpoint(), "us-east-1", 0, () -> { });
    }

    public static EmulatorState state() {
        return new EmulatorState(endpoint());
    }
}
