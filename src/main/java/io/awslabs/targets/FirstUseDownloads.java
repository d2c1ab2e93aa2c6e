package io.awslabs.targets;

import io.awslabs.text.Phrase;
import java.util.Map;
import java.util.Optional;

/**
 * Services LocalStack 4.14.0 lists as available in its health document although it can start
 * them only by downloading an engine at their first call. In a container that download is
 * LocalStack's normal way; the host process is its developer mode, which this tool runs exactly
 * when there is no Docker and counts on nothing being downloaded: offline, the first Kinesis call
 * fails after about 100 s with 500 InternalError "Installation of kinesis-local 0.5.2 failed"
 * (measured with the npm registry unreachable), and the health document still says "running".
 */
final class FirstUseDownloads {
    /** What each downloads, with the source files that do it. */
    private static final Map<String, Phrase> ENGINES = Map.of(
            "kinesis", TargetWords.phrase("download.kinesis"),
            "dynamodb", TargetWords.phrase("download.dynamodb"));

    private FirstUseDownloads() { }

    /** What LocalStack downloads at the first call of {@code service}, if anything. */
    static Optional<Phrase> of(String service) {
        return Optional.ofNullable(ENGINES.get(service));
    }
}
