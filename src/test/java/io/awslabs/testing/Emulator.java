package io.awslabs.testing;

import io.awslabs.targets.EmulatorKind;
import io.awslabs.targets.Target;
import java.net.URI;
import java.util.List;
import java.util.function.Supplier;

/**
 * The emulators every lab's integration tests run on, for {@code @EnumSource(Emulator.class)}:
 * each gives a target on its shared instance, its endpoint, and lists what a run left live there.
 */
public enum Emulator {
    MOTO(EmulatorKind.MOTO, SharedMoto::target, SharedMoto::endpoint),
    LOCALSTACK(EmulatorKind.LOCALSTACK, SharedLocalStack::target, () -> SharedLocalStack.running().endpoint());

    private final EmulatorKind kind;
    private final Supplier<Target> target;
    private final Supplier<URI> endpoint;

    Emulator(EmulatorKind kind, Supplier<Target> target, Supplier<URI> endpoint) {
        this.kind = kind;
        this.target = target;
        this.endpoint = endpoint;
    }

    public EmulatorKind kind() {
        return kind;
    }

    /** A target with its own SDK clients; close it after the test. */
    public Target target() {
        return target.get();
    }

    public URI endpoint() {
        return endpoint.get();
    }

    /** What of the run is still live here, through the emulator's own listing APIs. */
    public List<String> liveResourcesOf(String runId) throws Exception {
        try (Target target = target()) {
            return Leftovers.of(target, runId);
        }
    }
}
