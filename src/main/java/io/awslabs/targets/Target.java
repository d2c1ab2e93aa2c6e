package io.awslabs.targets;

import io.awslabs.lab.LabInfo;
import java.net.URI;
import java.util.Optional;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/** Somewhere labs run: an emulator or an AWS account, with SDK clients built for it. */
public interface Target extends AutoCloseable {

    TargetKind kind();

    String region();

    /** The emulator endpoint; empty for AWS, whose endpoints the SDK resolves itself. */
    Optional<URI> endpoint();

    String accountId();

    /** One client per service type, built on first use and reused for the whole run. */
    <T extends SdkClient> T client(Class<T> type);

    S3Presigner s3Presigner();

    /** Time spent inside AWS API calls so far, as measured by the SDK's own interceptor hooks. */
    ApiTimer apiTimer();

    /** Time it took to make the target ready (starting an emulator), zero if nothing started. */
    long startMillis();

    default Optional<KnownGap> gap(String labId, String assertionId) {
        return KnownGaps.find(kind(), labId, assertionId);
    }

    /** Why this target cannot run the lab at all (a service it lacks), or empty if it can. */
    default Optional<String> cannotRun(LabInfo lab) {
        return Optional.empty();
    }

    @Override
    void close();
}
