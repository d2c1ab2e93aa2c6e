package io.awslabs.testing;

import io.awslabs.targets.Target;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The emulators every lab's integration tests run on, for {@code @EnumSource(Emulator.class)}:
 * each gives a target on its shared instance and lists what a run left live there.
 */
public enum Emulator {
    MOTO(SharedMoto::target),
    LOCALSTACK(SharedLocalStack::target);

    private final Supplier<Target> target;

    Emulator(Supplier<Target> target) {
        this.target = target;
    }

    /** A target with its own SDK clients; close it after the test. */
    public Target target() {
        return target.get();
    }

    /** What of the run is still live here, through every {@link LeftoverProbe}'s listing APIs. */
    public List<String> liveResourcesOf(String runId) throws Exception {
        List<String> live = new ArrayList<>();
        try (Target target = target()) {
            for (LeftoverProbe probe : LeftoverProbe.ALL) {
                try {
                    live.addAll(probe.live(target, runId));
                } catch (AwsServiceException e) {
                    // 501: a service this emulator does not have (LocalStack community and
                    // CloudFront) can hold nothing; any other error is a real failure
                    if (e.statusCode() != 501) throw e;
                }
            }
        }
        return live;
    }
}
